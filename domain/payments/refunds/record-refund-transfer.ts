import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { payments, refunds, type Refund } from '@/db/schema/payments';
import type { Actor } from '@/domain/shared/actor';
import { fail, type Result } from '@/domain/shared/result';
import { isManualRefundMethod } from './refund-status';
import { settleRefund } from './settle-refund';

/**
 * Failure codes: `not_found`; `not_manual` (a provider pays it back: send it to the provider);
 * `invalid` (no reference); `conflict` (it already ended).
 */
export type RecordRefundTransferFailure = 'not_found' | 'not_manual' | 'invalid' | 'conflict';

/**
 * Records that a person paid a pending refund of a manual payment back (bank transfer, cash on
 * delivery), with the transfer's reference: e.g. the refund a cancellation left owed.
 */
export async function recordRefundTransfer(
  db: Database,
  input: { refundId: number; reference: string; actor: Actor },
): Promise<Result<Refund, RecordRefundTransferFailure>> {
  const reference = input.reference.trim();
  if (reference === '' || reference.length > 100)
    return fail('invalid', 'Give the transfer reference (1-100 characters)', { reference: ['reference_required'] });
  const [row] = await db
    .select({ refund: refunds, method: payments.method })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.id, input.refundId));
  if (!row) return fail('not_found', `No refund ${input.refundId}`);
  if (!isManualRefundMethod(row.method))
    return fail('not_manual', 'This refund goes back through the provider that took the payment');
  const settled = await settleRefund(db, {
    refundId: input.refundId,
    outcome: 'succeeded',
    providerRefundId: reference,
    source: 'manual',
    actor: input.actor,
  });
  if (!settled.ok)
    return settled.code === 'not_found' ? settled : fail('conflict', settled.message, undefined, settled.params);
  return settled.data.changed
    ? { ok: true, data: settled.data.refund }
    : fail('conflict', 'This refund was already recorded', undefined, { status: settled.data.refund.status });
}
