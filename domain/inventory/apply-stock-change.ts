import { sql, type SQL } from 'drizzle-orm';
import { queryRows, queryRowsPrepared, type Database } from '@/db/client';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { lowStockThresholdSql } from './threshold';

/**
 * 'restock': a returned unit back on sale (after-sales inspection); 'damaged': a returned unit kept
 * apart, counted in stock_levels.non_sellable and never in on-hand or available.
 */
export type StockChangeKind = 'reserve' | 'release' | 'ship' | 'receive' | 'adjust' | 'return' | 'restock' | 'damaged';

export interface StockChangeInput {
  skuId: number;
  warehouseId: number;
  kind: StockChangeKind;
  /** units, > 0; for 'adjust' a signed, non-zero delta of on-hand */
  quantity: number;
  actor: Actor;
  orderId?: number | null;
  /** e.g. 'order', 'shipment', 'goods_receipt', 'stock_count' */
  documentType?: string | null;
  documentId?: string | number | null;
  reason?: string | null;
  /** per-unit cost of received goods (turnover / COGS) */
  unitCostCents?: number | null;
}

export interface StockLevelAfter {
  onHand: number;
  reserved: number;
  available: number;
  /** the low-stock threshold in force (threshold.ts) */
  threshold: number;
  /** what the change did to the low-stock alert of this level */
  alert: 'raised' | 'resolved' | null;
}

/**
 * Failure codes:
 * - `insufficient_stock`: the change would leave available (on hand - reserved) below zero, or
 *   release/ship more than is reserved. Nothing changed. params: { sku: code, available }.
 * - `unknown_stock`: the SKU has no stock row in that warehouse (or the SKU / warehouse does not exist).
 */
export type StockChangeFailure = 'insufficient_stock' | 'unknown_stock';

/** How each kind moves the two counters, and the condition that keeps the row valid. */
function effect(
  kind: StockChangeKind,
  n: number,
): { onHand: number; reserved: number; nonSellable: number; guard: SQL } {
  if (kind === 'damaged') return { onHand: 0, reserved: 0, nonSellable: n, guard: sql`true` };
  return { ...sellableEffect(kind, n), nonSellable: 0 };
}

function sellableEffect(
  kind: Exclude<StockChangeKind, 'damaged'>,
  n: number,
): { onHand: number; reserved: number; guard: SQL } {
  switch (kind) {
    case 'reserve':
      return { onHand: 0, reserved: n, guard: sql`level.on_hand - level.reserved >= ${n}` };
    case 'release':
      return { onHand: 0, reserved: -n, guard: sql`level.reserved >= ${n}` };
    case 'ship':
      return { onHand: -n, reserved: -n, guard: sql`level.reserved >= ${n}` };
    case 'adjust':
      return { onHand: n, reserved: 0, guard: sql`level.on_hand + ${n} >= level.reserved` };
    case 'receive':
    case 'restock':
    case 'return':
      return { onHand: n, reserved: 0, guard: sql`true` };
  }
}

/**
 * Changes one stock level in ONE statement: a conditional UPDATE (or, for receive and return, an
 * upsert that creates the level), the ledger row with the levels after it, and the low-stock
 * alert sync (raise one when available <= threshold and no unresolved alert exists, an
 * acknowledged one included so acknowledging silences the episode; resolve unresolved ones when
 * available rises above the threshold). The row lock taken here is held until the caller's
 * transaction ends, so concurrent changes to the same level queue and re-check the condition:
 * overselling is impossible, and the database check constraints are the second line.
 * Call it inside the transaction of the order or document it belongs to.
 */
export async function applyStockChange(
  tx: Database,
  input: StockChangeInput,
): Promise<Result<StockLevelAfter, StockChangeFailure>> {
  const n = input.quantity;
  if (!Number.isSafeInteger(n) || (input.kind === 'adjust' ? n === 0 : n <= 0)) {
    throw new RangeError(`applyStockChange: bad quantity ${n} for ${input.kind}`);
  }
  const e = effect(input.kind, n);
  const upserts =
    input.kind === 'receive' || input.kind === 'return' || input.kind === 'restock' || input.kind === 'damaged';
  const levelStatement = upserts
    ? sql`insert into stock_levels as level (sku_id, warehouse_id, on_hand, non_sellable)
        select s.id, w.id, ${e.onHand}::int, ${e.nonSellable}::int from skus s, warehouses w where s.id = ${input.skuId} and w.id = ${input.warehouseId}
        on conflict (sku_id, warehouse_id) do update set on_hand = level.on_hand + excluded.on_hand,
          non_sellable = level.non_sellable + excluded.non_sellable, updated_at = now()
        returning level.sku_id, level.warehouse_id, level.on_hand, level.reserved, level.low_stock_threshold`
    : sql`update stock_levels as level
        set on_hand = level.on_hand + ${e.onHand}::int, reserved = level.reserved + ${e.reserved}::int, updated_at = now()
        where level.sku_id = ${input.skuId} and level.warehouse_id = ${input.warehouseId} and ${e.guard}
        returning level.sku_id, level.warehouse_id, level.on_hand, level.reserved, level.low_stock_threshold`;
  const documentId = input.documentId === undefined || input.documentId === null ? null : String(input.documentId);

  // prepared: a hot statement (every reservation) of a fixed shape per kind
  const rows = await queryRowsPrepared<{
    on_hand: number;
    reserved: number;
    threshold: number;
    raised: number;
    resolved: number;
  }>(tx, {
    with: {
      level: levelStatement,
      t: sql`select level.*, ${lowStockThresholdSql('level')}::int as threshold from level`,
      ledger: sql`
        insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, non_sellable_delta, on_hand_after, reserved_after,
          unit_cost_cents, order_id, document_type, document_id, actor_type, actor_id, reason)
        select t.sku_id, t.warehouse_id, ${input.kind}::stock_movement_kind, ${e.onHand}::int, ${e.reserved}::int, ${e.nonSellable}::int, t.on_hand, t.reserved,
          ${input.unitCostCents ?? null}::int, ${input.orderId ?? null}::bigint, ${input.documentType ?? null}::text, ${documentId}::text,
          ${input.actor.type}::actor_type, ${input.actor.id}::bigint, ${input.reason ?? null}::text
        from t returning id`,
      raised: sql`select raise_low_stock_alert(t.sku_id, t.warehouse_id, t.on_hand - t.reserved, t.threshold) as raised from t`,
      resolved: sql`
        update low_stock_alerts a set resolved_at = now() from t
        where a.sku_id = t.sku_id and a.warehouse_id = t.warehouse_id and a.resolved_at is null and t.on_hand - t.reserved > t.threshold
        returning a.id`,
    },
    body: sql`select t.on_hand, t.reserved, t.threshold,
      coalesce((select raised from raised), 0)::int as raised, (select count(*) from resolved)::int as resolved,
      (select count(*) from ledger)::int as ledger
    from t`,
  });

  if (rows.length === 1) {
    const r = rows[0];
    const onHand = Number(r.on_hand);
    const reserved = Number(r.reserved);
    return ok({
      onHand,
      reserved,
      available: onHand - reserved,
      threshold: Number(r.threshold),
      alert: Number(r.raised) > 0 ? 'raised' : Number(r.resolved) > 0 ? 'resolved' : null,
    });
  }
  return explainFailure(tx, input);
}

/** Only on the failure path: tell a missing level from a short one, naming the SKU. */
async function explainFailure(tx: Database, input: StockChangeInput) {
  const [row] = await queryRows<{ code: string | null; on_hand: number | null; reserved: number | null }>(
    tx,
    sql`
    select s.code, level.on_hand, level.reserved
    from (select 1) one
    left join skus s on s.id = ${input.skuId}
    left join stock_levels level on level.sku_id = ${input.skuId} and level.warehouse_id = ${input.warehouseId}`,
  );
  const sku = row?.code ?? `#${input.skuId}`;
  if (row?.on_hand === null || row?.on_hand === undefined) {
    return fail('unknown_stock', `SKU ${sku} has no stock in warehouse #${input.warehouseId}`, undefined, { sku });
  }
  const available = Number(row.on_hand) - Number(row.reserved);
  const what =
    input.kind === 'release' || input.kind === 'ship'
      ? `only ${row.reserved} reserved, cannot ${input.kind} ${input.quantity}`
      : input.kind === 'adjust'
        ? `on hand ${row.on_hand} with ${row.reserved} reserved cannot change by ${input.quantity}`
        : `only ${available} available, ${input.quantity} requested`;
  return fail('insufficient_stock', `Not enough stock of SKU ${sku}: ${what}`, undefined, {
    sku,
    skus: sku,
    available,
  });
}
