import { getOrder } from '@/domain/orders/get-order';
import { apiError, apiJson, apiRoute } from '@/lib/api/api-route';
import { orderResource } from '@/lib/api/order-resource';
import { findOrderByReference } from '@/domain/orders/find-order';

/** GET /api/v1/orders/{id or number}: one order with lines, money, shipments and the actions allowed now. */
export const GET = apiRoute<{ order: string }>('orders.read', async ({ params, db, t, caller }) => {
  const found = await findOrderByReference(db, params.order);
  const detail = found === null ? null : await getOrder(db, found.id);
  if (!detail) return apiError(404, 'not_found', t('orders.errors.not_found'));
  return apiJson({ data: orderResource(detail, caller) });
});
