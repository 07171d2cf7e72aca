import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@/domain/shared/actor';
import { sortStockLines, type StockLine } from './reserve-stock';

/**
 * Commit-time reservation: how an order placement reserves its stock.
 *
 * The order's transaction writes one ledger row per (SKU, warehouse) with kind 'reserve' and no
 * levels after it. The deferred trigger stock_movements_reserve_at_commit (migration 0001) applies
 * each such row when the transaction COMMITs: the conditional update of the stock level (available
 * must cover it), the levels after it into the ledger row, the low-stock alert. If a level cannot
 * take it, the COMMIT fails with SQLSTATE OS001 naming every short SKU, and the order, its lines,
 * its timeline row and its other reservations all roll back.
 *
 * Why at commit: the stock row lock is then held only from inside COMMIT to the end of the WAL
 * flush, with no client round trip in between. On a hot SKU (a flash sale, every order on one
 * row) that lock is the whole throughput: an immediate UPDATE would hold it across the rest of the
 * order's statements and the COMMIT round trip. Lock order is still fixed: rows are inserted
 * sorted by (sku, warehouse) and deferred triggers fire in insertion order, so two multi-line
 * orders never deadlock. Overselling stays impossible: the update is conditional and serialised
 * by the row lock, and stock_levels' CHECK (on_hand >= reserved) is the second line.
 *
 * Every other stock change (release, ship, receive, adjust, and an edit's extra reservation)
 * applies at once through applyStockChange, because its caller reads the result.
 */

/** The SQLSTATE the trigger raises when a reservation cannot be applied at commit. */
export const COMMIT_TIME_SHORTAGE = 'OS001';

export interface ReserveAtCommitContext {
  actor: Actor;
  orderId: number;
  documentType: string;
  documentId: string;
}

/**
 * An INSERT of the reservation ledger rows for `count` stock lines, with placeholders
 * rSku{i} / rWarehouse{i} / rQuantity{i} (fill them with reserveAtCommitValues) and the shared
 * orderId, documentType, documentId, actorType, actorId. Meant as a data-modifying CTE of the
 * order's own INSERT, so the reservation costs no extra round trip.
 */
export function reserveAtCommitInsert(count: number): SQL {
  const ph = sql.placeholder;
  const rows = Array.from({ length: count }, (_, i) => sql`(${ph(`rSku${i}`)}::bigint, ${ph(`rWarehouse${i}`)}::bigint, 'reserve', 0,
    ${ph(`rQuantity${i}`)}::int, ${ph('orderId')}::bigint, ${ph('documentType')}::text, ${ph('documentId')}::text,
    ${ph('actorType')}::actor_type, ${ph('actorId')}::bigint)`);
  return sql`insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, document_type,
    document_id, actor_type, actor_id) values ${sql.join(rows, sql`, `)} returning id`;
}

/** The placeholder values for reserveAtCommitInsert: lines merged and in the one lock order. */
export function reserveAtCommitValues(lines: readonly StockLine[], ctx: ReserveAtCommitContext): { count: number; values: Record<string, unknown> } {
  const sorted = sortStockLines(lines);
  const values: Record<string, unknown> = {
    orderId: ctx.orderId, documentType: ctx.documentType, documentId: ctx.documentId, actorType: ctx.actor.type, actorId: ctx.actor.id,
  };
  sorted.forEach((l, i) => Object.assign(values, { [`rSku${i}`]: l.skuId, [`rWarehouse${i}`]: l.warehouseId, [`rQuantity${i}`]: l.quantity }));
  return { count: sorted.length, values };
}

/**
 * The SKU codes a failed COMMIT names when it failed because a reservation could not be applied,
 * else null (any other error). Drivers wrap errors differently, so the cause chain is searched.
 */
export function commitTimeShortage(error: unknown): string[] | null {
  for (let e = error as { code?: unknown; detail?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth += 1) {
    if (e.code === COMMIT_TIME_SHORTAGE) {
      const detail = typeof e.detail === 'string' ? e.detail : '';
      return detail.split(', ').filter(Boolean);
    }
  }
  return null;
}
