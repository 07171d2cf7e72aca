import { describe, expect, it } from 'vitest';
import { barcodeProblem, ean13, gs1CheckDigit } from './barcode';

describe('barcode check digits', () => {
  it('computes the GS1 check digit of real EAN-13 and UPC-A codes', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1); // 4006381333931
    expect(gs1CheckDigit('690123456789')).toBe(2); // 6901234567892
    expect(gs1CheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(ean13('400638133393')).toBe('4006381333931');
  });

  it('accepts valid retail codes and refuses a wrong check digit or a wrong length', () => {
    expect(barcodeProblem('4006381333931', false)).toBeNull();
    expect(barcodeProblem('036000291452', false)).toBeNull();
    expect(barcodeProblem('4006381333932', false)).toBe('check_digit');
    expect(barcodeProblem('036000291453', false)).toBe('check_digit');
    expect(barcodeProblem('40063813339', false)).toBe('format');
    expect(barcodeProblem('ABC-123', false)).toBe('format');
  });

  it('allows internal codes only when marked, and only of plain characters', () => {
    expect(barcodeProblem('INT-0001', true)).toBeNull();
    expect(barcodeProblem('4006381333932', true)).toBeNull();
    expect(barcodeProblem('内部 01', true)).toBe('internal_format');
    expect(barcodeProblem('-X', true)).toBe('internal_format');
  });
});
