'use server';

import { getDb } from '@/db/client';
import { ZTotalsPreviewInput } from '@/domain/orders/order-entry-input';
import { previewOrderTotals } from '@/domain/orders/preview-order-totals';
import { ok } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';

/** The order form's totals while staff type, computed from catalog prices on the server; writes nothing. */
export const previewOrderTotalsAction = staffAction('orders.write', ZTotalsPreviewInput, async (input) => {
  return ok(
    await previewOrderTotals(getDb(), {
      lines: input.lines,
      discountCents: input.discount,
      shippingCents: input.shipping,
      orderId: input.orderId,
    }),
  );
});
