import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import { warehouses } from '@/db/schema/inventory';
import { EDITABLE_STATUSES, SHIPPABLE_STATUSES } from '@/domain/orders/order-status';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';

export const ZSetWarehouseActiveInput = z.object({
  warehouseId: z.coerce.number().int().positive(),
  isActive: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});
export type TSetWarehouseActiveInput = z.output<typeof ZSetWarehouseActiveInput>;

/** Orders that have not fully left their warehouse yet. */
const OPEN_STATUSES = [...new Set([...EDITABLE_STATUSES, ...SHIPPABLE_STATUSES])];

/**
 * Activates or deactivates a warehouse. A deactivated warehouse takes no new orders and is not
 * offered for stock; so one that still holds stock (on hand, reserved or kept apart as damaged) or
 * has open orders to ship is refused, saying which. The warehouse row is locked first, so an order
 * placed meanwhile (which reads active warehouses) is seen. Failure codes: `not_found`, `has_stock`
 * (params onHand, reserved), `has_open_orders` (params count).
 */
export async function setWarehouseActive(
  db: Database,
  input: TSetWarehouseActiveInput & { actor: Actor },
): Promise<Result<{ isActive: boolean }, 'not_found' | 'has_stock' | 'has_open_orders'>> {
  return inTransaction(db, async (tx) => {
    const [warehouse] = await tx.select().from(warehouses).where(eq(warehouses.id, input.warehouseId)).for('update');
    if (!warehouse) return fail('not_found', `no warehouse ${input.warehouseId}`);
    if (!input.isActive) {
      const [stock] = await queryRows<{ on_hand: number; reserved: number; non_sellable: number }>(
        tx,
        sql`select coalesce(sum(on_hand), 0)::int as on_hand, coalesce(sum(reserved), 0)::int as reserved,
              coalesce(sum(non_sellable), 0)::int as non_sellable
            from stock_levels where warehouse_id = ${warehouse.id}`,
      );
      if (Number(stock.on_hand) > 0 || Number(stock.reserved) > 0 || Number(stock.non_sellable) > 0)
        return fail('has_stock', `${warehouse.code} still holds stock`, undefined, {
          onHand: Number(stock.on_hand) + Number(stock.non_sellable),
          reserved: Number(stock.reserved),
        });
      const [open] = await queryRows<{ count: number }>(
        tx,
        sql`select count(distinct o.id)::int as count from order_lines l join orders o on o.id = l.order_id
            where l.warehouse_id = ${warehouse.id}
              and o.status in (${sql.join(
                OPEN_STATUSES.map((s) => sql`${s}`),
                sql`, `,
              )})`,
      );
      if (Number(open.count) > 0)
        return fail('has_open_orders', `${warehouse.code} has open orders`, undefined, { count: Number(open.count) });
    }
    await tx.update(warehouses).set({ isActive: input.isActive }).where(eq(warehouses.id, warehouse.id));
    await recordAudit(tx, {
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: input.isActive ? 'warehouse.activate' : 'warehouse.deactivate',
      targetType: 'warehouse',
      targetId: warehouse.id,
      details: { code: warehouse.code },
    });
    return ok({ isActive: input.isActive });
  });
}
