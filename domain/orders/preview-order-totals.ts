import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderLines, skus } from '@/db/schema';
import { computeOrderTotals } from './order-totals';

export interface TotalsPreviewLine {
  skuId: number;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
}

/** The totals an order with these lines and amounts would get, in the SKUs' currency. */
export interface OrderTotalsPreview {
  currency: string;
  lines: TotalsPreviewLine[];
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  /** null when the order would be refused for its money (see problem) */
  totalCents: number | null;
  problem: 'discount_above_subtotal' | 'total_too_large' | null;
}

/**
 * What the order form shows as its totals while staff type: prices read from the SKUs here, on
 * the server (the browser's idea of a price is never used), summed by the same computeOrderTotals
 * that createOrder and editOrder use. For an edit (orderId), SKUs already on the order keep the
 * price they were sold at, as editOrder keeps them. Writes nothing; unknown SKU ids are left out
 * (createOrder reports them).
 */
export async function previewOrderTotals(
  db: Database,
  input: {
    lines: readonly { skuId: number; quantity: number }[];
    discountCents: number;
    shippingCents: number;
    orderId?: number;
  },
): Promise<OrderTotalsPreview> {
  const ids = [...new Set(input.lines.map((l) => l.skuId))];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ id: skus.id, priceCents: skus.priceCents, currency: skus.currency })
          .from(skus)
          .where(inArray(skus.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (input.orderId !== undefined) {
    const sold = await db
      .select({ skuId: orderLines.skuId, unitPriceCents: orderLines.unitPriceCents })
      .from(orderLines)
      .where(eq(orderLines.orderId, input.orderId))
      .orderBy(asc(orderLines.id));
    for (const line of sold.reverse()) {
      const sku = line.skuId === null ? undefined : byId.get(line.skuId);
      if (sku) byId.set(sku.id, { ...sku, priceCents: line.unitPriceCents });
    }
  }

  const lines = input.lines.flatMap((line) => {
    const sku = byId.get(line.skuId);
    return sku
      ? [
          {
            skuId: line.skuId,
            unitPriceCents: sku.priceCents,
            quantity: line.quantity,
            lineTotalCents: sku.priceCents * line.quantity,
          },
        ]
      : [];
  });
  const money = { discountCents: input.discountCents, shippingCents: input.shippingCents, taxCents: 0 };
  const computed = computeOrderTotals(lines, money);
  const subtotalCents = computed.ok
    ? computed.totals.subtotalCents
    : lines.reduce((sum, l) => sum + l.lineTotalCents, 0);
  return {
    currency: rows[0]?.currency ?? 'CNY',
    lines,
    subtotalCents,
    discountCents: input.discountCents,
    shippingCents: input.shippingCents,
    totalCents: computed.ok ? computed.totals.totalCents : null,
    problem: computed.ok ? null : computed.code,
  };
}
