import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { payments, type Payment, type PaymentMethod } from '@/db/schema/payments';
import type { Order } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { ZId } from './order-input';
import { appendOrderEvent, staffIdOf } from './order-event';
import { transitionOrder } from './transition-order';

/** Methods a person may confirm by hand (money seen on a statement); cash on delivery is recorded at completion instead. */
export const MANUAL_PAYMENT_METHODS = [
  'bank_transfer',
  'alipay',
  'wechat_pay',
  'unionpay',
] as const satisfies readonly PaymentMethod[];
export type ManualPaymentMethod = (typeof MANUAL_PAYMENT_METHODS)[number];

export const MAX_PAYMENT_REFERENCE_LENGTH = 100;
const ACTION = 'orders.actions.validation';

/** What a manual confirmation needs, for the order page and the REST API alike. */
export const ZConfirmPaymentInput = z.object({
  orderId: z.coerce.number().pipe(ZId),
  method: z.enum(MANUAL_PAYMENT_METHODS, `${ACTION}.method`),
  /** the bank statement line, transfer number or provider trade number the money arrived with */
  reference: safeText(`${ACTION}.reference`)
    .trim()
    .min(1, `${ACTION}.reference`)
    .max(MAX_PAYMENT_REFERENCE_LENGTH, `${ACTION}.referenceTooLong`),
});
export type TConfirmPaymentInput = z.input<typeof ZConfirmPaymentInput>;

export type ConfirmPaymentInput = TConfirmPaymentInput & { actor: Actor };

/**
 * Failure codes: `invalid` (fieldErrors name each field); `not_found`; `invalid_transition` / `conflict` (the order is no longer pending
 * payment; the message names its status); `cash_on_delivery` (paid at the door, not here);
 * `duplicate_reference` (this reference already confirmed another payment).
 */
export type ConfirmPaymentError =
  'invalid' | 'not_found' | 'invalid_transition' | 'conflict' | 'cash_on_delivery' | 'duplicate_reference';

/**
 * Records a manual payment of the order's full total as succeeded and moves the order from
 * pending payment to paid, in one transaction.
 */
export async function confirmPayment(
  db: Database,
  input: ConfirmPaymentInput,
): Promise<Result<{ order: Order; payment: Payment }, ConfirmPaymentError>> {
  const parsed = ZConfirmPaymentInput.safeParse(input);
  if (!parsed.success) return fail('invalid', 'the confirmation has invalid fields', zodFieldErrors(parsed.error));
  const { orderId, method, reference } = parsed.data;
  return inTransaction<{ order: Order; payment: Payment }, ConfirmPaymentError>(db, async (tx) => {
    const [taken] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.method, method), eq(payments.providerTxnId, reference)));
    if (taken)
      return fail('duplicate_reference', `reference ${reference} already confirmed a payment`, {
        reference: ['duplicate_reference'],
      });

    // the conditional update locks the order; everything below sees it as pending_payment -> paid
    const moved = await transitionOrder(tx, {
      orderId,
      to: 'paid',
      actor: input.actor,
      requiredFrom: 'pending_payment',
      details: { method: method, reference },
    });
    if (!moved.ok) return moved;
    const order = moved.data;
    if (order.isCashOnDelivery)
      return fail('cash_on_delivery', 'a cash-on-delivery order is paid at the door and recorded when it completes');

    const [{ attempts }] = await tx.select({ attempts: count() }).from(payments).where(eq(payments.orderId, order.id));
    const [payment] = await tx
      .insert(payments)
      .values({
        orderId: order.id,
        method: method,
        status: 'succeeded',
        outTradeNo: `MANUAL-${order.number}-${attempts + 1}`,
        providerTxnId: reference,
        amountCents: order.totalCents,
        currency: order.currency,
        createdBy: staffIdOf(input.actor),
        paidAt: new Date(),
      })
      .returning();
    await appendOrderEvent(tx, {
      orderId: order.id,
      kind: 'payment',
      actor: input.actor,
      message: reference,
      details: {
        paymentId: payment.id,
        method: method,
        reference,
        amountCents: order.totalCents,
        currency: order.currency,
      },
    });
    return ok({ order, payment });
  });
}
