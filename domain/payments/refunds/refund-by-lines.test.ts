import { describe, expect, it } from 'vitest';
import { allocateOrderDiscount, lineUnitsAmount, priceRefundLines } from './refund-by-lines';

describe('refund by lines', () => {
  it('units refunded one at a time add up to exactly the line, the last unit taking the rounding', () => {
    const units = [0, 1, 2].map((done) => lineUnitsAmount(1_000, 3, done, 1));
    expect(units).toEqual([333, 333, 334]);
    expect(lineUnitsAmount(1_000, 3, 0, 3)).toBe(1_000);
  });

  it('shares the order discount in proportion to line totals, exactly', () => {
    const worth = allocateOrderDiscount(
      [
        { id: 1, lineTotalCents: 3_000 },
        { id: 2, lineTotalCents: 7_000 },
        { id: 3, lineTotalCents: 1 },
      ],
      1_001,
    );
    expect([...worth.values()].reduce((a, b) => a + b, 0)).toBe(10_001 - 1_001);
    expect(worth.get(1)).toBe(3_000 - 300);
  });

  it('refuses lines of other orders and more units than are left; merges a line named twice', () => {
    const lines = [{ id: 1, quantity: 2, lineTotalCents: 2_000, refundedQuantity: 1 }];
    expect(priceRefundLines(lines, 0, [{ orderLineId: 9, quantity: 1 }])).toEqual({
      ok: false,
      error: { code: 'line_not_in_order', orderLineId: 9 },
    });
    expect(
      priceRefundLines(lines, 0, [
        { orderLineId: 1, quantity: 1 },
        { orderLineId: 1, quantity: 1 },
      ]),
    ).toEqual({ ok: false, error: { code: 'exceeds_line_quantity', orderLineId: 1, refundable: 1 } });
    expect(priceRefundLines(lines, 0, [{ orderLineId: 1, quantity: 1 }])).toMatchObject({
      ok: true,
      amountCents: 1_000,
    });
  });
});
