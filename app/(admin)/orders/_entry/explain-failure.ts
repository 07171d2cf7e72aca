import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findSkusForEntry } from '@/domain/catalog/search-skus';
import { fail, type Fail } from '@/domain/shared/result';

/** Domain field paths that the form names differently (money is typed in yuan there). */
const FORM_PATHS: Record<string, string> = {
  discountCents: 'discount',
  shippingCents: 'shipping',
  'changes.discountCents': 'discount',
};

function formPath(path: string): string {
  return FORM_PATHS[path] ?? path.replace(/^changes\./, '');
}

/**
 * A failed createOrder / editOrder in the user's language: field messages (i18n keys from the
 * domain) translated and moved to the form's field names, out-of-stock put next to the lines it
 * concerns with how many are available now.
 */
export async function explainEntryFailure(
  failure: Fail,
  lines: readonly { skuId: number; quantity: number }[],
  /** units the order already holds per SKU (an edit): they count as available to it */
  heldByOrder: ReadonlyMap<number, number> = new Map(),
): Promise<Fail> {
  const t = await getTranslations();
  const translate = (message: string) =>
    /^[a-z][\w-]*(\.[\w-]+)+$/i.test(message) && t.has(message) ? t(message) : message;
  const codeKey = `orders.errors.${failure.code}`;
  const message = t.has(codeKey)
    ? t(codeKey, failure.params)
    : failure.code === 'invalid'
      ? t('orders.entry.fixErrors')
      : failure.message;

  if (failure.code !== 'insufficient_stock') {
    const fieldErrors = failure.fieldErrors
      ? Object.fromEntries(
          Object.entries(failure.fieldErrors).map(([path, messages]) => [formPath(path), messages.map(translate)]),
        )
      : undefined;
    return fail(failure.code, message, fieldErrors, failure.params);
  }

  const shortCodes = new Set(
    failure.fieldErrors?.skus ??
      String(failure.params?.skus ?? '')
        .split(', ')
        .filter(Boolean),
  );
  const skus = await findSkusForEntry(
    getDb(),
    lines.map((l) => l.skuId),
  );
  const fieldErrors: Record<string, string[]> = {};
  lines.forEach((line, index) => {
    const sku = skus.find((s) => s.id === line.skuId);
    if (sku && shortCodes.has(sku.code)) {
      fieldErrors[`lines.${index}.quantity`] = [
        t('orders.entry.lineOutOfStock', { code: sku.code, count: sku.available + (heldByOrder.get(sku.id) ?? 0) }),
      ];
    }
  });
  return fail(
    failure.code,
    t('orders.entry.outOfStock', { skus: [...shortCodes].join(', ') }),
    fieldErrors,
    failure.params,
  );
}
