import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { safeText } from '@/domain/shared/safe-text';
import { queryRows, type Database } from '@/db/client';
import { afterSalesLines, afterSalesRequests, type AfterSalesRequest } from '@/db/schema/after-sales';
import { orders } from '@/db/schema/orders';
import { appendOrderEvent, staffIdOf } from '@/domain/orders/order-event';
import { getSettings } from '@/domain/settings/get-setting';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { appendAfterSalesEvent } from './after-sales-event';
import { AFTER_SALES_KINDS, returnsGoods, sendsReplacement } from './after-sales-status';
import { deadlineFor } from './deadlines';
import { listRequestableLines, maxRequestable } from './request-lines';

export const MAX_AFTER_SALES_NOTE_LENGTH = 500;

export const ZCreateAfterSalesRequest = z.object({
  orderId: z.number().int().positive(),
  kind: z.enum(AFTER_SALES_KINDS),
  customerNote: safeText().trim().max(MAX_AFTER_SALES_NOTE_LENGTH).optional(),
  lines: z
    .array(
      z.object({
        orderLineId: z.number().int().positive(),
        quantity: z.number().int().min(1).max(100_000),
        reasonCode: safeText().trim().min(1).max(40),
        note: safeText().trim().max(MAX_AFTER_SALES_NOTE_LENGTH).optional(),
        /** exchange: the SKU sent instead (default: the same SKU) */
        replacementSkuId: z.number().int().positive().optional(),
      }),
    )
    .min(1)
    .max(200),
});
export type TCreateAfterSalesRequest = z.input<typeof ZCreateAfterSalesRequest>;

/**
 * Failure codes:
 * - `invalid`: malformed input (fieldErrors name the field).
 * - `not_found`: no such order.
 * - `order_not_eligible`: the order took no money yet or was cancelled (params.status).
 * - `invalid_lines`: a line of another order, the same line twice, an unknown reason, or more units
 *   than may still be requested (fieldErrors `lines.<i>.<field>`: not_in_order, duplicate_line,
 *   unknown_reason, exceeds_requestable; params.max for the first such line).
 */
export type CreateAfterSalesFailure = 'invalid' | 'not_found' | 'order_not_eligible' | 'invalid_lines';

const ELIGIBLE = ['paid', 'awaiting_shipment', 'partially_shipped', 'shipped', 'completed'] as const;

/**
 * Records a request (售后单) of an order. The order row is locked first, so requests for the same
 * order queue and each one counts the others: a line is never requested more than it was bought
 * (nor, for returns and exchanges, more than shipped), however many agents press at once.
 */
export async function createAfterSalesRequest(
  db: Database,
  raw: TCreateAfterSalesRequest & { actor: Actor },
): Promise<Result<AfterSalesRequest, CreateAfterSalesFailure>> {
  const parsed = ZCreateAfterSalesRequest.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'The after-sales request is not valid', zodFieldErrors(parsed.error));
  const input = parsed.data;
  const { actor } = raw;
  const { after_sales_reasons: reasons, after_sales_deadlines: rules } = await getSettings(db, [
    'after_sales_reasons',
    'after_sales_deadlines',
  ]);

  return inTransaction<AfterSalesRequest, CreateAfterSalesFailure>(db, async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, number: orders.number, status: orders.status })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) return fail('not_found', `order ${input.orderId} does not exist`);
    if (!(ELIGIBLE as readonly string[]).includes(order.status)) {
      return fail(
        'order_not_eligible',
        `order ${order.number} is ${order.status}: nothing to request after-sales for`,
        undefined,
        { status: order.status },
      );
    }

    const lines = await listRequestableLines(tx, order.id);
    const back = returnsGoods(input.kind);
    const fieldErrors: Record<string, string[]> = {};
    let firstMax: number | undefined;
    const seen = new Set<number>();
    const rows = input.lines.map((item, index) => {
      const line = lines.find((l) => l.id === item.orderLineId);
      const reason = reasons.find((r) => r.code === item.reasonCode && r.isActive);
      if (!line) fieldErrors[`lines.${index}.orderLineId`] = ['not_in_order'];
      else if (seen.has(line.id)) fieldErrors[`lines.${index}.orderLineId`] = ['duplicate_line'];
      else if (item.quantity > maxRequestable(line, back)) {
        fieldErrors[`lines.${index}.quantity`] = ['exceeds_requestable'];
        firstMax ??= maxRequestable(line, back);
      }
      if (line) seen.add(line.id);
      if (!reason) fieldErrors[`lines.${index}.reasonCode`] = ['unknown_reason'];
      return {
        orderLineId: item.orderLineId,
        quantity: item.quantity,
        reasonCode: item.reasonCode,
        isSellerFault: reason?.isSellerFault ?? false,
        note: item.note || null,
        replacementSkuId: sendsReplacement(input.kind)
          ? ((input.kind === 'exchange' ? item.replacementSkuId : undefined) ?? line?.skuId ?? null)
          : null,
        replacementWarehouseId: sendsReplacement(input.kind) ? (line?.warehouseId ?? null) : null,
      };
    });
    if (Object.keys(fieldErrors).length > 0) {
      return fail(
        'invalid_lines',
        firstMax !== undefined
          ? `More units than may still be requested of this order (at most ${firstMax} for the first such line)`
          : 'The request names a line of another order, the same line twice or an unknown reason',
        fieldErrors,
        firstMax !== undefined ? { max: firstMax } : undefined,
      );
    }
    const [{ number }] = await queryRows<{ number: string }>(
      tx,
      sql`
      select 'AS' || to_char((now() at time zone 'UTC') + interval '8 hours', 'YYMMDD') || lpad(v::text, greatest(6, length(v::text)), '0') as number
      from (select nextval('after_sales_number_seq') as v) s`,
    );
    const [request] = await tx
      .insert(afterSalesRequests)
      .values({
        number,
        orderId: order.id,
        kind: input.kind,
        status: 'requested',
        customerNote: input.customerNote || null,
        deadlineAt: deadlineFor('requested', rules, new Date()),
        createdBy: staffIdOf(actor),
      })
      .returning();
    await tx.insert(afterSalesLines).values(rows.map((r) => ({ ...r, requestId: request.id })));
    await appendAfterSalesEvent(tx, {
      requestId: request.id,
      kind: 'created',
      actor,
      to: 'requested',
      message: input.customerNote || null,
      details: {
        kind: input.kind,
        lines: rows.map(({ orderLineId, quantity, reasonCode }) => ({ orderLineId, quantity, reasonCode })),
      },
    });
    await appendOrderEvent(tx, {
      orderId: order.id,
      kind: 'after_sales',
      actor,
      message: null,
      details: { requestId: request.id, number, kind: input.kind, status: 'requested' },
    });
    return ok(request);
  });
}
