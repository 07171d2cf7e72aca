'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { updatePaymentMethods } from '@/domain/payments/update-payment-methods';
import { staffAction } from '@/lib/actions/staff-action';
import { getAuthSecret } from '@/lib/auth/secret';
import { ZPaymentMethodsForm } from './payment-methods-input';

export const updatePaymentMethodsAction = staffAction('settings.write', ZPaymentMethodsForm, async (input, staff) => {
  const result = await updatePaymentMethods(getDb(), { ...input, staffId: staff.id, authSecret: getAuthSecret(), env: process.env });
  if (result.ok) revalidatePath('/settings/payment-methods');
  // the stored value holds sealed secrets: the browser only learns that it was saved
  return result.ok ? { ok: true as const, data: null } : result;
}, { errorMessages: 'payments.settings' });
