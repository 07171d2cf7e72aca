import type { AfterSalesStatus } from '@/db/schema/after-sales';
import type { TAfterSalesDeadlines } from '@/domain/settings/setting-defaults';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * When a request entering `status` at `now` runs out of time, or null when nobody is waited for.
 * A return parcel in transit has no deadline until it is delivered (see markReturnDelivered).
 */
export function deadlineFor(status: AfterSalesStatus, rules: TAfterSalesDeadlines, now: Date): Date | null {
  switch (status) {
    case 'requested':
      return new Date(now.getTime() + rules.decideHours * HOUR_MS);
    case 'awaiting_return':
      return new Date(now.getTime() + rules.returnDays * DAY_MS);
    default:
      return null;
  }
}

/** The receipt deadline of a return parcel delivered at `deliveredAt`. */
export function receiptDeadline(rules: TAfterSalesDeadlines, deliveredAt: Date): Date {
  return new Date(deliveredAt.getTime() + rules.receiveDays * DAY_MS);
}
