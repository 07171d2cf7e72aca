import { describe, expect, it } from 'vitest';
import { formatFenAsYuan, parseProviderFen, parseProviderYuan } from './amounts';

describe('parseProviderYuan', () => {
  it.each([
    ['0.10', 10],
    ['0.01', 1],
    ['12.5', 1250],
    ['12.50', 1250],
    ['3', 300],
    ['0', 0],
    ['0.00', 0],
    ['1234567.89', 123456789],
    ['0.29', 29],
    ['1.15', 115],
    ['4.35', 435],
    ['9999999999999.99', 999999999999999],
  ])('%s yuan is %d fen exactly', (text, fen) => {
    expect(parseProviderYuan(text)).toEqual({ ok: true, fen });
  });

  it('keeps amounts a float would round wrongly (4.35 * 100 = 434.99999999999994)', () => {
    expect(4.35 * 100).not.toBe(435);
    expect(parseProviderYuan('4.35')).toEqual({ ok: true, fen: 435 });
  });

  it.each([
    '',
    ' 1.00',
    '1.00 ',
    '-1.00',
    '+1',
    '1e3',
    '1,000.00',
    '¥1.00',
    '１.００',
    '.5',
    '5.',
    '01.00',
    'NaN',
    '0x10',
  ])('refuses %j as a provider amount', (text) => {
    expect(parseProviderYuan(text)).toEqual({ ok: false, error: 'invalid' });
  });

  it('refuses fractions of a fen and amounts beyond exact integers', () => {
    expect(parseProviderYuan('0.005')).toEqual({ ok: false, error: 'too_precise' });
    expect(parseProviderYuan('1.100')).toEqual({ ok: false, error: 'too_precise' });
    expect(parseProviderYuan('99999999999999.99')).toEqual({ ok: false, error: 'too_large' });
  });
});

describe('parseProviderFen', () => {
  it('reads digit strings as fen', () => {
    expect(parseProviderFen('1000')).toEqual({ ok: true, fen: 1000 });
    expect(parseProviderFen('1')).toEqual({ ok: true, fen: 1 });
    expect(parseProviderFen('0')).toEqual({ ok: true, fen: 0 });
  });
  it.each(['', '01', '1.0', '-1', ' 1', '1e2'])('refuses %j', (text) => {
    expect(parseProviderFen(text)).toEqual({ ok: false, error: 'invalid' });
  });
  it('refuses more than 15 digits', () => {
    expect(parseProviderFen('1234567890123456')).toEqual({ ok: false, error: 'too_large' });
  });
});

describe('formatFenAsYuan', () => {
  it.each([
    [10, '0.10'],
    [1, '0.01'],
    [0, '0.00'],
    [1250, '12.50'],
    [123456789, '1234567.89'],
  ])('%d fen is "%s"', (fen, text) => {
    expect(formatFenAsYuan(fen)).toBe(text);
  });
  it('round-trips with parseProviderYuan', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 101, 435, 999999999999999]) {
      expect(parseProviderYuan(formatFenAsYuan(fen))).toEqual({ ok: true, fen });
    }
  });
  it('throws on non-integers and negatives (a bug, not an input)', () => {
    expect(() => formatFenAsYuan(0.1)).toThrow(RangeError);
    expect(() => formatFenAsYuan(-1)).toThrow(RangeError);
  });
});
