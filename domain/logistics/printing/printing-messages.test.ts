import { describe, expect, it } from 'vitest';
import en from '@/messages/en/printing.json';
import zh from '@/messages/zh-CN/printing.json';
import type { PrintDocumentKind } from '@/components/printing/print-css';
import type { PrintParamsError } from './print-params';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const ERRORS: Record<PrintParamsError | 'pdf_failed', true> = {
  missing_selection: true,
  both_selections: true,
  invalid_order_ids: true,
  too_many_orders: true,
  invalid_warehouse: true,
  invalid_label_format: true,
  invalid_carrier: true,
  pdf_failed: true,
};
const TITLES: Record<PrintDocumentKind, true> = {
  'pick-list': true,
  'packing-slips': true,
  'labels-thermal': true,
  'labels-a4': true,
};

describe('printing messages', () => {
  it('has the same keys in both languages', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('explains every print parameter error and names every document', () => {
    for (const messages of [en, zh]) {
      const all = new Set(keys(messages));
      for (const code of Object.keys(ERRORS)) expect(all.has(`errors.${code}`), code).toBe(true);
      for (const kind of Object.keys(TITLES)) expect(all.has(`titles.${kind}`), kind).toBe(true);
    }
  });
});
