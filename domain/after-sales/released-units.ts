import { sql, type SQL } from 'drizzle-orm';

/**
 * Units of an order line given up by refund-only after-sales before they shipped: the order no
 * longer ships them and holds no reservation for them. `lineId` is the order line's id column
 * (e.g. sql`l.id`); what remains to ship is quantity - shipped - this.
 */
export function releasedByAfterSalesSql(lineId: SQL): SQL {
  return sql`coalesce((select sum(al.released_quantity) from after_sales_lines al where al.order_line_id = ${lineId}), 0)`;
}
