import { refundStatus, type RefundStatus } from '@/db/schema/payments';

export type { RefundStatus };
export const REFUND_STATUSES = refundStatus.enumValues;

/**
 * A refund's life: it is owed (pending) until the money has gone back (succeeded) or the
 * provider refused it (failed). Both ends are final; a failed refund no longer counts against
 * what may be refunded, so a new one can be requested.
 */
export const REFUND_TRANSITIONS = {
  pending: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
} as const satisfies Record<RefundStatus, readonly RefundStatus[]>;

export function canRefundTransition(from: RefundStatus, to: RefundStatus): boolean {
  return (REFUND_TRANSITIONS[from] as readonly RefundStatus[]).includes(to);
}

/** Methods whose refunds are paid out by a person (a bank transfer back) and recorded with its reference. */
export const MANUAL_REFUND_METHODS = ['bank_transfer', 'cash_on_delivery'] as const;
export type ManualRefundMethod = (typeof MANUAL_REFUND_METHODS)[number];

export function isManualRefundMethod(method: string): method is ManualRefundMethod {
  return (MANUAL_REFUND_METHODS as readonly string[]).includes(method);
}
