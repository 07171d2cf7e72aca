/**
 * What refunding some units of some lines is worth. A line's worth is its total after its own
 * discount, less its share of the order-level discount (split in proportion to line totals, the
 * remainder on the last line), so refunding every unit of every line gives back exactly the goods
 * paid for. Shipping is not part of any line: refund it by amount.
 */
export interface RefundableLine {
  id: number;
  quantity: number;
  lineTotalCents: number;
  /** units of this line already in pending or succeeded refunds */
  refundedQuantity: number;
}

export type LineRefundError =
  | { code: 'line_not_in_order'; orderLineId: number }
  | { code: 'exceeds_line_quantity'; orderLineId: number; refundable: number };

/** Each line's worth after the order-level discount, by line id. */
export function allocateOrderDiscount(
  lines: readonly Pick<RefundableLine, 'id' | 'lineTotalCents'>[],
  orderDiscountCents: number,
): Map<number, number> {
  const base = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const worth = new Map<number, number>();
  let allocated = 0;
  lines.forEach((line, index) => {
    const share =
      index === lines.length - 1 || base === 0
        ? orderDiscountCents - allocated
        : Math.floor((orderDiscountCents * line.lineTotalCents) / base);
    allocated += share;
    worth.set(line.id, Math.max(0, line.lineTotalCents - share));
  });
  return worth;
}

/**
 * The amount of refunding `quantity` more units of a line worth `worthCents` for `quantity` units.
 * Cumulative: units already refunded are counted first, so the last unit takes the rounding and
 * all units together are exactly the line's worth.
 */
export function lineUnitsAmount(
  worthCents: number,
  lineQuantity: number,
  alreadyRefunded: number,
  quantity: number,
): number {
  const upTo = (units: number) => Math.floor((worthCents * units) / lineQuantity);
  return upTo(alreadyRefunded + quantity) - upTo(alreadyRefunded);
}

/** The refund lines (with amounts) for a request by lines, or the first line that cannot be refunded. */
export function priceRefundLines(
  orderLines: readonly RefundableLine[],
  orderDiscountCents: number,
  requested: readonly { orderLineId: number; quantity: number }[],
):
  | { ok: true; lines: { orderLineId: number; quantity: number; amountCents: number }[]; amountCents: number }
  | { ok: false; error: LineRefundError } {
  const worth = allocateOrderDiscount(orderLines, orderDiscountCents);
  // the same line named twice is one request for the sum
  const merged = new Map<number, number>();
  for (const item of requested) merged.set(item.orderLineId, (merged.get(item.orderLineId) ?? 0) + item.quantity);
  const lines: { orderLineId: number; quantity: number; amountCents: number }[] = [];
  for (const [orderLineId, quantity] of merged) {
    if (quantity === 0) continue;
    const line = orderLines.find((candidate) => candidate.id === orderLineId);
    if (!line) return { ok: false, error: { code: 'line_not_in_order', orderLineId } };
    const refundable = line.quantity - line.refundedQuantity;
    if (quantity > refundable) return { ok: false, error: { code: 'exceeds_line_quantity', orderLineId, refundable } };
    lines.push({
      orderLineId,
      quantity,
      amountCents: lineUnitsAmount(worth.get(line.id) ?? 0, line.quantity, line.refundedQuantity, quantity),
    });
  }
  return { ok: true, lines, amountCents: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}
