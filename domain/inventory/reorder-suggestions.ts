import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';

/** The window sales velocity is measured over, and the cover kept on top of the lead time, in days. */
export const DEFAULT_VELOCITY_DAYS = 30;
export const DEFAULT_SAFETY_DAYS = 3;

export const ZReorderOptions = z.object({
  days: z.coerce.number().int().min(1).max(365).default(DEFAULT_VELOCITY_DAYS),
  safetyDays: z.coerce.number().int().min(0).max(90).default(DEFAULT_SAFETY_DAYS),
});
export type TReorderOptions = z.infer<typeof ZReorderOptions>;

export interface ReorderInput {
  /** units of the SKU on non-cancelled orders placed in the window (shipped and still reserved alike) */
  unitsSold: number;
  days: number;
  leadTimeDays: number;
  safetyDays: number;
  available: number;
  /** units already on their way; 0 while the console has no purchase orders */
  incoming: number;
}

/**
 * The reorder quantity: ceil(velocity x lead time + velocity x safety days) - available - incoming,
 * never below 0, where velocity = unitsSold / days. Computed on integers (a rational ceiling), so
 * a velocity such as 1/3 per day never rounds a whole unit away.
 */
export function computeReorderQuantity(input: ReorderInput): number {
  const coverDays = input.leadTimeDays + input.safetyDays;
  const numerator = input.unitsSold * coverDays;
  const needed = Math.floor((numerator + input.days - 1) / input.days);
  return Math.max(0, needed - input.available - input.incoming);
}

export interface ReorderSuggestion {
  skuId: number;
  skuCode: string;
  skuName: string;
  variant: string | null;
  productName: string;
  unitsSold: number;
  /** units per day, for display only (the quantity is computed from unitsSold / days exactly) */
  velocityPerDay: number;
  leadTimeDays: number;
  safetyDays: number;
  available: number;
  incoming: number;
  suggestedQuantity: number;
}

/**
 * Reorder suggestions for every active SKU that needs one (suggested quantity > 0), largest first.
 * Velocity counts order lines of non-cancelled orders placed in the last `days` days; available
 * sums active warehouses. Incoming is 0: there are no purchase orders in the console yet, so
 * nothing is known to be on its way.
 */
export async function listReorderSuggestions(
  db: Database,
  options: TReorderOptions,
  now: Date = new Date(),
): Promise<ReorderSuggestion[]> {
  const since = new Date(now.getTime() - options.days * 86_400_000).toISOString();
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with sold as (
      select l.sku_id, sum(l.quantity)::bigint as units
      from order_lines l join orders o on o.id = l.order_id
      where o.placed_at >= ${since}::timestamptz and o.placed_at <= ${now.toISOString()}::timestamptz
        and o.status <> 'cancelled' and l.sku_id is not null
      group by l.sku_id
    ), stock as (
      select sl.sku_id, sum(sl.on_hand - sl.reserved)::bigint as available
      from stock_levels sl join warehouses w on w.id = sl.warehouse_id
      where w.is_active
      group by sl.sku_id
    )
    select s.id, s.code, s.name, s.variant, p.name as product_name, s.lead_time_days,
           coalesce(sold.units, 0) as units, coalesce(stock.available, 0) as available
    from skus s
    join products p on p.id = s.product_id
    left join sold on sold.sku_id = s.id
    left join stock on stock.sku_id = s.id
    where s.is_active and sold.units > 0`,
  );
  return rows
    .map((r): ReorderSuggestion => {
      const unitsSold = Number(r.units);
      const leadTimeDays = Number(r.lead_time_days);
      const available = Number(r.available);
      const incoming = 0;
      return {
        skuId: Number(r.id),
        skuCode: String(r.code),
        skuName: String(r.name),
        variant: (r.variant as string | null) ?? null,
        productName: String(r.product_name),
        unitsSold,
        velocityPerDay: unitsSold / options.days,
        leadTimeDays,
        safetyDays: options.safetyDays,
        available,
        incoming,
        suggestedQuantity: computeReorderQuantity({
          unitsSold,
          days: options.days,
          leadTimeDays,
          safetyDays: options.safetyDays,
          available,
          incoming,
        }),
      };
    })
    .filter((s) => s.suggestedQuantity > 0)
    .sort((a, b) => b.suggestedQuantity - a.suggestedQuantity || a.skuCode.localeCompare(b.skuCode));
}
