import { findAfterSalesByReference } from '@/domain/after-sales/find-after-sales-request';
import { getAfterSalesRequest } from '@/domain/after-sales/get-after-sales-request';
import { afterSalesResource } from '@/lib/api/after-sales-resource';
import { apiError, apiJson, apiRoute } from '@/lib/api/api-route';

/** GET /api/v1/after-sales/{id or number}: one request with lines, inspection, refund, timeline and allowedActions. */
export const GET = apiRoute<{ request: string }>('after_sales.read', async ({ params, db, t, caller }) => {
  const found = await findAfterSalesByReference(db, params.request);
  const detail = found === null ? null : await getAfterSalesRequest(db, found.id);
  if (!detail) return apiError(404, 'not_found', t('after-sales.errors.not_found'));
  return apiJson({ data: afterSalesResource(detail, caller) });
});
