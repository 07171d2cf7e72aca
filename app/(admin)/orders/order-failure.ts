import { getTranslations } from 'next-intl/server';
import type { Fail } from '@/domain/shared/result';
import type { Translate } from '@/lib/i18n/translator';
import { translateOrderFailure } from '@/lib/orders/translate-order-failure';

/** A domain failure of an order operation in the signed-in person's language (see translateOrderFailure). */
export async function localizeOrderFailure(failure: Fail, options: { isBulk?: boolean } = {}): Promise<Fail> {
  const t = (await getTranslations()) as unknown as Translate;
  return translateOrderFailure(failure, t, options.isBulk ? 'bulk' : 'page');
}
