import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { recordAudit } from '@/domain/shared/record-audit';
import { inTransaction } from '@/domain/shared/transaction';
import { applyStockChange } from './apply-stock-change';

export const MAX_ADJUST_QUANTITY = 1_000_000;

/**
 * A stock adjustment after a count: either the counted quantity on hand (`counted`) or a signed
 * change of on hand (`delta`), always with the reason a person gives.
 */
export const ZAdjustStock = z
  .object({
    skuId: z.number().int().positive(),
    warehouseId: z.number().int().positive(),
    mode: z.enum(['counted', 'delta']),
    quantity: z.number().int().min(-MAX_ADJUST_QUANTITY).max(MAX_ADJUST_QUANTITY),
    reason: z.string().trim().min(2, 'inventory.validation.reasonRequired').max(500),
  })
  .refine((input) => input.mode === 'delta' || input.quantity >= 0, {
    message: 'inventory.validation.countedNegative',
    path: ['quantity'],
  });
export type TAdjustStock = z.input<typeof ZAdjustStock>;

/**
 * Failure codes: `unknown_stock` (the SKU has no stock row in that warehouse), `no_change` (the
 * count equals on hand, or a zero change), `below_reserved` (on hand would fall below what open
 * orders have reserved; params: onHand, reserved, minimum), `invalid` (input failed the schema).
 */
export type AdjustStockError = 'unknown_stock' | 'no_change' | 'below_reserved' | 'invalid';

/**
 * Adjusts on hand after a count. Refuses to go below reserved: those units are promised to orders,
 * so a count that finds fewer must first be resolved on the orders (cancel or re-allocate them).
 */
export async function adjustStock(
  db: Database,
  raw: TAdjustStock & { actor: Actor },
): Promise<Result<{ onHand: number; reserved: number; delta: number }, AdjustStockError>> {
  const parsed = ZAdjustStock.safeParse(raw);
  if (!parsed.success) return fail('invalid', parsed.error.issues.map((i) => i.message).join('; '));
  const input = parsed.data;

  return inTransaction(db, async (tx) => {
    // lock the row so a count compares against the on hand it replaces, not one a concurrent order moved
    const [level] = await queryRows<{ on_hand: number; reserved: number }>(
      tx,
      sql`
      select on_hand, reserved from stock_levels where sku_id = ${input.skuId} and warehouse_id = ${input.warehouseId} for update`,
    );
    if (!level) return fail('unknown_stock', `SKU ${input.skuId} has no stock in warehouse ${input.warehouseId}`);
    const onHand = Number(level.on_hand);
    const reserved = Number(level.reserved);
    const delta = input.mode === 'counted' ? input.quantity - onHand : input.quantity;
    if (delta === 0)
      return fail('no_change', 'the count equals on hand; nothing to adjust', { quantity: ['no_change'] });
    const belowReserved = () =>
      fail(
        'below_reserved',
        `on hand cannot go below the ${reserved} units reserved by open orders (on hand ${onHand}, change ${delta})`,
        { quantity: ['below_reserved'] },
        { onHand, reserved, minimum: reserved },
      );
    if (onHand + delta < reserved) return belowReserved();

    const change = await applyStockChange(tx, {
      skuId: input.skuId,
      warehouseId: input.warehouseId,
      kind: 'adjust',
      quantity: delta,
      actor: raw.actor,
      documentType: 'stock_count',
      reason: input.reason,
    });
    if (!change.ok)
      return change.code === 'insufficient_stock' ? belowReserved() : fail('unknown_stock', change.message);
    await recordAudit(tx, {
      actorType: raw.actor.type,
      actorId: raw.actor.id,
      action: 'inventory.adjust',
      targetType: 'stock_level',
      targetId: `${input.skuId}:${input.warehouseId}`,
      details: { before: { onHand }, after: { onHand: change.data.onHand }, mode: input.mode, reason: input.reason },
    });
    return ok({ onHand: change.data.onHand, reserved: change.data.reserved, delta });
  });
}
