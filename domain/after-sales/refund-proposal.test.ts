import { describe, expect, it } from 'vitest';
import { proposeRefundAmount } from './refund-proposal';

const lines = [
  { id: 1, quantity: 3, lineTotalCents: 10_000 },
  { id: 2, quantity: 1, lineTotalCents: 5_000 },
];
const base = {
  orderLines: lines,
  orderDiscountCents: 0,
  orderShippingCents: 800,
  shippingAlreadyRefunded: false,
  restockingFeeCents: 0,
};

describe('proposeRefundAmount (fen)', () => {
  it('units at their share of the line, rounding carried by the last unit so all units sum to the line', () => {
    const one = proposeRefundAmount({
      ...base,
      units: [{ orderLineId: 1, quantity: 1, alreadyRefunded: 0, isSellerFault: false }],
    });
    expect(one.totalCents).toBe(3_333);
    const rest = proposeRefundAmount({
      ...base,
      units: [{ orderLineId: 1, quantity: 2, alreadyRefunded: 1, isSellerFault: false }],
    });
    expect(rest.totalCents).toBe(6_667);
    expect(one.totalCents + rest.totalCents).toBe(10_000);
  });

  it('net of the order discount share (split by line totals, remainder on the last line)', () => {
    // discount 1_500 over 15_000: line 1 carries 1_000, line 2 the remaining 500
    const all = proposeRefundAmount({
      ...base,
      orderDiscountCents: 1_500,
      units: [
        { orderLineId: 1, quantity: 3, alreadyRefunded: 0, isSellerFault: false },
        { orderLineId: 2, quantity: 1, alreadyRefunded: 0, isSellerFault: false },
      ],
    });
    expect(all.lines.map((l) => l.amountCents)).toEqual([9_000, 4_500]);
    expect(all.totalCents).toBe(13_500);
    expect(all.shippingCents).toBe(0);
  });

  it("shipping back when a reason is the seller's fault, once per order; a restocking fee comes off", () => {
    const fault = proposeRefundAmount({
      ...base,
      restockingFeeCents: 300,
      units: [{ orderLineId: 2, quantity: 1, alreadyRefunded: 0, isSellerFault: true }],
    });
    expect(fault).toMatchObject({ goodsCents: 5_000, shippingCents: 800, restockingFeeCents: 300, totalCents: 5_500 });
    const again = proposeRefundAmount({
      ...base,
      shippingAlreadyRefunded: true,
      units: [{ orderLineId: 2, quantity: 1, alreadyRefunded: 0, isSellerFault: true }],
    });
    expect(again.shippingCents).toBe(0);
  });

  it('never below zero, and nothing for units that did not come back', () => {
    const fee = proposeRefundAmount({
      ...base,
      restockingFeeCents: 999_999,
      units: [{ orderLineId: 2, quantity: 1, alreadyRefunded: 0, isSellerFault: false }],
    });
    expect(fee.totalCents).toBe(0);
    const none = proposeRefundAmount({
      ...base,
      units: [{ orderLineId: 1, quantity: 0, alreadyRefunded: 0, isSellerFault: true }],
    });
    expect(none).toMatchObject({ goodsCents: 0, shippingCents: 0, totalCents: 0, lines: [] });
  });
});
