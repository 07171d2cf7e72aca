import { allocateOrderDiscount, lineUnitsAmount } from '@/domain/payments/refunds/refund-by-lines';
import { sumCents } from '@/domain/shared/money';

export interface ProposalOrderLine {
  id: number;
  quantity: number;
  lineTotalCents: number;
}

export interface ProposalUnits {
  orderLineId: number;
  /** units refunded by this request */
  quantity: number;
  /** units of this line refunded by earlier after-sales requests (they took their share of the rounding) */
  alreadyRefunded: number;
  isSellerFault: boolean;
}

export interface RefundProposal {
  goodsCents: number;
  shippingCents: number;
  restockingFeeCents: number;
  totalCents: number;
  lines: { orderLineId: number; quantity: number; amountCents: number }[];
}

/**
 * What a request should refund, in fen: each unit at its line's worth net of the order's discount
 * share (the same split as refunds by line, so all units of all lines add up to the goods paid
 * for), plus the order's shipping fee when a reason is the seller's fault and shipping was not
 * refunded before, minus a restocking fee, never below zero. Pure: the caller supplies the facts.
 */
export function proposeRefundAmount(input: {
  orderLines: readonly ProposalOrderLine[];
  orderDiscountCents: number;
  orderShippingCents: number;
  shippingAlreadyRefunded: boolean;
  units: readonly ProposalUnits[];
  restockingFeeCents: number;
}): RefundProposal {
  const worth = allocateOrderDiscount(input.orderLines, input.orderDiscountCents);
  const lines = input.units
    .filter((u) => u.quantity > 0)
    .map((u) => {
      const line = input.orderLines.find((l) => l.id === u.orderLineId);
      if (!line) throw new Error(`proposeRefundAmount: line ${u.orderLineId} is not a line of the order`);
      return {
        orderLineId: u.orderLineId,
        quantity: u.quantity,
        amountCents: lineUnitsAmount(worth.get(line.id) ?? 0, line.quantity, u.alreadyRefunded, u.quantity),
      };
    });
  const goodsCents = sumCents(lines.map((l) => l.amountCents));
  const sellerFault = input.units.some((u) => u.quantity > 0 && u.isSellerFault);
  const shippingCents = sellerFault && !input.shippingAlreadyRefunded ? input.orderShippingCents : 0;
  const restockingFeeCents = Math.min(input.restockingFeeCents, goodsCents + shippingCents);
  return {
    goodsCents,
    shippingCents,
    restockingFeeCents,
    totalCents: goodsCents + shippingCents - restockingFeeCents,
    lines,
  };
}
