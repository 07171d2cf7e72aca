import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { safeText } from '@/domain/shared/safe-text';
import type { Database } from '@/db/client';
import { afterSalesLines, type AfterSalesRequest } from '@/db/schema/after-sales';
import { orderLines } from '@/db/schema/orders';
import { warehouses } from '@/db/schema/inventory';
import { applyStockChange } from '@/domain/inventory/apply-stock-change';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { computeProposal } from './propose-refund';
import { loadRequest, transitionRequest, type TransitionFailure } from './transition-request';

const units = z.number().int().min(0).max(100_000);

export const ZReceiveAndInspect = z.object({
  requestId: z.number().int().positive(),
  lines: z
    .array(
      z.object({
        lineId: z.number().int().positive(),
        /** units back on sale, in restockWarehouseId (default: the warehouse the line shipped from) */
        restock: units,
        /** units kept apart as non-sellable in the same warehouse */
        damaged: units,
        scrap: units,
        restockWarehouseId: z.number().int().positive().optional(),
      }),
    )
    .min(1)
    .max(200),
  note: safeText().trim().max(500).optional(),
});
export type TReceiveAndInspect = z.input<typeof ZReceiveAndInspect>;

/**
 * Failure codes: `invalid`; `invalid_lines` (a line of another request, more units than the line
 * names, no warehouse: fieldErrors `lines.<i>.<field>`); `unknown_stock`; those of transitionRequest
 * (not waiting for its goods, or someone received it first: nothing changes).
 */
export type ReceiveFailure = TransitionFailure | 'invalid' | 'invalid_lines' | 'unknown_stock' | 'insufficient_stock';

/**
 * The warehouse receives a return parcel and inspects it, in one transaction: awaiting_return or
 * return_in_transit -> received -> inspected (two timeline rows), per line the units received and
 * their dispositions (restock: ledger 'restock', available rises; damaged: ledger 'damaged', kept
 * apart as non-sellable; scrap: nothing enters stock; missing: what the line named but did not
 * come). The status moves first, so of two people receiving the same parcel one wins and the
 * other changes nothing. A return-and-refund gets its refund proposed from what was received.
 */
export async function receiveAndInspect(
  db: Database,
  raw: TReceiveAndInspect & { actor: Actor },
): Promise<Result<AfterSalesRequest, ReceiveFailure>> {
  const parsed = ZReceiveAndInspect.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'The inspection is not valid', zodFieldErrors(parsed.error));
  const input = parsed.data;
  const { actor } = raw;
  return inTransaction<AfterSalesRequest, ReceiveFailure>(db, async (tx) => {
    const found = await loadRequest(tx, input.requestId);
    if (!found.ok) return found;
    const received = await transitionRequest(tx, {
      request: found.data,
      to: 'received',
      actor,
      set: { deadlineAt: null },
      message: input.note ?? null,
    });
    if (!received.ok) return received;

    const lines = await tx
      .select({ line: afterSalesLines, skuId: orderLines.skuId, shippedFrom: orderLines.warehouseId })
      .from(afterSalesLines)
      .innerJoin(orderLines, eq(orderLines.id, afterSalesLines.orderLineId))
      .where(eq(afterSalesLines.requestId, input.requestId));
    const activeWarehouses = new Set(
      (await tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.isActive, true))).map((w) => w.id),
    );
    const fieldErrors: Record<string, string[]> = {};
    const seen = new Set<number>();
    const plan = input.lines.map((item, index) => {
      const row = lines.find((l) => l.line.id === item.lineId);
      const total = item.restock + item.damaged + item.scrap;
      const warehouseId = item.restockWarehouseId ?? row?.shippedFrom ?? null;
      if (!row || seen.has(item.lineId))
        fieldErrors[`lines.${index}.lineId`] = [row ? 'duplicate_line' : 'not_in_request'];
      else if (total > row.line.quantity) fieldErrors[`lines.${index}.restock`] = ['exceeds_line_quantity'];
      else if (
        (item.restock > 0 || item.damaged > 0) &&
        (warehouseId === null || !activeWarehouses.has(warehouseId) || row.skuId === null)
      ) {
        fieldErrors[`lines.${index}.restockWarehouseId`] = ['unknown_warehouse'];
      }
      seen.add(item.lineId);
      return { item, row, total, warehouseId };
    });
    if (Object.keys(fieldErrors).length > 0)
      return fail(
        'invalid_lines',
        'The inspection names a line of another request, more units than requested, or no warehouse',
        fieldErrors,
      );

    for (const { item, row, total, warehouseId } of plan) {
      const line = row!.line;
      await tx
        .update(afterSalesLines)
        .set({
          receivedQuantity: total,
          restockedQuantity: item.restock,
          damagedQuantity: item.damaged,
          scrappedQuantity: item.scrap,
          restockWarehouseId: item.restock + item.damaged > 0 ? warehouseId : null,
        })
        .where(eq(afterSalesLines.id, line.id));
      for (const [kind, quantity] of [
        ['restock', item.restock],
        ['damaged', item.damaged],
      ] as const) {
        if (quantity === 0) continue;
        const changed = await applyStockChange(tx, {
          skuId: row!.skuId!,
          warehouseId: warehouseId!,
          kind,
          quantity,
          actor,
          orderId: found.data.orderId,
          documentType: 'after_sales',
          documentId: found.data.id,
          reason: `${found.data.number} inspection`,
        });
        if (!changed.ok) return changed;
      }
    }
    // lines the inspection did not name came back empty: everything missing
    const named = new Set(input.lines.map((l) => l.lineId));
    for (const { line } of lines)
      if (!named.has(line.id))
        await tx.update(afterSalesLines).set({ receivedQuantity: 0 }).where(eq(afterSalesLines.id, line.id));

    const proposal = found.data.kind === 'return_refund' ? await computeProposal(tx, received.data, 'received') : null;
    const inspected = await transitionRequest(tx, {
      request: received.data,
      to: 'inspected',
      actor,
      set: proposal ? { refundProposedCents: proposal.totalCents } : {},
      details: {
        lines: plan.map(({ item, total, warehouseId, row }) => ({
          lineId: item.lineId,
          received: total,
          restock: item.restock,
          damaged: item.damaged,
          scrap: item.scrap,
          missing: (row?.line.quantity ?? 0) - total,
          warehouseId,
        })),
        ...(proposal ? { proposal } : {}),
      },
    });
    if (!inspected.ok) return inspected;
    return ok(inspected.data);
  });
}
