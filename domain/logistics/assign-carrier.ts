import { asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { carrierRules, carriers } from '@/db/schema/logistics';
import { orders } from '@/db/schema/orders';
import { pickCarrierRule, type OrderShippingFacts } from './carrier-rules';

/** The facts the carrier rules look at: destination, parcel weight (SKU weight x quantity), total, tags. */
export async function getOrderShippingFacts(db: Database, orderId: number): Promise<OrderShippingFacts | null> {
  return (await getOrdersShippingFacts(db, [orderId])).get(orderId) ?? null;
}

/** getOrderShippingFacts for many orders in one query. */
async function getOrdersShippingFacts(
  db: Database,
  orderIds: readonly number[],
): Promise<Map<number, OrderShippingFacts>> {
  const rows = await queryRows<{
    id: number | string;
    province: string;
    total_cents: number;
    tags: string[] | string;
    weight: string | number | null;
  }>(
    db,
    sql`
    select o.id, o.ship_province as province, o.total_cents, o.tags,
           (select coalesce(sum(l.quantity * coalesce(s.weight_grams, 0)), 0) from order_lines l left join skus s on s.id = l.sku_id where l.order_id = o.id) as weight
    from orders o where o.id = any(${sql.param([...orderIds])}::bigint[])`,
  );
  return new Map(
    rows.map((row) => {
      // PGlite and postgres.js hand text[] back differently
      const tags = Array.isArray(row.tags)
        ? row.tags
        : String(row.tags)
            .replace(/^{|}$/g, '')
            .split(',')
            .filter(Boolean)
            .map((t) => t.replace(/^"|"$/g, ''));
      const facts = {
        province: row.province,
        weightGrams: Number(row.weight ?? 0),
        totalCents: Number(row.total_cents),
        tags,
      };
      return [Number(row.id), facts];
    }),
  );
}

/**
 * Suggests a carrier for an order that has just reached awaiting shipment: the first matching
 * active rule's carrier (an inactive carrier is skipped), stored on orders.assigned_carrier_id for
 * the ship form to preselect. No match leaves it empty. Runs in the caller's transaction.
 */
export async function assignCarrierToOrder(tx: Database, orderId: number): Promise<number | null> {
  return (await assignCarriersToOrders(tx, [orderId])).get(orderId) ?? null;
}

/** assignCarrierToOrder for many orders (an import's group): one read of facts and rules, one update per carrier. */
export async function assignCarriersToOrders(
  tx: Database,
  orderIds: readonly number[],
): Promise<Map<number, number | null>> {
  const assigned = new Map<number, number | null>();
  if (orderIds.length === 0) return assigned;
  const facts = await getOrdersShippingFacts(tx, orderIds);
  if (facts.size === 0) return assigned;
  const rules = await tx
    .select({
      id: carrierRules.id,
      position: carrierRules.position,
      carrierId: carrierRules.carrierId,
      isActive: carrierRules.isActive,
      conditions: carrierRules.conditions,
    })
    .from(carrierRules)
    .innerJoin(carriers, eq(carriers.id, carrierRules.carrierId))
    .where(eq(carriers.isActive, true))
    .orderBy(asc(carrierRules.position), asc(carrierRules.id));
  const byCarrier = new Map<number | null, number[]>();
  for (const [orderId, orderFacts] of facts) {
    const carrierId = pickCarrierRule(rules, orderFacts)?.carrierId ?? null;
    assigned.set(orderId, carrierId);
    byCarrier.set(carrierId, [...(byCarrier.get(carrierId) ?? []), orderId]);
  }
  for (const [carrierId, ids] of byCarrier)
    await tx.update(orders).set({ assignedCarrierId: carrierId }).where(inArray(orders.id, ids));
  return assigned;
}
