import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { applyStockChange, type StockChangeKind, type StockLevelAfter } from './apply-stock-change';

export interface StockLine {
  skuId: number;
  warehouseId: number;
  quantity: number;
}

export interface StockChangeContext {
  actor: Actor;
  orderId?: number | null;
  documentType?: string | null;
  documentId?: string | number | null;
  reason?: string | null;
}

/** Same lines merged and sorted by (sku, warehouse): the one lock order every multi-line change uses. */
export function sortStockLines(lines: readonly StockLine[]): StockLine[] {
  const merged = new Map<string, StockLine>();
  for (const l of lines) {
    const key = `${l.skuId}:${l.warehouseId}`;
    const seen = merged.get(key);
    if (seen) seen.quantity += l.quantity;
    else merged.set(key, { ...l });
  }
  return [...merged.values()].sort((a, b) => a.skuId - b.skuId || a.warehouseId - b.warehouseId);
}

/**
 * Applies one kind of change to many lines in (sku_id, warehouse_id) order, so two transactions
 * touching the same levels always lock them in the same order and never deadlock.
 * Failure codes: `insufficient_stock` naming EVERY short SKU (params.skus "A, B"; fieldErrors.skus
 * the codes), `unknown_stock` (a line has no stock row). All-or-nothing only together with the
 * caller's transaction: on failure earlier lines stay changed until the caller rolls back
 * (domain/shared/transaction.ts inTransaction does).
 */
export async function applyStockLines(
  tx: Database,
  kind: Extract<StockChangeKind, 'reserve' | 'release' | 'ship'>,
  lines: readonly StockLine[],
  ctx: StockChangeContext,
): Promise<Result<StockLevelAfter[], 'insufficient_stock' | 'unknown_stock'>> {
  const sorted = sortStockLines(lines).filter((l) => l.quantity > 0);
  const after: StockLevelAfter[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const line = sorted[i];
    const result = await applyStockChange(tx, { ...line, kind, ...ctx });
    if (result.ok) {
      after.push(result.data);
      continue;
    }
    if (result.code === 'unknown_stock' || kind !== 'reserve') return result;
    // name every short SKU: check the rest without changing them (the caller rolls back anyway)
    const short = [String(result.params?.sku)];
    short.push(...(await findShortSkus(tx, sorted.slice(i + 1))));
    const skus = short.join(', ');
    return fail('insufficient_stock', `Not enough stock for: ${skus}`, { skus: short }, { skus, sku: short[0] });
  }
  return ok(after);
}

/** Reserves stock for order lines; see applyStockLines for the lock order and failure codes. */
export function reserveStock(tx: Database, lines: readonly StockLine[], ctx: StockChangeContext) {
  return applyStockLines(tx, 'reserve', lines, ctx);
}

/** Releases reserved stock (cancel, edit, unpaid timeout); see applyStockLines. */
export function releaseStock(tx: Database, lines: readonly StockLine[], ctx: StockChangeContext) {
  return applyStockLines(tx, 'release', lines, ctx);
}

async function findShortSkus(tx: Database, lines: StockLine[]): Promise<string[]> {
  if (lines.length === 0) return [];
  const values = sql.join(
    lines.map((l) => sql`(${l.skuId}::bigint, ${l.warehouseId}::bigint, ${l.quantity}::int)`),
    sql`, `,
  );
  const rows = await queryRows<{ code: string }>(
    tx,
    sql`
    select s.code from (values ${values}) as want(sku_id, warehouse_id, quantity)
    join skus s on s.id = want.sku_id
    left join stock_levels level on level.sku_id = want.sku_id and level.warehouse_id = want.warehouse_id
    where coalesce(level.on_hand - level.reserved, 0) < want.quantity
    order by want.sku_id, want.warehouse_id`,
  );
  return rows.map((r) => r.code);
}
