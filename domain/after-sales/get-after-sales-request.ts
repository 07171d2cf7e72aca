import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  afterSalesEvents,
  afterSalesLines,
  afterSalesRequests,
  type AfterSalesEvent,
  type AfterSalesLine,
  type AfterSalesRequest,
} from '@/db/schema/after-sales';
import { carriers } from '@/db/schema/logistics';
import { orderLines, orders } from '@/db/schema/orders';
import { refunds } from '@/db/schema/payments';

export interface AfterSalesDetail {
  request: AfterSalesRequest;
  order: { id: number; number: string; status: string; currency: string; shipName: string; shipPhone: string };
  lines: (AfterSalesLine & {
    skuCode: string;
    name: string;
    unitPriceCents: number;
    orderedQuantity: number;
    shippedFrom: number | null;
  })[];
  events: AfterSalesEvent[];
  returnCarrier: { code: string; name: string; nameEn: string } | null;
  refund: { id: number; outRefundNo: string; amountCents: number; status: string } | null;
}

/** A request with everything its page shows, or null. */
export async function getAfterSalesRequest(db: Database, requestId: number): Promise<AfterSalesDetail | null> {
  const [request] = await db.select().from(afterSalesRequests).where(eq(afterSalesRequests.id, requestId));
  if (!request) return null;
  const [[order], lines, events, [returnCarrier], [refund]] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        status: orders.status,
        currency: orders.currency,
        shipName: orders.shipName,
        shipPhone: orders.shipPhone,
      })
      .from(orders)
      .where(eq(orders.id, request.orderId)),
    db
      .select({
        line: afterSalesLines,
        skuCode: orderLines.skuCode,
        name: orderLines.name,
        unitPriceCents: orderLines.unitPriceCents,
        orderedQuantity: orderLines.quantity,
        shippedFrom: orderLines.warehouseId,
      })
      .from(afterSalesLines)
      .innerJoin(orderLines, eq(orderLines.id, afterSalesLines.orderLineId))
      .where(eq(afterSalesLines.requestId, requestId))
      .orderBy(asc(afterSalesLines.id)),
    db
      .select()
      .from(afterSalesEvents)
      .where(eq(afterSalesEvents.requestId, requestId))
      .orderBy(asc(afterSalesEvents.id)),
    request.returnCarrierId === null
      ? Promise.resolve([])
      : db
          .select({ code: carriers.code, name: carriers.name, nameEn: carriers.nameEn })
          .from(carriers)
          .where(eq(carriers.id, request.returnCarrierId)),
    request.refundId === null
      ? Promise.resolve([])
      : db
          .select({
            id: refunds.id,
            outRefundNo: refunds.outRefundNo,
            amountCents: refunds.amountCents,
            status: refunds.status,
          })
          .from(refunds)
          .where(eq(refunds.id, request.refundId)),
  ]);
  return {
    request,
    order,
    events,
    returnCarrier: returnCarrier ?? null,
    refund: refund ?? null,
    lines: lines.map(({ line, ...rest }) => ({ ...line, ...rest })),
  };
}
