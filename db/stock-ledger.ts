import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client';
import { stockMovements, type NewStockMovement } from './schema/inventory';
import { insertMany } from './fixtures/bulk-insert';
import type { Actor } from './fixtures/order-plan';

/** A change to one stock level, before it is written with its after-values. */
export interface StockChange {
  skuId: number;
  warehouseId: number;
  kind: NewStockMovement['kind'];
  onHandDelta: number;
  reservedDelta: number;
  at: Date;
  actor: Actor;
  orderId?: number | null;
  documentType?: string | null;
  documentId?: string | null;
  unitCostCents?: number | null;
  reason?: string | null;
}

/**
 * Applies stock changes in time order under row locks and writes one ledger row per change with
 * the levels after it. The levels must exist; a change that would leave reserved below zero or
 * on-hand below reserved throws (for fixtures that is a bug in the test data, not an outcome).
 */
export async function applyStockChanges(db: Database, changes: StockChange[]): Promise<void> {
  if (changes.length === 0) return;
  const ordered = changes.map((c, i) => ({ c, i })).sort((a, b) => a.c.at.getTime() - b.c.at.getTime() || a.i - b.i).map((x) => x.c);
  const keyOf = (skuId: number, warehouseId: number) => `${skuId}:${warehouseId}`;
  const pairs = new Map<string, { skuId: number; warehouseId: number }>();
  for (const c of ordered) pairs.set(keyOf(c.skuId, c.warehouseId), { skuId: c.skuId, warehouseId: c.warehouseId });
  const pairValues = sql.join([...pairs.values()].map((p) => sql`(${p.skuId}::bigint, ${p.warehouseId}::bigint)`), sql`, `);
  const rows = await queryRows<{ sku_id: string | number; warehouse_id: string | number; on_hand: number; reserved: number }>(db, sql`
    select sku_id, warehouse_id, on_hand, reserved from stock_levels
    where (sku_id, warehouse_id) in (${pairValues})
    order by sku_id, warehouse_id
    for update`);
  const levels = new Map(rows.map((r) => [keyOf(Number(r.sku_id), Number(r.warehouse_id)), { onHand: r.on_hand, reserved: r.reserved, at: new Date(0) }]));

  const movements: NewStockMovement[] = ordered.map((c) => {
    const level = levels.get(keyOf(c.skuId, c.warehouseId));
    if (!level) throw new Error(`no stock level for SKU ${c.skuId} in warehouse ${c.warehouseId}; create one first`);
    level.onHand += c.onHandDelta;
    level.reserved += c.reservedDelta;
    if (level.reserved < 0 || level.onHand < level.reserved) {
      throw new Error(`stock of SKU ${c.skuId} in warehouse ${c.warehouseId} cannot take ${c.kind} `
        + `(on hand ${level.onHand - c.onHandDelta}, reserved ${level.reserved - c.reservedDelta}, change ${c.onHandDelta}/${c.reservedDelta})`);
    }
    if (c.at > level.at) level.at = c.at;
    return {
      skuId: c.skuId, warehouseId: c.warehouseId, kind: c.kind, onHandDelta: c.onHandDelta, reservedDelta: c.reservedDelta,
      onHandAfter: level.onHand, reservedAfter: level.reserved, unitCostCents: c.unitCostCents ?? null,
      orderId: c.orderId ?? null, documentType: c.documentType ?? null, documentId: c.documentId ?? null,
      actorType: c.actor.type, actorId: c.actor.id, reason: c.reason ?? null, createdAt: c.at,
    };
  });
  await insertMany(db, stockMovements, movements);

  const updates = sql.join([...pairs.values()].map((p) => {
    const l = levels.get(keyOf(p.skuId, p.warehouseId))!;
    return sql`(${p.skuId}::bigint, ${p.warehouseId}::bigint, ${l.onHand}::int, ${l.reserved}::int, ${l.at.toISOString()}::timestamptz)`;
  }), sql`, `);
  await db.execute(sql`
    update stock_levels s set on_hand = v.on_hand, reserved = v.reserved, updated_at = greatest(s.updated_at, v.at)
    from (values ${updates}) as v(sku_id, warehouse_id, on_hand, reserved, at)
    where s.sku_id = v.sku_id and s.warehouse_id = v.warehouse_id`);
}

/** A stock level the ledger does not explain. */
export interface StockLedgerMismatch {
  skuId: number;
  warehouseId: number;
  /**
   * 'sum': deltas do not add up to the level; 'last_after': the newest ledger row's after-values
   * differ; 'chain': a row's levels before it (after - delta) are not the previous row's after
   * (onHand/reserved: the previous row's; ledger*: this row's before); 'non_sellable': the
   * non_sellable_delta rows do not add up to the level's non-sellable units (onHand/ledgerOnHand hold them)
   */
  kind: 'sum' | 'last_after' | 'chain' | 'non_sellable';
  onHand: number | null;
  reserved: number | null;
  ledgerOnHand: number | null;
  ledgerReserved: number | null;
}

/**
 * The stock invariant: for every (SKU, warehouse) the ledger's deltas sum to the stock level (its
 * non-sellable units included), the
 * newest ledger row's after-values equal it, and in id order every row starts where the one
 * before it ended. Returns the mismatches; empty when consistent.
 */
export async function checkStockLedger(db: Database): Promise<StockLedgerMismatch[]> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with sums as (
      select sku_id, warehouse_id, sum(on_hand_delta)::int as on_hand, sum(reserved_delta)::int as reserved,
        sum(non_sellable_delta)::int as non_sellable
      from stock_movements group by sku_id, warehouse_id
    ), chained as (
      select sku_id, warehouse_id, id, on_hand_after - on_hand_delta as on_hand_before, reserved_after - reserved_delta as reserved_before,
        lag(on_hand_after) over w as prev_on_hand, lag(reserved_after) over w as prev_reserved
      from stock_movements window w as (partition by sku_id, warehouse_id order by id)
    ), latest as (
      select distinct on (sku_id, warehouse_id) sku_id, warehouse_id, on_hand_after, reserved_after
      from stock_movements order by sku_id, warehouse_id, id desc
    )
    select 'sum' as kind, coalesce(l.sku_id, s.sku_id) as sku_id, coalesce(l.warehouse_id, s.warehouse_id) as warehouse_id,
      l.on_hand, l.reserved, s.on_hand as ledger_on_hand, s.reserved as ledger_reserved
    from stock_levels l full join sums s on s.sku_id = l.sku_id and s.warehouse_id = l.warehouse_id
    where coalesce(l.on_hand, 0) <> coalesce(s.on_hand, 0) or coalesce(l.reserved, 0) <> coalesce(s.reserved, 0)
    union all
    select 'non_sellable', coalesce(l.sku_id, s.sku_id), coalesce(l.warehouse_id, s.warehouse_id), l.non_sellable, null, s.non_sellable, null
    from stock_levels l full join sums s on s.sku_id = l.sku_id and s.warehouse_id = l.warehouse_id
    where coalesce(l.non_sellable, 0) <> coalesce(s.non_sellable, 0)
    union all
    select 'last_after', l.sku_id, l.warehouse_id, l.on_hand, l.reserved, t.on_hand_after, t.reserved_after
    from stock_levels l join latest t on t.sku_id = l.sku_id and t.warehouse_id = l.warehouse_id
    where l.on_hand <> t.on_hand_after or l.reserved <> t.reserved_after
    union all
    select 'chain', c.sku_id, c.warehouse_id, c.prev_on_hand, c.prev_reserved, c.on_hand_before, c.reserved_before
    from chained c
    where c.prev_on_hand is not null and (c.on_hand_before <> c.prev_on_hand or c.reserved_before <> c.prev_reserved)
    order by 2, 3, 1`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    skuId: Number(r.sku_id), warehouseId: Number(r.warehouse_id), kind: r.kind as StockLedgerMismatch['kind'],
    onHand: num(r.on_hand), reserved: num(r.reserved), ledgerOnHand: num(r.ledger_on_hand), ledgerReserved: num(r.ledger_reserved),
  }));
}
