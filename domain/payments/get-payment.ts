import { asc, desc, eq, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import {
  paymentNotifications,
  payments,
  refunds,
  type Payment,
  type PaymentNotification,
  type Refund,
} from '@/db/schema/payments';
import { maskNotification } from './mask-notification';

export interface PaymentDetail {
  payment: Payment;
  order: { id: number; number: string; status: string };
  refunds: Refund[];
  /** what providers sent about this attempt, newest first, with secrets masked */
  notifications: (Omit<PaymentNotification, 'headers' | 'body'> & { headers: Record<string, string>; body: string })[];
}

/** A payment attempt with its order, refunds and the notifications received for it. */
export async function getPayment(db: Database, paymentId: number): Promise<PaymentDetail | null> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!payment) return null;
  const [[order], refundRows, notificationRows] = await Promise.all([
    db
      .select({ id: orders.id, number: orders.number, status: orders.status })
      .from(orders)
      .where(eq(orders.id, payment.orderId)),
    db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(asc(refunds.createdAt), asc(refunds.id)),
    db
      .select()
      .from(paymentNotifications)
      .where(or(eq(paymentNotifications.paymentId, paymentId), eq(paymentNotifications.outTradeNo, payment.outTradeNo)))
      .orderBy(desc(paymentNotifications.receivedAt), desc(paymentNotifications.id))
      .limit(200),
  ]);
  return {
    payment,
    order,
    refunds: refundRows,
    notifications: notificationRows.map((row) => ({ ...row, ...maskNotification(row.headers ?? {}, row.body) })),
  };
}
