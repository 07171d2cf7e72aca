'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { updatePaymentMethods } from '@/domain/payments/update-payment-methods';
import { fail } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { getAuthSecret } from '@/lib/auth/secret';
import { ZPaymentMethodsForm } from './payment-methods-input';

export const updatePaymentMethodsAction = staffAction('settings.write', ZPaymentMethodsForm, async (input, staff) => {
  const result = await updatePaymentMethods(getDb(), {
    ...input,
    staffId: staff.id,
    authSecret: getAuthSecret(),
    env: process.env,
  });
  if (result.ok) {
    revalidatePath('/settings/payment-methods');
    // the stored value holds sealed secrets: the browser only learns that it was saved
    return { ok: true as const, data: null };
  }
  // each field keeps its own message (the domain names them by key), the form gets the summary
  const t = await getTranslations();
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors ?? {}).map(([field, keys]) => [
      field,
      keys.map((key) => (t.has(key) ? t(key) : key)),
    ]),
  );
  return fail(result.code, t(`payments.settings.errors.${result.code}`), fieldErrors);
});
