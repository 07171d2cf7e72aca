import { describe, expect, it } from 'vitest';
import { parseOrderId } from './order-id';

describe('parseOrderId', () => {
  it('accepts positive integers written as digits', () => {
    expect(parseOrderId('1')).toBe(1);
    expect(parseOrderId('123456789')).toBe(123456789);
  });

  it('refuses everything else', () => {
    for (const value of [
      '',
      '0',
      '-1',
      '1e3',
      '12abc',
      ' 1',
      '1.0',
      '0x10',
      '9999999999999999',
      'SO260101000001',
      undefined,
    ]) {
      expect(parseOrderId(value)).toBeNull();
    }
  });
});
