import { describe, expect, it } from 'vitest';
import en from '@/messages/en/refunds.json';
import zh from '@/messages/zh-CN/refunds.json';
import { ISSUE_KINDS } from '@/domain/payments/reconciliation/record-issue';
import type { RequestRefundFailure } from './request-refund';
import type { RefundGatewayFailure } from './submit-refund';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

// every failure code the refund actions can return, so none reaches a person untranslated
const CODES: (Exclude<RequestRefundFailure, 'invalid'> | RefundGatewayFailure)[] = [
  'not_found',
  'no_payment',
  'ambiguous_payment',
  'exceeds_refundable',
  'nothing_to_refund',
  'line_not_in_order',
  'exceeds_line_quantity',
  'reference_required',
  'not_pending',
  'manual_method',
  'not_configured',
  'gateway_error',
  'conflict',
];

describe('refunds messages', () => {
  it('has the same keys in both languages', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('explains every failure code and names every reconciliation finding', () => {
    for (const messages of [en, zh]) {
      const all = new Set(keys(messages));
      for (const code of CODES) expect(all.has(`errors.${code}`), code).toBe(true);
      for (const kind of ISSUE_KINDS) expect(all.has(`reconciliation.kind.${kind}`), kind).toBe(true);
    }
  });
});
