import { createAfterSalesRequest, ZCreateAfterSalesRequest } from '@/domain/after-sales/create-after-sales-request';
import { getAfterSalesRequest } from '@/domain/after-sales/get-after-sales-request';
import { AFTER_SALES_FILTER_NAMES, listAfterSales, ZAfterSalesQuery } from '@/domain/after-sales/list-after-sales';
import { findOrderByReference } from '@/domain/orders/find-order';
import { ZId } from '@/domain/orders/order-input';
import { safeText } from '@/domain/shared/safe-text';
import { translateAfterSalesFailure } from '@/lib/after-sales/translate-after-sales-failure';
import { afterSalesListItem, afterSalesResource } from '@/lib/api/after-sales-resource';
import { apiError, apiJson, apiRoute, failureResponse, readBody } from '@/lib/api/api-route';

/** The list's query parameters: the queue's filters, with the keyset cursor named as in the orders list. */
const LIST_PARAMS = [...AFTER_SALES_FILTER_NAMES.filter((name) => name !== 'after'), 'cursor'] as const;

/**
 * GET /api/v1/after-sales: the after-sales queue (overdue first, then newest) with its filters as
 * query parameters (kind, status, reason, overdue=1, due=1, from, to, q, cursor); pages of 50 by the
 * opaque `nextCursor`. Any other parameter, or a bad value, is refused with a 422 naming it.
 */
export const GET = apiRoute('after_sales.read', async ({ request, db, t }) => {
  const searchParams = new URL(request.url).searchParams;
  const unknown = [...new Set(searchParams.keys())].filter(
    (name) => !(LIST_PARAMS as readonly string[]).includes(name),
  );
  const raw = Object.fromEntries(
    LIST_PARAMS.filter((name) => searchParams.has(name)).map((name) => [
      name === 'cursor' ? 'after' : name,
      searchParams.get(name)!,
    ]),
  );
  const parsed = ZAfterSalesQuery.safeParse(raw);
  const rejected = parsed.success
    ? []
    : [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].map((name) => ({
        param: name === 'after' ? 'cursor' : name,
        value: String(raw[name] ?? '').slice(0, 40),
      }));
  if (!parsed.success || unknown.length > 0) {
    const fields = Object.fromEntries([
      ...rejected.map((r) => [r.param, [t('common.api.badParam', { param: r.param, value: r.value })]]),
      ...unknown.map((name) => [
        name.slice(0, 40),
        [t('common.api.unknownParam', { param: name.slice(0, 40), params: LIST_PARAMS.join(', ') })],
      ]),
    ]);
    const names = [...rejected.map((r) => r.param), ...unknown.map((name) => name.slice(0, 40))];
    return apiError(422, 'invalid', t('common.api.badParams', { params: names.join(', ') }), fields);
  }
  const page = await listAfterSales(db, parsed.data);
  return apiJson({ data: page.rows.map(afterSalesListItem), nextCursor: page.next });
});

/** The domain's input with the order named by id or by number (what a shop system knows) instead of orderId. */
const ZApiCreateBody = ZCreateAfterSalesRequest.omit({ orderId: true })
  .extend({
    orderId: ZId.optional(),
    orderNumber: safeText().trim().min(1).max(40).optional(),
  })
  .refine((body) => body.orderId !== undefined || body.orderNumber !== undefined, {
    message: 'after-sales.fieldErrors.order_required',
    path: ['orderId'],
  });

/**
 * POST /api/v1/after-sales: records a request exactly as the order page does (the same checks:
 * never more than bought, nor than shipped for returns and exchanges; reasons from Settings), with the
 * API key as the actor. `{ orderId or orderNumber, kind, customerNote?, lines: [{ orderLineId, quantity,
 * reasonCode, note?, replacementSkuId? }] }`; 201 with the request.
 */
export const POST = apiRoute('after_sales.write', async (ctx) => {
  const body = await readBody(ctx, ZApiCreateBody);
  if (!body.ok) return body.response;
  const { db, t, caller } = ctx;
  const { orderId, orderNumber, ...input } = body.data;
  const order = await findOrderByReference(db, String(orderId ?? orderNumber));
  if (order === null) return apiError(404, 'not_found', t('after-sales.errors.order_not_found'));
  const created = await createAfterSalesRequest(db, { ...input, orderId: order.id, actor: caller.actor });
  if (!created.ok) return failureResponse(translateAfterSalesFailure(created, t));
  const detail = await getAfterSalesRequest(db, created.data.id);
  return apiJson({ data: afterSalesResource(detail!, caller) }, 201);
});
