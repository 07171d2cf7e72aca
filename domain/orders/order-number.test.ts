import { describe, expect, it } from 'vitest';
import { formatOrderNumber } from './order-number';

describe('formatOrderNumber', () => {
  it('uses the Shanghai calendar date, not the UTC one', () => {
    // 2026-06-11 17:30 UTC is already 2026-06-12 01:30 in Shanghai
    expect(formatOrderNumber(new Date('2026-06-11T17:30:00Z'), 1234)).toBe('SO260612001234');
    expect(formatOrderNumber(new Date('2026-06-11T15:59:59Z'), 1234)).toBe('SO260611001234');
  });

  it('pads the sequence to six digits and lets larger values grow', () => {
    expect(formatOrderNumber(new Date('2026-01-05T04:00:00Z'), 7)).toBe('SO260105000007');
    expect(formatOrderNumber(new Date('2026-01-05T04:00:00Z'), 12345678)).toBe('SO26010512345678');
  });
});
