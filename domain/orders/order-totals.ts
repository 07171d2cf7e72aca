/** The largest total an order may have: orders.total_cents is a Postgres integer. */
export const MAX_ORDER_TOTAL_CENTS = 2_000_000_000;

export interface PricedLine {
  unitPriceCents: number;
  quantity: number;
}

export interface OrderTotals {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  itemCount: number;
}

/**
 * The order's money, computed on the server from the lines' prices: subtotal - discount +
 * shipping + tax. Failures: `discount_above_subtotal` (a discount may not make goods negative),
 * `total_too_large`.
 */
export function computeOrderTotals(
  lines: readonly PricedLine[],
  money: { discountCents: number; shippingCents: number; taxCents: number },
): { ok: true; totals: OrderTotals } | { ok: false; code: 'discount_above_subtotal' | 'total_too_large' } {
  const subtotalCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const itemCount = lines.reduce((sum, l) => sum + l.quantity, 0);
  if (money.discountCents > subtotalCents) return { ok: false, code: 'discount_above_subtotal' };
  const totalCents = subtotalCents - money.discountCents + money.shippingCents + money.taxCents;
  if (subtotalCents > MAX_ORDER_TOTAL_CENTS || totalCents > MAX_ORDER_TOTAL_CENTS)
    return { ok: false, code: 'total_too_large' };
  return {
    ok: true,
    totals: {
      subtotalCents,
      discountCents: money.discountCents,
      shippingCents: money.shippingCents,
      taxCents: money.taxCents,
      totalCents,
      itemCount,
    },
  };
}
