import { describe, expect, it } from 'vitest';
import en from '@/messages/en/after-sales.json';
import zh from '@/messages/zh-CN/after-sales.json';
import { AFTER_SALES_KINDS, AFTER_SALES_STATUSES } from './after-sales-status';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe('after-sales messages', () => {
  it('say the same things in English and Chinese', () => {
    expect(keys(zh)).toEqual(keys(en));
  });

  it('name every kind and status, and explain every failure code the operations return', () => {
    for (const messages of [en, zh]) {
      for (const kind of AFTER_SALES_KINDS) expect(messages.kind[kind]).toBeTruthy();
      for (const status of AFTER_SALES_STATUSES) expect(messages.status[status]).toBeTruthy();
      for (const code of [
        'invalid',
        'not_found',
        'invalid_transition',
        'conflict',
        'order_not_eligible',
        'invalid_lines',
        'insufficient_stock',
        'unknown_carrier',
        'invalid_tracking_number',
        'duplicate_tracking_number',
        'exceeds_proposed',
        'exceeds_refundable',
        'reference_required',
        'refund_failed',
      ] as const) {
        expect(messages.errors[code]).toBeTruthy();
      }
    }
  });
});
