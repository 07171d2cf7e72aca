import { describe, expect, it } from 'vitest';
import { neutralizeFormula, reorderSuggestionsToCsv, type ReorderCsvLabels } from './reorder-csv';
import { computeReorderQuantity, ZReorderOptions, type ReorderSuggestion } from './reorder-suggestions';

describe('computeReorderQuantity', () => {
  const base = { unitsSold: 30, days: 30, leadTimeDays: 7, safetyDays: 3, available: 0, incoming: 0 };
  it('is velocity x (lead time + safety days), rounded up, minus available and incoming', () => {
    expect(computeReorderQuantity(base)).toBe(10);
    expect(computeReorderQuantity({ ...base, available: 4 })).toBe(6);
    expect(computeReorderQuantity({ ...base, available: 4, incoming: 5 })).toBe(1);
  });
  it('rounds the cover up exactly, without float error', () => {
    // 7 x 8 / 30 = 1.866..: 2 units
    expect(computeReorderQuantity({ ...base, unitsSold: 7, leadTimeDays: 5 })).toBe(2);
    // 3 x 10 / 30 = 1 exactly: not 2
    expect(computeReorderQuantity({ ...base, unitsSold: 3 })).toBe(1);
    // 1 x 10 / 3 = 3.33: 4
    expect(computeReorderQuantity({ ...base, unitsSold: 1, days: 3 })).toBe(4);
  });
  it('is never negative and zero without sales', () => {
    expect(computeReorderQuantity({ ...base, available: 500 })).toBe(0);
    expect(computeReorderQuantity({ ...base, unitsSold: 0 })).toBe(0);
  });
  it('defaults to 30 days and 3 safety days and rejects nonsense', () => {
    expect(ZReorderOptions.parse({})).toEqual({ days: 30, safetyDays: 3 });
    expect(ZReorderOptions.parse({ days: '14', safetyDays: '0' })).toEqual({ days: 14, safetyDays: 0 });
    expect(ZReorderOptions.safeParse({ days: '0' }).success).toBe(false);
    expect(ZReorderOptions.safeParse({ days: 'abc' }).success).toBe(false);
    expect(ZReorderOptions.safeParse({ safetyDays: '-1' }).success).toBe(false);
  });
});

describe('reorder CSV', () => {
  const labels: ReorderCsvLabels = {
    skuCode: 'SKU code',
    skuName: 'SKU name',
    variant: 'Variant',
    productName: 'Product',
    unitsSold: 'Units sold',
    velocityPerDay: 'Per day',
    leadTimeDays: 'Lead time',
    safetyDays: 'Safety',
    available: 'Available',
    incoming: 'Incoming',
    suggestedQuantity: 'Suggested',
  };
  const row = (overrides: Partial<ReorderSuggestion>): ReorderSuggestion => ({
    skuId: 1,
    skuCode: 'TS-001',
    skuName: '纯棉T恤',
    variant: 'M',
    productName: '纯棉T恤',
    unitsSold: 7,
    velocityPerDay: 7 / 30,
    leadTimeDays: 5,
    safetyDays: 3,
    available: 0,
    incoming: 0,
    suggestedQuantity: 2,
    ...overrides,
  });

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(neutralizeFormula('+86 123')).toBe("'+86 123");
    expect(neutralizeFormula('-2+3')).toBe("'-2+3");
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('\t=1')).toBe("'\t=1");
    expect(neutralizeFormula('TS-001')).toBe('TS-001');
    expect(neutralizeFormula('')).toBe('');
  });

  it('writes a BOM, translated headers, quoted special characters and guarded text cells', () => {
    const csv = reorderSuggestionsToCsv(
      [
        row({ skuName: "=cmd|' /C calc'!A0", productName: 'a,b "quoted"', variant: null }),
        row({ skuCode: '@evil', skuName: '-1', suggestedQuantity: 12 }),
      ],
      labels,
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'SKU code,SKU name,Variant,Product,Units sold,Per day,Lead time,Safety,Available,Incoming,Suggested',
    );
    expect(lines[1]).toBe('TS-001,\'=cmd|\' /C calc\'!A0,,"a,b ""quoted""",7,0.23,5,3,0,0,2');
    expect(lines[2]).toBe("'@evil,'-1,M,纯棉T恤,7,0.23,5,3,0,0,12");
    expect(lines.at(-1)).toBe('');
  });
});
