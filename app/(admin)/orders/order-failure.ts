import { eq } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { fail, type Fail } from '@/domain/shared/result';

const STALE_STATUS_CODES = new Set(['conflict', 'invalid_transition']);

/**
 * A domain failure in the user's language. A move that lost a race or no longer fits the order's
 * status names the status the order has now (read again here, after the failed attempt), so the
 * person learns what happened; the caller revalidates the page so it shows that status.
 */
export async function localizeOrderFailure(db: Database, orderId: number, failure: Fail, options: { isBulk?: boolean } = {}): Promise<Fail> {
  const t = await getTranslations('orders');
  if (STALE_STATUS_CODES.has(failure.code)) {
    const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    if (!order) return fail('not_found', t('errors.not_found'));
    const status = t(`status.${order.status}`);
    // a bulk result lists orders: "it is Shipped"; on the order page: "already Shipped, refreshed"
    return fail(failure.code, options.isBulk ? t('actions.errors.statusNow', { status }) : t('actions.errors.conflict', { status }));
  }
  // this flow's wording first (orders.actions.errors), then the shared order errors (orders.errors, with params)
  const tShipping = await getTranslations('shipping');
  const translate = (code: string): string | null => {
    // the carrier registry's message says what shape the carrier's numbers have
    if (code === 'invalid_tracking_number' && failure.params?.carrierCode) {
      return tShipping('errors.invalid_tracking_number', failure.params);
    }
    if (t.has(`actions.errors.${code}`)) return t(`actions.errors.${code}` as 'actions.errors.unexpected');
    if (t.has(`errors.${code}`)) return t(`errors.${code}` as 'errors.not_found', failure.params);
    return null;
  };
  const message = translate(failure.code) ?? failure.message;
  // domain field errors carry codes; the form shows them as sentences
  const fieldErrors = failure.fieldErrors && Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, codes]) => [
    field, codes.map((code) => translate(code) ?? code),
  ]));
  return fail(failure.code, message, fieldErrors);
}
