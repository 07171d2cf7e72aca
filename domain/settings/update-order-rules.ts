import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import { recordAudit } from '@/domain/shared/record-audit';
import { ok, type Result } from '@/domain/shared/result';
import { getSettings } from './get-setting';
import { SETTING_SCHEMAS, type TAutoReviewRules } from './setting-defaults';

export const ORDER_RULE_KEYS = [
  'unpaid_timeout_minutes',
  'auto_complete_days',
  'auto_review',
  'reconcile_after_minutes',
] as const;

export interface OrderRules {
  unpaidTimeoutMinutes: number;
  autoCompleteDays: number;
  autoReview: TAutoReviewRules;
  /** payments and refunds still pending this long are asked about at their provider (reconcile_payments job) */
  reconcileAfterMinutes: number;
}

/** The order automation rules as Settings shows them. */
export async function getOrderRules(db: Database): Promise<OrderRules> {
  const values = await getSettings(db, ORDER_RULE_KEYS);
  return {
    unpaidTimeoutMinutes: values.unpaid_timeout_minutes,
    autoCompleteDays: values.auto_complete_days,
    autoReview: values.auto_review,
    reconcileAfterMinutes: values.reconcile_after_minutes,
  };
}

/**
 * Saves the automation rules (all their keys in one transaction) and audits the change with
 * before and after. The values are validated again here: the jobs trust what is stored.
 */
export async function updateOrderRules(
  db: Database,
  input: OrderRules & { staffId: number },
): Promise<Result<OrderRules>> {
  const values = {
    unpaid_timeout_minutes: SETTING_SCHEMAS.unpaid_timeout_minutes.parse(input.unpaidTimeoutMinutes),
    auto_complete_days: SETTING_SCHEMAS.auto_complete_days.parse(input.autoCompleteDays),
    auto_review: SETTING_SCHEMAS.auto_review.parse(input.autoReview),
    reconcile_after_minutes: SETTING_SCHEMAS.reconcile_after_minutes.parse(input.reconcileAfterMinutes),
  };
  return db.transaction(async (tx) => {
    const before = await getOrderRules(tx);
    for (const [key, value] of Object.entries(values)) {
      await tx
        .insert(settings)
        .values({ key, value, updatedBy: input.staffId, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: sql`excluded.value`, updatedBy: input.staffId, updatedAt: sql`now()` },
        });
    }
    const after = await getOrderRules(tx);
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.staffId,
      action: 'settings.order_rules.update',
      targetType: 'settings',
      targetId: 'order_rules',
      details: { before, after },
    });
    return ok(after);
  });
}
