import { getTranslations } from 'next-intl/server';
import type { Database } from '@/db/client';
import type { Fail } from '@/domain/shared/result';
import type { Translate } from '@/lib/i18n/translator';
import { explainOrderFailure } from '@/lib/orders/explain-order-failure';

/** A domain failure of an order operation in the signed-in person's language (see explainOrderFailure). */
export async function localizeOrderFailure(db: Database, orderId: number, failure: Fail, options: { isBulk?: boolean } = {}): Promise<Fail> {
  const t = (await getTranslations()) as unknown as Translate;
  return explainOrderFailure(db, orderId, failure, t, options);
}
