import { fail, type Fail } from '@/domain/shared/result';
import type { Translate } from '@/lib/i18n/translator';

/**
 * A failed after-sales operation in the reader's language: the message from `after-sales.errors.<code>`
 * (with the failure's params: status, skus, carrierEn, number...), and each field's code or message key
 * as a sentence (`after-sales.fieldErrors.<code>`, then `after-sales.errors.<code>`, then the key itself).
 */
export function translateAfterSalesFailure(failure: Fail, t: Translate): Fail {
  const values = {
    status: '',
    skus: '',
    detail: '',
    number: '',
    carrier: '',
    carrierEn: '',
    max: '',
    ...failure.params,
  };
  const sentence = (code: string): string | null => {
    if (t.has(`after-sales.fieldErrors.${code}`)) return t(`after-sales.fieldErrors.${code}`, values);
    if (t.has(`after-sales.errors.${code}`)) return t(`after-sales.errors.${code}`, values);
    if (/^[a-z][\w-]*(\.[\w-]+)+$/i.test(code) && t.has(code)) return t(code, { min: '', ...values });
    return null;
  };
  const message = t.has(`after-sales.errors.${failure.code}`)
    ? t(`after-sales.errors.${failure.code}`, values)
    : failure.code === 'invalid'
      ? t('common.api.invalid')
      : failure.message;
  const fieldErrors =
    failure.fieldErrors &&
    Object.fromEntries(
      Object.entries(failure.fieldErrors).map(([field, codes]) => [field, codes.map((code) => sentence(code) ?? code)]),
    );
  return fail(failure.code, message, fieldErrors, failure.params);
}
