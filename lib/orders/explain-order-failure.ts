import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { fail, type Fail } from '@/domain/shared/result';
import type { Translate } from '@/lib/i18n/translator';

const STALE_STATUS_CODES = new Set(['conflict', 'invalid_transition']);

/**
 * A failed order operation in the reader's language (t: a translator over every area). A move
 * that lost a race or no longer fits the order's status names the status the order has now (read
 * again here, after the failed attempt), so the person or the integration learns what happened.
 */
export async function explainOrderFailure(
  db: Database, orderId: number, failure: Fail, t: Translate, options: { isBulk?: boolean } = {},
): Promise<Fail> {
  if (STALE_STATUS_CODES.has(failure.code)) {
    const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    if (!order) return fail('not_found', t('orders.errors.not_found'));
    const status = t(`orders.status.${order.status}`);
    // a bulk result lists orders: "it is Shipped"; on the order page: "already Shipped, refreshed"
    return fail(failure.code, options.isBulk ? t('orders.actions.errors.statusNow', { status }) : t('orders.actions.errors.conflict', { status }), undefined, { status: order.status });
  }
  // this flow's wording first (orders.actions.errors), then the shared order errors (orders.errors, with params)
  const translate = (code: string): string | null => {
    // the carrier registry's message says what shape the carrier's numbers have
    if (code === 'invalid_tracking_number' && failure.params?.carrierCode) return t('shipping.errors.invalid_tracking_number', failure.params);
    if (t.has(`orders.actions.errors.${code}`)) return t(`orders.actions.errors.${code}`);
    if (t.has(`orders.errors.${code}`)) return t(`orders.errors.${code}`, failure.params);
    if (/^[a-z][\w-]*(\.[\w-]+)+$/i.test(code) && t.has(code)) return t(code);
    return null;
  };
  const message = translate(failure.code) ?? failure.message;
  // domain field errors carry codes; people and integrations read them as sentences
  const fieldErrors = failure.fieldErrors && Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, codes]) => [
    field, codes.map((code) => translate(code) ?? code),
  ]));
  return fail(failure.code, message, fieldErrors, failure.params);
}
