import { fail, type Fail } from '@/domain/shared/result';
import type { Translate } from '@/lib/i18n/translator';

/** Who reads the message: the order page, a bulk result list, or an integration through the REST API. */
export type FailureAudience = 'page' | 'bulk' | 'api';

const STATUS_CODES = new Set(['conflict', 'invalid_transition', 'not_editable']);

/**
 * A failed order operation in the reader's language (t: a translator over every area). A move the
 * order's status does not allow names that status, which the operation returned with its failure
 * (params.status), so nothing is read again here.
 */
export function translateOrderFailure(failure: Fail, t: Translate, audience: FailureAudience = 'page'): Fail {
  const current = failure.params?.status;
  if (STATUS_CODES.has(failure.code) && typeof current === 'string' && t.has(`orders.status.${current}`)) {
    const status = t(`orders.status.${current}`);
    const message =
      audience === 'api'
        ? t(failure.code === 'conflict' ? 'common.api.orderConflict' : 'common.api.orderInvalidTransition', {
            status,
            code: current,
          })
        : // a bulk result lists orders: "it is Shipped"; on the order page: "already Shipped, refreshed"
          audience === 'bulk'
          ? t('orders.actions.errors.statusNow', { status })
          : t('orders.actions.errors.conflict', { status });
    return fail(failure.code, message, undefined, failure.params);
  }
  // this flow's wording first (orders.actions.errors), then the shared order errors (orders.errors, with params)
  const translate = (code: string): string | null => {
    // the carrier registry's message says what shape the carrier's numbers have
    if (code === 'invalid_tracking_number' && failure.params?.carrierCode)
      return t('shipping.errors.invalid_tracking_number', failure.params);
    if (t.has(`orders.actions.errors.${code}`)) return t(`orders.actions.errors.${code}`);
    if (t.has(`orders.errors.${code}`)) return t(`orders.errors.${code}`, failure.params);
    if (/^[a-z][\w-]*(\.[\w-]+)+$/i.test(code) && t.has(code)) return t(code, { max: '', min: '', ...failure.params });
    return null;
  };
  const message = translate(failure.code) ?? (failure.code === 'invalid' ? t('common.api.invalid') : failure.message);
  // domain field errors carry codes or message keys; people and integrations read them as sentences
  const fieldErrors =
    failure.fieldErrors &&
    Object.fromEntries(
      Object.entries(failure.fieldErrors).map(([field, codes]) => [
        field,
        codes.map((code) => translate(code) ?? code),
      ]),
    );
  return fail(failure.code, message, fieldErrors, failure.params);
}
