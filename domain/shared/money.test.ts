import { describe, expect, it } from 'vitest';
import { formatMoney, minorUnitsToDecimal, parseYuanToFen, sumCents, sumMoney } from './money';

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

  it("uses the currency's own minor unit (JPY has none)", () => {
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
    expect(
      sumMoney(
        [
          { cents: 100, currency: 'CNY' },
          { cents: -30, currency: 'CNY' },
        ],
        'CNY',
      ),
    ).toEqual({ cents: 70, currency: 'CNY' });
    expect(sumMoney([], 'USD')).toEqual({ cents: 0, currency: 'USD' });
    expect(sumCents([1, 2, 3])).toBe(6);
  });

  it('refuses to mix currencies', () => {
    expect(() =>
      sumMoney(
        [
          { cents: 100, currency: 'CNY' },
          { cents: 100, currency: 'USD' },
        ],
        'CNY',
      ),
    ).toThrow(/USD/);
  });

  it('refuses totals beyond exact integers', () => {
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('parseYuanToFen', () => {
  const fen = (text: string) => {
    const parsed = parseYuanToFen(text);
    return parsed.ok ? parsed.fen : parsed.error;
  };

  it('reads yuan with up to two decimals as exact integer fen', () => {
    expect(fen('12.5')).toBe(1250);
    expect(fen('12.50')).toBe(1250);
    expect(fen('12')).toBe(1200);
    expect(fen('12.')).toBe(1200);
    expect(fen('0.05')).toBe(5);
    expect(fen('0.1')).toBe(10);
    expect(fen('007.30')).toBe(730);
    expect(fen('0')).toBe(0);
    expect(fen('.5')).toBe(50);
  });

  it('is exact where a float multiplication is not', () => {
    // 0.29 * 100 = 28.999999999999996 and 1.005 * 100 = 100.49999999999999 in floating point
    expect(fen('0.29')).toBe(29);
    expect(fen('19.99')).toBe(1999);
    expect(fen('4.35')).toBe(435);
    expect(fen('9999999999999.99')).toBe(999999999999999);
  });

  it('treats a blank field as zero', () => {
    expect(fen('')).toBe(0);
    expect(fen('   ')).toBe(0);
  });

  it('accepts what people paste: a yuan sign, thousands separators, full-width digits', () => {
    expect(fen('¥1,234.5')).toBe(123450);
    expect(fen(' ￥8 ')).toBe(800);
    expect(fen('１２．５')).toBe(1250);
  });

  it('refuses more than two decimals instead of rounding', () => {
    expect(fen('12.345')).toBe('too_precise');
    expect(fen('0.005')).toBe('too_precise');
    expect(fen('1.000')).toBe('too_precise');
  });

  it('refuses what is not a plain non-negative amount', () => {
    for (const text of [
      '-1',
      '+1',
      'abc',
      '1e3',
      '1.2.3',
      '.',
      '12,34',
      '1,2345',
      'NaN',
      'Infinity',
      '0x10',
      '1 000',
    ]) {
      expect(fen(text), text).toBe('invalid');
    }
  });

  it('refuses amounts past exact integers', () => {
    expect(fen('99999999999999999')).toBe('too_large');
    expect(fen('90071992547409.93')).toBe('too_large');
  });
});
