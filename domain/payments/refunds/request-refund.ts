import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import { payments, refundLines, refunds, type Refund } from '@/db/schema/payments';
import { orders } from '@/db/schema/orders';
import { appendOrderEvent, staffIdOf } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { priceRefundLines } from './refund-by-lines';
import { isManualRefundMethod } from './refund-status';

export const MAX_REFUND_REASON_LENGTH = 500;

export const ZRefundRequest = z
  .object({
    orderId: z.number().int().positive().optional(),
    paymentId: z.number().int().positive().optional(),
    /** by amount (fen); exclusive with lines; omitted with no lines: everything still refundable */
    amountCents: z.number().int().positive().max(1_000_000_000).optional(),
    lines: z
      .array(
        z.object({
          orderLineId: z.number().int().positive(),
          quantity: z.number().int().min(0).max(100_000),
        }),
      )
      .max(500)
      .optional(),
    reason: z.string().trim().min(1).max(MAX_REFUND_REASON_LENGTH),
    /** manual methods: the reference of the transfer that paid the money back */
    reference: z.string().trim().min(1).max(100).optional(),
  })
  .refine((input) => input.orderId !== undefined || input.paymentId !== undefined, {
    message: 'an order or a payment',
    path: ['orderId'],
  })
  .refine((input) => !(input.amountCents !== undefined && input.lines !== undefined), {
    message: 'by amount or by lines, not both',
    path: ['amountCents'],
  });
export type TRefundRequest = z.input<typeof ZRefundRequest>;

/**
 * Failure codes:
 * - `invalid`: the request is malformed (fieldErrors name the field).
 * - `not_found`: no such order or payment.
 * - `no_payment`: the order has no payment whose money we hold (succeeded, or flagged for refund).
 * - `ambiguous_payment`: the order holds money from more than one payment: name the payment.
 * - `exceeds_refundable`: more than paid minus refunded (pending and succeeded); params.refundableCents.
 * - `nothing_to_refund`: the lines chosen are worth nothing / nothing is left.
 * - `line_not_in_order`, `exceeds_line_quantity`: by lines; params.line, params.refundable.
 * - `reference_required`: a manual method is refunded by a person's transfer: give its reference.
 */
export type RequestRefundFailure =
  | 'invalid'
  | 'not_found'
  | 'no_payment'
  | 'ambiguous_payment'
  | 'exceeds_refundable'
  | 'nothing_to_refund'
  | 'line_not_in_order'
  | 'exceeds_line_quantity'
  | 'reference_required';

/** A payment whose money we hold: succeeded, or a late success flagged as owed back. */
const HOLDS_MONEY = sql`(p.status = 'succeeded' or p.needs_refund)`;

/**
 * Records a refund: full (no amount, no lines), by amount, or by lines. The payment row is locked
 * (FOR UPDATE) before paid minus refunded is computed, so refunds racing each other queue up and
 * none can take more than is left. Manual methods are paid back by a person, so the refund is
 * recorded as succeeded with the transfer's reference; provider refunds stay pending until the
 * provider answers (submitRefund sends them, after this transaction commits).
 */
export async function requestRefund(
  db: Database,
  raw: TRefundRequest & { actor: Actor },
): Promise<Result<Refund, RequestRefundFailure>> {
  const parsed = ZRefundRequest.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'The refund request is not valid', zodFieldErrors(parsed.error));
  const input = parsed.data;
  const { actor } = raw;

  return inTransaction<Refund, RequestRefundFailure>(db, async (tx) => {
    const candidates = await queryRows<{ id: number }>(
      tx,
      input.paymentId !== undefined
        ? sql`select p.id from payments p where p.id = ${input.paymentId} ${input.orderId !== undefined ? sql`and p.order_id = ${input.orderId}` : sql``}`
        : sql`select p.id from payments p where p.order_id = ${input.orderId} and ${HOLDS_MONEY} order by p.id`,
    );
    if (candidates.length === 0) {
      if (input.paymentId !== undefined) return fail('not_found', `No payment ${input.paymentId}`);
      const [order] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(sql`${orders.id} = ${input.orderId}`);
      return order
        ? fail('no_payment', 'This order has no payment to refund')
        : fail('not_found', `No order ${input.orderId}`);
    }
    if (candidates.length > 1)
      return fail('ambiguous_payment', 'This order holds more than one payment: choose which to refund');

    // the lock that serialises refunds of one payment; everything below sees a settled total
    const [paymentRow] = await tx
      .select()
      .from(payments)
      .where(eq(payments.id, Number(candidates[0].id)))
      .for('update');
    if (paymentRow.status !== 'succeeded' && !paymentRow.needsRefund)
      return fail('no_payment', 'This payment did not take any money');

    const [{ refunded, count }] = await queryRows<{ refunded: number; count: number }>(
      tx,
      sql`
      select coalesce(sum(amount_cents) filter (where status <> 'failed'), 0)::int as refunded, count(*)::int as count
      from refunds where payment_id = ${paymentRow.id}`,
    );
    const refundableCents = paymentRow.amountCents - Number(refunded);

    let amountCents: number;
    let lineRows: { orderLineId: number; quantity: number; amountCents: number }[] = [];
    if (input.lines !== undefined) {
      const priced = await priceLines(tx, paymentRow.orderId, input.lines);
      if (!priced.ok) return priced;
      lineRows = priced.data.lines;
      amountCents = priced.data.amountCents;
    } else {
      amountCents = input.amountCents ?? refundableCents;
    }
    if (refundableCents <= 0 || amountCents <= 0)
      return fail('nothing_to_refund', 'Nothing is left to refund', undefined, {
        refundableCents: Math.max(0, refundableCents),
      });
    if (amountCents > refundableCents) {
      return fail(
        'exceeds_refundable',
        `At most ${refundableCents} fen can still be refunded`,
        { amountCents: ['exceeds_refundable'] },
        { refundableCents },
      );
    }

    const isManual = isManualRefundMethod(paymentRow.method);
    if (isManual && !input.reference)
      return fail('reference_required', 'Give the reference of the transfer that paid the money back', {
        reference: ['reference_required'],
      });

    const [order] = await tx
      .select({ number: orders.number })
      .from(orders)
      .where(sql`${orders.id} = ${paymentRow.orderId}`);
    const [refund] = await tx
      .insert(refunds)
      .values({
        paymentId: paymentRow.id,
        orderId: paymentRow.orderId,
        outRefundNo: `RF${order.number}R${Number(count) + 1}`,
        amountCents,
        currency: paymentRow.currency,
        reason: input.reason,
        createdBy: staffIdOf(actor),
        ...(isManual
          ? { status: 'succeeded' as const, providerRefundId: input.reference, completedAt: new Date() }
          : {}),
      })
      .returning();
    if (lineRows.length > 0)
      await tx.insert(refundLines).values(lineRows.map((line) => ({ ...line, refundId: refund.id })));

    await appendOrderEvent(tx, {
      orderId: paymentRow.orderId,
      kind: 'refund',
      actor,
      message: input.reason,
      details: {
        refundId: refund.id,
        paymentId: paymentRow.id,
        method: paymentRow.method,
        amountCents,
        currency: paymentRow.currency,
        status: refund.status,
        ...(input.reference ? { reference: input.reference } : {}),
        ...(lineRows.length > 0
          ? { lines: lineRows.map(({ orderLineId, quantity }) => ({ orderLineId, quantity })) }
          : {}),
      },
    });
    return ok(refund);
  });
}

async function priceLines(tx: Database, orderId: number, requested: { orderLineId: number; quantity: number }[]) {
  const rows = await queryRows<{ id: number; quantity: number; line_total_cents: number; refunded_quantity: number }>(
    tx,
    sql`
    select l.id, l.quantity, l.line_total_cents,
      coalesce((select sum(rl.quantity) from refund_lines rl join refunds r on r.id = rl.refund_id
        where rl.order_line_id = l.id and r.status <> 'failed'), 0)::int as refunded_quantity
    from order_lines l where l.order_id = ${orderId} order by l.id`,
  );
  const [order] = await queryRows<{ discount_cents: number }>(
    tx,
    sql`select discount_cents from orders where id = ${orderId}`,
  );
  const priced = priceRefundLines(
    rows.map((r) => ({
      id: Number(r.id),
      quantity: Number(r.quantity),
      lineTotalCents: Number(r.line_total_cents),
      refundedQuantity: Number(r.refunded_quantity),
    })),
    Number(order.discount_cents),
    requested,
  );
  if (priced.ok) return ok(priced);
  const { error } = priced;
  return error.code === 'line_not_in_order'
    ? fail(
        'line_not_in_order' as const,
        `Line ${error.orderLineId} is not a line of this order`,
        { lines: ['line_not_in_order'] },
        { line: error.orderLineId },
      )
    : fail(
        'exceeds_line_quantity' as const,
        `Line ${error.orderLineId}: at most ${error.refundable} more units can be refunded`,
        { lines: ['exceeds_line_quantity'] },
        { line: error.orderLineId, refundable: error.refundable },
      );
}
