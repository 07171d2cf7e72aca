'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { updateOrderRules } from '@/domain/settings/update-order-rules';
import { staffAction } from '@/lib/actions/staff-action';
import { ZOrderRulesForm } from './order-rules-input';

export const updateOrderRulesAction = staffAction('settings.write', ZOrderRulesForm, async (input, staff) => {
  const result = await updateOrderRules(getDb(), {
    staffId: staff.id,
    unpaidTimeoutMinutes: input.unpaidTimeoutMinutes,
    autoCompleteDays: input.autoCompleteDays,
    reconcileAfterMinutes: input.reconcileAfterMinutes,
    autoReview: {
      enabled: input.autoReviewEnabled,
      maxTotalCents: input.maxTotalYuan,
      holdFlaggedCustomers: input.holdFlaggedCustomers,
      holdWithBuyerNote: input.holdWithBuyerNote,
    },
  });
  if (result.ok) revalidatePath('/settings/order-rules');
  return result;
});
