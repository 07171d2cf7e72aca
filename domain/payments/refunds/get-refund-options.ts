import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { PaymentMethod } from '@/db/schema/payments';
import { isManualRefundMethod } from './refund-status';

export interface RefundablePayment {
  id: number;
  method: PaymentMethod;
  amountCents: number;
  currency: string;
  /** paid minus pending and succeeded refunds */
  refundableCents: number;
  /** a late success for a cancelled order: owed back in full */
  needsRefund: boolean;
  /** paid back by a person's transfer (a reference is recorded) rather than through a provider */
  isManual: boolean;
}

export interface RefundableOrderLine {
  id: number;
  skuCode: string;
  name: string;
  quantity: number;
  /** units not yet in a pending or succeeded refund */
  refundableQuantity: number;
}

/** What the order page's refund form may offer: the payments holding money and the lines' units left. */
export async function getRefundOptions(
  db: Database,
  orderId: number,
): Promise<{ payments: RefundablePayment[]; lines: RefundableOrderLine[] }> {
  const [paymentRows, lineRows] = await Promise.all([
    queryRows<{
      id: number;
      method: PaymentMethod;
      amount_cents: number;
      currency: string;
      refunded: number;
      needs_refund: boolean;
    }>(
      db,
      sql`
      select p.id, p.method, p.amount_cents, p.currency, p.needs_refund,
        coalesce((select sum(r.amount_cents) from refunds r where r.payment_id = p.id and r.status <> 'failed'), 0)::int as refunded
      from payments p where p.order_id = ${orderId} and (p.status = 'succeeded' or p.needs_refund) order by p.id`,
    ),
    queryRows<{ id: number; sku_code: string; name: string; quantity: number; refunded: number }>(
      db,
      sql`
      select l.id, l.sku_code, l.name, l.quantity,
        coalesce((select sum(rl.quantity) from refund_lines rl join refunds r on r.id = rl.refund_id
          where rl.order_line_id = l.id and r.status <> 'failed'), 0)::int as refunded
      from order_lines l where l.order_id = ${orderId} order by l.id`,
    ),
  ]);
  return {
    payments: paymentRows.map((p) => ({
      id: Number(p.id),
      method: p.method,
      amountCents: Number(p.amount_cents),
      currency: p.currency,
      refundableCents: Number(p.amount_cents) - Number(p.refunded),
      needsRefund: Boolean(p.needs_refund),
      isManual: isManualRefundMethod(p.method),
    })),
    lines: lineRows.map((l) => ({
      id: Number(l.id),
      skuCode: l.sku_code,
      name: l.name,
      quantity: Number(l.quantity),
      refundableQuantity: Number(l.quantity) - Number(l.refunded),
    })),
  };
}
