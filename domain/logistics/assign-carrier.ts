import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { carrierRules, carriers } from '@/db/schema/logistics';
import { orders } from '@/db/schema/orders';
import { pickCarrierRule, type OrderShippingFacts } from './carrier-rules';

/** The facts the carrier rules look at: destination, parcel weight (SKU weight x quantity), total, tags. */
export async function getOrderShippingFacts(db: Database, orderId: number): Promise<OrderShippingFacts | null> {
  const [row] = await queryRows<{
    province: string;
    total_cents: number;
    tags: string[] | string;
    weight: string | number | null;
  }>(
    db,
    sql`
    select o.ship_province as province, o.total_cents, o.tags,
           (select coalesce(sum(l.quantity * coalesce(s.weight_grams, 0)), 0) from order_lines l left join skus s on s.id = l.sku_id where l.order_id = o.id) as weight
    from orders o where o.id = ${orderId}`,
  );
  if (!row) return null;
  // PGlite and postgres.js hand text[] back differently
  const tags = Array.isArray(row.tags)
    ? row.tags
    : String(row.tags)
        .replace(/^{|}$/g, '')
        .split(',')
        .filter(Boolean)
        .map((t) => t.replace(/^"|"$/g, ''));
  return { province: row.province, weightGrams: Number(row.weight ?? 0), totalCents: Number(row.total_cents), tags };
}

/**
 * Suggests a carrier for an order that has just reached awaiting shipment: the first matching
 * active rule's carrier (an inactive carrier is skipped), stored on orders.assigned_carrier_id for
 * the ship form to preselect. No match leaves it empty. Runs in the caller's transaction.
 */
export async function assignCarrierToOrder(tx: Database, orderId: number): Promise<number | null> {
  const facts = await getOrderShippingFacts(tx, orderId);
  if (!facts) return null;
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
  const rule = pickCarrierRule(rules, facts);
  const carrierId = rule?.carrierId ?? null;
  await tx.update(orders).set({ assignedCarrierId: carrierId }).where(eq(orders.id, orderId));
  return carrierId;
}
