import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';

/**
 * Failure codes: `not_found` (no such alert), `already_acknowledged` (someone else did it first),
 * `resolved` (stock was replenished meanwhile; nothing to acknowledge).
 */
export type AcknowledgeAlertError = 'not_found' | 'already_acknowledged' | 'resolved';

/**
 * Records who acknowledged a low-stock alert and when. The alert then stays quiet, but open in
 * the sense that matters: no new alert is raised for that stock until it is replenished above its
 * threshold (which resolves this one); a later drop raises a new alert.
 */
export async function acknowledgeLowStockAlert(
  db: Database,
  input: { alertId: number; staffId: number; now?: Date },
): Promise<Result<{ id: number; acknowledgedAt: Date }, AcknowledgeAlertError>> {
  const at = (input.now ?? new Date()).toISOString();
  const acknowledged = await inTransaction(db, async (tx) => {
    const [updated] = await queryRows<{
      id: unknown;
      acknowledged_at: unknown;
      sku_id: unknown;
      warehouse_id: unknown;
    }>(
      tx,
      sql`
      update low_stock_alerts set acknowledged_at = ${at}::timestamptz, acknowledged_by = ${input.staffId}
      where id = ${input.alertId} and resolved_at is null and acknowledged_at is null
      returning id, acknowledged_at, sku_id, warehouse_id`,
    );
    if (!updated) return ok(null);
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.staffId,
      action: 'inventory.acknowledge_alert',
      targetType: 'low_stock_alert',
      targetId: Number(updated.id),
      details: { skuId: Number(updated.sku_id), warehouseId: Number(updated.warehouse_id) },
      at: new Date(at),
    });
    return ok({ id: Number(updated.id), acknowledgedAt: new Date(updated.acknowledged_at as string) });
  });
  if (acknowledged.ok && acknowledged.data) return ok(acknowledged.data);

  const [current] = await queryRows<{ acknowledged_at: unknown; resolved_at: unknown }>(
    db,
    sql`
    select acknowledged_at, resolved_at from low_stock_alerts where id = ${input.alertId}`,
  );
  if (!current) return fail('not_found', `no low-stock alert ${input.alertId}`);
  if (current.resolved_at) return fail('resolved', 'the stock was replenished; the alert is already resolved');
  return fail('already_acknowledged', 'the alert was already acknowledged');
}
