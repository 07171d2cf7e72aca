import { paymentStatus } from '@/db/schema/payments';

export const PAYMENT_STATUSES = paymentStatus.enumValues;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A payment attempt's life: pending until the provider reports it succeeded, failed or closed. A
 * success reported after a failure or a close (the buyer paid on a page we had given up on) still
 * counts: the money arrived. Succeeded is final; giving money back is a refund, not a move.
 */
export const PAYMENT_TRANSITIONS = {
  pending: ['succeeded', 'failed', 'closed'],
  failed: ['succeeded'],
  closed: ['succeeded'],
  succeeded: [],
} as const satisfies Record<PaymentStatus, readonly PaymentStatus[]>;

/** Whether a payment in `from` may move to `to`. */
export function canPaymentTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return (PAYMENT_TRANSITIONS[from] as readonly PaymentStatus[]).includes(to);
}

/** The statuses a payment in `from` may move to next. */
export function nextPaymentStates(from: PaymentStatus): readonly PaymentStatus[] {
  return PAYMENT_TRANSITIONS[from];
}
