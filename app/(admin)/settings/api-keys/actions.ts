'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createApiKey, revokeApiKey, ZCreateApiKey } from '@/domain/api-keys/manage-api-keys';
import { staffActor } from '@/domain/shared/actor';
import { staffAction } from '@/lib/actions/staff-action';

const PAGE = '/settings/api-keys';

/** The new key comes back this once, for the page to show; it is never stored or shown again. */
export const createApiKeyAction = staffAction('api_keys.manage', ZCreateApiKey, async (input, staff) => {
  const result = await createApiKey(getDb(), { ...input, actor: staffActor(staff) });
  if (result.ok) revalidatePath(PAGE);
  return result;
});

export const revokeApiKeyAction = staffAction(
  'api_keys.manage',
  z.object({ id: z.coerce.number().int().positive() }),
  async (input, staff) => {
    const result = await revokeApiKey(getDb(), { id: input.id, actor: staffActor(staff) });
    revalidatePath(PAGE);
    return result;
  },
  { errorMessages: 'settings.apiKeys' },
);
