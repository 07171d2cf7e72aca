import type { TAutoReviewRules } from '@/domain/settings/setting-defaults';

/** Why an order waits for a person instead of passing auto-review. */
export type ReviewHoldReason = 'disabled' | 'over_limit' | 'flagged_customer' | 'buyer_note' | 'incomplete_address';

export interface AutoReviewCandidate {
  totalCents: number;
  isCashOnDelivery: boolean;
  isCustomerFlagged: boolean;
  buyerNote: string | null;
  shipName: string;
  shipPhone: string;
  shipProvince: string;
  shipCity: string;
  shipStreet: string;
}

/**
 * The auto-review decision for one paid order: pass, or the list of every rule that holds it.
 * An incomplete address always holds: nobody can ship it without a person fixing it first.
 */
export function evaluateAutoReview(
  order: AutoReviewCandidate,
  rules: TAutoReviewRules,
): { pass: true } | { pass: false; reasons: ReviewHoldReason[] } {
  if (!rules.enabled) return { pass: false, reasons: ['disabled'] };
  const reasons: ReviewHoldReason[] = [];
  if (rules.maxTotalCents !== null && order.totalCents > rules.maxTotalCents) reasons.push('over_limit');
  if (rules.holdFlaggedCustomers && order.isCustomerFlagged) reasons.push('flagged_customer');
  if (rules.holdWithBuyerNote && (order.buyerNote ?? '').trim() !== '') reasons.push('buyer_note');
  const address = [order.shipName, order.shipPhone, order.shipProvince, order.shipCity, order.shipStreet];
  if (address.some((part) => part.trim() === '')) reasons.push('incomplete_address');
  return reasons.length === 0 ? { pass: true } : { pass: false, reasons };
}
