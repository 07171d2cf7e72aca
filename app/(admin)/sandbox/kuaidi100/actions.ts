'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { sendNextSandboxPush } from '@/testing/sandboxes/kuaidi100/send-sandbox-pushes';
import { isSandboxTrackingRegistered } from '@/domain/logistics/tracking/sandbox-slot';
import { getKuaidi100Settings } from '@/domain/logistics/tracking/tracking-settings';
import { fail } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';

/** "Send next push now": the parcel's next scripted push is sent to the webhook at once (demos, tests). */
export const sendNextPushAction = staffAction(
  'shipping.write',
  z.object({ parcelId: z.coerce.number().int().positive() }),
  async (input) => {
    const db = getDb();
    if (!isSandboxTrackingRegistered() || (await getKuaidi100Settings(db)).mode !== 'sandbox') {
      const t = await getTranslations('shipping');
      return fail('not_sandbox', t('sandbox.notSandbox'));
    }
    const result = await sendNextSandboxPush(db, input.parcelId);
    revalidatePath('/sandbox/kuaidi100');
    revalidatePath('/shipping', 'layout');
    return result;
  },
  { errorMessages: 'shipping.sandbox' },
);
