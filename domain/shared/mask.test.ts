import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask';

describe('maskPhone', () => {
  it('masks a mainland mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps a country code apart', () => {
    expect(maskPhone('+86 138 1234 5678')).toBe('+86 138****5678');
    expect(maskPhone('8613812345678')).toBe('86 138****5678');
  });

  it('masks landlines and short numbers without revealing them', () => {
    expect(maskPhone('010-6552-9988')).toBe('010****9988');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('1')).toBe('*');
  });

  it('returns an empty string for no phone', () => {
    expect(maskPhone(null)).toBe('');
    expect(maskPhone('')).toBe('');
  });
});
