import { z } from 'zod';
import { createOrder } from '@/domain/orders/create-order';
import { MAX_ORDER_LINES, shipToInput, ZCreateOrderInput, ZId, ZOrderLineInput } from '@/domain/orders/order-input';
import { getOrder } from '@/domain/orders/get-order';
import { listOrders } from '@/domain/orders/list-orders';
import { ORDER_LIST_PARAMS, parseOrderListParams } from '@/domain/orders/order-list-filters';
import { safeText } from '@/domain/shared/safe-text';
import { apiError, apiJson, apiRoute, orderFailureResponse, readBody } from '@/lib/api/api-route';
import { orderResource } from '@/lib/api/order-resource';

/**
 * GET /api/v1/orders: the orders list with the console's filters as query parameters (status,
 * from, to, source, q, sort, pageSize, cursor); pages by the opaque `nextCursor`. Any other
 * parameter, or a bad value (pageSize=0, abc, 100000), is refused with a 422 naming it.
 */
export const GET = apiRoute('orders.read', async ({ request, db, t }) => {
  const searchParams = new URL(request.url).searchParams;
  const { filters, rejected } = parseOrderListParams(searchParams);
  const unknown = [...new Set(searchParams.keys())].filter(
    (name) => !(ORDER_LIST_PARAMS as readonly string[]).includes(name),
  );
  if (rejected.length > 0 || unknown.length > 0) {
    const fields = Object.fromEntries([
      ...rejected.map((r) => [r.param, [t('common.api.badParam', { param: r.param, value: r.value })]]),
      ...unknown.map((name) => [
        name.slice(0, 40),
        [t('common.api.unknownParam', { param: name.slice(0, 40), params: ORDER_LIST_PARAMS.join(', ') })],
      ]),
    ]);
    const names = [...rejected.map((r) => r.param), ...unknown.map((name) => name.slice(0, 40))];
    return apiError(422, 'invalid', t('common.api.badParams', { params: [...new Set(names)].join(', ') }), fields);
  }
  const page = await listOrders(db, filters);
  return apiJson({ data: page.rows, nextCursor: page.nextCursor, prevCursor: page.prevCursor });
});

/** A line names its SKU by id or by code (what a shop system usually knows). */
const ZApiLine = ZOrderLineInput.omit({ skuId: true })
  .extend({
    skuId: ZId.optional(),
    skuCode: safeText()
      .trim()
      .min(1, 'orders.entry.validation.skuRequired')
      .max(64, 'orders.entry.validation.tooLong')
      .optional(),
  })
  .refine((l) => l.skuId !== undefined || l.skuCode !== undefined, {
    message: 'orders.entry.validation.skuRequired',
    path: ['skuId'],
  });

/** The order entry input of the domain (createOrder checks it again), with lines by id or code and no source: it is "api". */
const ZApiOrderBody = ZCreateOrderInput.omit({ source: true, lines: true }).extend({
  lines: z
    .array(ZApiLine, 'orders.entry.validation.linesRequired')
    .min(1, 'orders.entry.validation.linesRequired')
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

  // createOrder finds SKUs by code itself (an unknown code answers lines.N.skuCode)
  const result = await createOrder(db, {
    ...order,
    shipTo: shipToInput(order.shipTo),
    lines,
    externalRef: externalRef ?? undefined,
    buyerNote: buyerNote ?? undefined,
    source: 'api',
    actor: caller.actor,
  });
  if (!result.ok) {
    if (result.code === 'insufficient_stock') {
      return apiError(409, result.code, t('orders.entry.outOfStock', { skus: String(result.params?.skus ?? '') }));
    }
    return orderFailureResponse(result, t);
  }
  const detail = await getOrder(db, result.data.order.id);
  return apiJson({ data: orderResource(detail!, caller) }, result.data.existing ? 200 : 201);
});
