'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { resolveReconciliationIssue } from '@/domain/payments/reconciliation/resolve-issue';
import { staffActor } from '@/domain/shared/actor';
import { ok, type Result } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';

export const resolveIssueAction = staffAction(
  'payments.write',
  z.object({
    issueId: z.coerce.number().int().positive(),
    note: z.string().trim().min(1, 'refunds.validation.note').max(1000),
  }),
  async (input, staff): Promise<Result<{ issueId: number }>> => {
    const result = await resolveReconciliationIssue(getDb(), { ...input, actor: staffActor(staff) });
    revalidatePath('/payments/reconciliation');
    return result.ok ? ok({ issueId: result.data.id }) : result;
  },
  { errorMessages: 'refunds' },
);
