import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import { skus } from '@/db/schema/catalog';
import { createOrder } from '@/domain/orders/create-order';
import { MAX_ORDER_LINES, shipToInput, ZCreateOrderInput, ZId, ZOrderLineInput } from '@/domain/orders/order-input';
import { getOrder } from '@/domain/orders/get-order';
import { listOrders } from '@/domain/orders/list-orders';
import { parseOrderListParams } from '@/domain/orders/order-list-filters';
import { apiError, apiJson, apiRoute, failureResponse, readBody } from '@/lib/api/api-route';
import { orderResource } from '@/lib/api/order-resource';
import { explainOrderFailure } from '@/lib/orders/explain-order-failure';

/**
 * GET /api/v1/orders: the orders list with the console's filters as query parameters (status,
 * from, to, source, q, sort, pageSize, cursor); pages by the opaque `nextCursor`.
 */
export const GET = apiRoute('orders.read', async ({ request, db, t }) => {
  const { filters, rejected } = parseOrderListParams(new URL(request.url).searchParams);
  if (rejected.length > 0) {
    const fields = Object.fromEntries(rejected.map((r) => [r.param, [t('common.api.badParam', { param: r.param, value: r.value })]]));
    return apiError(422, 'invalid', t('common.api.badParams', { params: rejected.map((r) => r.param).join(', ') }), fields);
  }
  const page = await listOrders(db, filters);
  return apiJson({ data: page.rows, nextCursor: page.nextCursor, prevCursor: page.prevCursor });
});

/** A line names its SKU by id or by code (what a shop system usually knows). */
const ZApiLine = ZOrderLineInput.omit({ skuId: true }).extend({
  skuId: ZId.optional(),
  skuCode: z.string().trim().min(1, 'orders.entry.validation.skuRequired').max(64, 'orders.entry.validation.tooLong').optional(),
}).refine((l) => l.skuId !== undefined || l.skuCode !== undefined, { message: 'orders.entry.validation.skuRequired', path: ['skuId'] });

/** The order entry input of the domain (createOrder checks it again), with lines by id or code and no source: it is "api". */
const ZApiOrderBody = ZCreateOrderInput.omit({ source: true, lines: true }).extend({
  lines: z.array(ZApiLine, 'orders.entry.validation.linesRequired').min(1, 'orders.entry.validation.linesRequired')
    .max(MAX_ORDER_LINES, 'orders.entry.validation.tooManyLines'),
});

/**
 * POST /api/v1/orders: places an order exactly as the console's form does (same validation, same
 * stock reservation, prices from the catalogue), with source "api". `externalRef` (the order's id
 * in the caller's system) makes it idempotent: sending it again returns the same order with 200.
 */
export const POST = apiRoute('orders.write', async (ctx) => {
  const body = await readBody(ctx, ZApiOrderBody);
  if (!body.ok) return body.response;
  const { db, t, caller } = ctx;
  const { lines, externalRef, buyerNote, ...order } = body.data;

  const codes = [...new Set(lines.flatMap((l) => (l.skuId === undefined && l.skuCode ? [l.skuCode] : [])))];
  const idByCode = new Map(codes.length === 0 ? [] : (await db.select({ id: skus.id, code: skus.code }).from(skus).where(inArray(skus.code, codes))).map((s) => [s.code, s.id]));
  const unknown = lines.flatMap((l, i) => (l.skuId === undefined && l.skuCode && !idByCode.has(l.skuCode) ? [i] : []));
  if (unknown.length > 0) {
    const fields = Object.fromEntries(unknown.map((i) => [`lines.${i}.skuCode`, [t('orders.entry.validation.skuNotFound')]]));
    return apiError(422, 'invalid', t('common.api.invalid'), fields);
  }

  const result = await createOrder(db, {
    ...order,
    shipTo: shipToInput(order.shipTo),
    lines: lines.map(({ skuCode, ...l }) => ({ ...l, skuId: l.skuId ?? idByCode.get(skuCode!)! })),
    externalRef: externalRef ?? undefined,
    buyerNote: buyerNote ?? undefined,
    source: 'api',
    actor: caller.actor,
  });
  if (!result.ok) {
    if (result.code === 'insufficient_stock') {
      return apiError(409, result.code, t('orders.entry.outOfStock', { skus: String(result.params?.skus ?? '') }));
    }
    return failureResponse(await explainOrderFailure(db, 0, result, t));
  }
  const detail = await getOrder(db, result.data.order.id);
  return apiJson({ data: orderResource(detail!, caller) }, result.data.existing ? 200 : 201);
});
