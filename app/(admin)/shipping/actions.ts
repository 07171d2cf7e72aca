'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { bulkShipOrders, type BulkShipItem, type BulkShipOutcome } from '@/domain/logistics/bulk-ship';
import { MAX_BULK_SHIP_CSV_BYTES, MAX_BULK_SHIP_ROWS, parseBulkShipCsv } from '@/domain/logistics/bulk-ship-csv';
import { MAX_RESOLUTION_NOTE, resolveShipmentException } from '@/domain/logistics/resolve-shipment-exception';
import { queryShipmentTracking } from '@/domain/logistics/tracking/shipment-tracking';
import { getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';
import { findOrdersToShip } from '@/domain/logistics/bulk-ship';
import { MAX_WAYBILL_ORDERS, requestWaybills } from '@/domain/logistics/waybills/request-waybills';
import { resolveWaybillSetup } from '@/domain/logistics/waybills/waybill-config';
import { staffActor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { localizeOrderFailure } from '../orders/order-failure';

/** One line of the bulk-ship report, in the reader's language. */
export interface BulkShipReportRow {
  row?: number;
  orderNumber: string;
  orderId: number | null;
  ok: boolean;
  message: string;
  trackingNumber?: string;
  shipmentId?: number;
}

const SHIPPING_CODES = new Set([
  'order_not_found',
  'unknown_carrier_code',
  'no_carrier',
  'wrong_column_count',
  'order_number_missing',
  'order_number_invalid',
  'carrier_missing',
  'carrier_invalid',
  'tracking_number_missing',
  'tracking_number_invalid',
]);

async function toReport(
  outcomes: readonly (BulkShipOutcome | { row: number; orderNumber: string; code: string })[],
): Promise<BulkShipReportRow[]> {
  const t = await getTranslations('shipping');
  const tOrders = await getTranslations('orders');
  const report: BulkShipReportRow[] = [];
  for (const outcome of outcomes) {
    if ('ok' in outcome && outcome.ok) {
      report.push({
        row: outcome.row,
        orderNumber: outcome.orderNumber,
        orderId: outcome.orderId,
        ok: true,
        trackingNumber: outcome.trackingNumber,
        shipmentId: outcome.shipmentId,
        message: t('bulk.shipped', {
          status: tOrders(`status.${outcome.orderStatus ?? 'shipped'}` as 'status.shipped'),
        }),
      });
      continue;
    }
    const code = outcome.code ?? 'unexpected';
    const params = 'params' in outcome ? outcome.params : undefined;
    const domainMessage = 'message' in outcome && outcome.message ? outcome.message : code;
    let message: string;
    if (SHIPPING_CODES.has(code))
      message = t(`bulk.errors.${code}` as 'bulk.errors.order_not_found', { ...params, row: outcome.row ?? 0 });
    else if ('orderId' in outcome && outcome.orderId)
      message = (await localizeOrderFailure(fail(code, domainMessage, undefined, params), { isBulk: true })).message;
    else message = domainMessage;
    report.push({
      row: outcome.row,
      orderNumber: outcome.orderNumber,
      orderId: 'orderId' in outcome ? outcome.orderId : null,
      ok: false,
      message,
    });
  }
  return report;
}

async function shipAll(
  items: BulkShipItem[],
  staff: { id: number; name: string },
  invalid: { row: number; orderNumber: string; code: string }[] = [],
): Promise<Result<BulkShipReportRow[]>> {
  const db = getDb();
  const outcomes = await bulkShipOrders(db, {
    items,
    actor: staffActor(staff),
    provider: await getTrackingProvider(db),
  });
  revalidatePath('/shipping');
  revalidatePath('/orders');
  // report in file order: the rows that could not be read sit where they were
  const all = [...outcomes, ...invalid].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return ok(await toReport(all));
}

/** Typed or scanned numbers, one per selected order; the carrier defaults to the rule's suggestion. */
export const bulkShipAction = staffAction(
  'shipping.write',
  z.object({
    items: z
      .array(
        z.object({
          orderNumber: z.string().trim().min(1).max(40),
          carrierId: z.coerce
            .number({ error: 'shipping.bulk.validation.carrier' })
            .int()
            .positive('shipping.bulk.validation.carrier'),
          trackingNumber: z.string().trim().min(1, 'shipping.bulk.validation.trackingNumber').max(40),
        }),
      )
      .min(1, 'shipping.bulk.validation.noOrders')
      .max(MAX_BULK_SHIP_ROWS),
  }),
  async (input, staff) => shipAll(input.items, staff),
);

/** A CSV of order number, carrier code, tracking number (read in the browser, checked here row by row). */
export const bulkShipCsvAction = staffAction(
  'shipping.write',
  z.object({
    csv: z
      .string()
      .min(1, 'shipping.bulk.validation.file')
      .max(MAX_BULK_SHIP_CSV_BYTES, 'shipping.bulk.errors.file_too_large'),
  }),
  async (input, staff) => {
    const parsed = parseBulkShipCsv(input.csv);
    if (!parsed.ok) {
      const t = await getTranslations('shipping');
      return fail(
        parsed.code,
        t(`bulk.errors.${parsed.code}` as 'bulk.errors.empty_file', {
          max: MAX_BULK_SHIP_ROWS,
          maxKb: MAX_BULK_SHIP_CSV_BYTES / 1024,
        }),
      );
    }
    return shipAll(parsed.data.items, staff, parsed.data.errors);
  },
);

/** "Query now" on the shipment page. */
export const queryShipmentAction = staffAction(
  'shipping.write',
  z.object({ shipmentId: z.coerce.number().int().positive() }),
  async (input, staff) => {
    const db = getDb();
    const result = await queryShipmentTracking(db, await getTrackingProvider(db), {
      shipmentId: input.shipmentId,
      actor: staffActor(staff),
    });
    revalidatePath(`/shipping/shipments/${input.shipmentId}`);
    if (result.ok) return ok({ eventsAdded: result.data.eventsAdded, status: result.data.status });
    const t = await getTranslations('shipping');
    return fail(result.code, t('detail.queryFailed', { reason: result.message }));
  },
  { errorMessages: 'shipping' },
);

export const resolveExceptionAction = staffAction(
  'shipping.write',
  z.object({
    exceptionId: z.coerce.number().int().positive(),
    note: z.string().trim().min(1, 'shipping.exceptions.validation.note').max(MAX_RESOLUTION_NOTE),
  }),
  async (input, staff) => {
    const result = await resolveShipmentException(getDb(), {
      exceptionId: input.exceptionId,
      note: input.note,
      actor: staffActor(staff),
    });
    revalidatePath('/shipping', 'layout');
    return result;
  },
  { errorMessages: 'shipping' },
);

/** One parcel's line in the e-waybill report, in the reader's language. */
export interface WaybillReportRow {
  orderId: number;
  orderNumber: string;
  ok: boolean;
  message: string;
  trackingNumber?: string;
}

/** "Request e-waybills" in the queue: every parcel of the ticked orders, each with its own result. */
export const requestWaybillsAction = staffAction(
  'shipping.write',
  z.object({
    orders: z
      .array(z.string().trim().min(1).max(40))
      .min(1, 'shipping.waybills.validation.noOrders')
      .max(MAX_WAYBILL_ORDERS, 'shipping.waybills.validation.tooMany'),
  }),
  async (input, staff) => {
    const db = getDb();
    const found = await findOrdersToShip(db, [...new Set(input.orders)]);
    const [t, tOrders] = await Promise.all([getTranslations('shipping.waybills'), getTranslations('orders')]);
    if (found.length === 0) return fail('order_not_found', t('validation.noOrders'));
    const outcome = await requestWaybills(db, {
      orderIds: found.map((o) => o.id),
      actor: staffActor(staff),
      setup: resolveWaybillSetup(),
    });
    if (!outcome.ok) return fail(outcome.code, t('validation.tooMany'));
    revalidatePath('/shipping');
    const rows: WaybillReportRow[] = outcome.data.map((o) =>
      o.result.ok
        ? {
            orderId: o.orderId,
            orderNumber: o.orderNumber,
            ok: true,
            trackingNumber: o.result.data.waybill.trackingNumber ?? undefined,
            message: t(o.result.data.isReused ? 'reused' : 'assigned', {
              number: o.result.data.waybill.trackingNumber ?? '',
            }),
          }
        : {
            orderId: o.orderId,
            orderNumber: o.orderNumber,
            ok: false,
            message: t(`errors.${o.result.code}`, {
              reason: o.result.message,
              ...(o.result.params ?? {}),
              ...(o.result.params?.status
                ? { status: tOrders(`status.${o.result.params.status}` as 'status.paid') }
                : {}),
            }),
          },
    );
    return ok(rows);
  },
  { errorMessages: 'shipping' },
);
