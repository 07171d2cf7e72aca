import { describe, expect, it } from 'vitest';
import { formatMoney, minorUnitsToDecimal, sumCents, sumMoney } from './money';

describe('formatMoney', () => {
  it('formats CNY fen in Chinese and English', () => {
    expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(123456, 'CNY', 'en')).toBe('CN¥1,234.56');
  });

  it('formats USD cents', () => {
    expect(formatMoney(1999, 'USD', 'en')).toBe('$19.99');
    expect(formatMoney(5, 'USD', 'en')).toBe('$0.05');
  });

  it('formats zero', () => {
    expect(formatMoney(0, 'CNY', 'zh-CN')).toBe('¥0.00');
    expect(formatMoney(0, 'USD', 'en')).toBe('$0.00');
  });

  it('formats negative amounts (refunds, adjustments)', () => {
    expect(formatMoney(-150, 'CNY', 'zh-CN')).toBe('-¥1.50');
    expect(formatMoney(-1, 'USD', 'en')).toBe('-$0.01');
  });

  it('formats large amounts exactly, without float rounding', () => {
    // 2^53 - 1 fen: a float division by 100 would round the last digits
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'CNY', 'zh-CN')).toBe('¥90,071,992,547,409.91');
    expect(formatMoney(100_000_000_00, 'USD', 'en')).toBe('$100,000,000.00');
  });

  it('uses the currency\'s own minor unit (JPY has none)', () => {
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500');
  });

  it('refuses non-integer amounts', () => {
    expect(() => formatMoney(12.5, 'CNY', 'zh-CN')).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, 'CNY', 'zh-CN')).toThrow(RangeError);
  });
});

describe('minorUnitsToDecimal', () => {
  it('pads small amounts', () => {
    expect(minorUnitsToDecimal(7, 2)).toBe('0.07');
    expect(minorUnitsToDecimal(-7, 2)).toBe('-0.07');
    expect(minorUnitsToDecimal(1234, 0)).toBe('1234');
  });
});

describe('sumMoney / sumCents', () => {
  it('adds amounts of one currency', () => {
    expect(sumMoney([{ cents: 100, currency: 'CNY' }, { cents: -30, currency: 'CNY' }], 'CNY')).toEqual({ cents: 70, currency: 'CNY' });
    expect(sumMoney([], 'USD')).toEqual({ cents: 0, currency: 'USD' });
    expect(sumCents([1, 2, 3])).toBe(6);
  });

  it('refuses to mix currencies', () => {
    expect(() => sumMoney([{ cents: 100, currency: 'CNY' }, { cents: 100, currency: 'USD' }], 'CNY')).toThrow(/USD/);
  });

  it('refuses totals beyond exact integers', () => {
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
