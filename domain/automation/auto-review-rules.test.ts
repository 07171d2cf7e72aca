import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type TAutoReviewRules } from '@/domain/settings/setting-defaults';
import { evaluateAutoReview, type AutoReviewCandidate } from './auto-review-rules';

const order: AutoReviewCandidate = {
  totalCents: 12_900,
  isCashOnDelivery: false,
  isCustomerFlagged: false,
  buyerNote: null,
  shipName: '张三',
  shipPhone: '13800138000',
  shipProvince: '浙江省',
  shipCity: '杭州市',
  shipStreet: '文一西路 1 号',
};
const rules: TAutoReviewRules = { ...DEFAULT_SETTINGS.auto_review, maxTotalCents: 300_000, holdWithBuyerNote: true };

describe('evaluateAutoReview', () => {
  it('passes an ordinary order', () => {
    expect(evaluateAutoReview(order, rules)).toEqual({ pass: true });
  });

  it('holds everything when auto-review is off', () => {
    expect(evaluateAutoReview(order, { ...rules, enabled: false })).toEqual({ pass: false, reasons: ['disabled'] });
  });

  it('holds orders above the limit, but not at it; no limit means none is too large', () => {
    expect(evaluateAutoReview({ ...order, totalCents: 300_000 }, rules)).toEqual({ pass: true });
    expect(evaluateAutoReview({ ...order, totalCents: 300_001 }, rules)).toEqual({
      pass: false,
      reasons: ['over_limit'],
    });
    expect(evaluateAutoReview({ ...order, totalCents: 99_999_999 }, { ...rules, maxTotalCents: null })).toEqual({
      pass: true,
    });
  });

  it('holds by each rule only when that rule is on, and names every reason', () => {
    const risky = { ...order, isCashOnDelivery: true, isCustomerFlagged: true, buyerNote: '请周末送' };
    expect(evaluateAutoReview(risky, rules)).toEqual({ pass: false, reasons: ['flagged_customer', 'buyer_note'] });
    expect(evaluateAutoReview(risky, { ...rules, holdFlaggedCustomers: false, holdWithBuyerNote: false })).toEqual({
      pass: true,
    });
  });

  it('ignores a blank buyer note and always holds an incomplete address', () => {
    expect(evaluateAutoReview({ ...order, buyerNote: '   ' }, rules)).toEqual({ pass: true });
    expect(evaluateAutoReview({ ...order, shipStreet: ' ' }, { ...rules, holdWithBuyerNote: false })).toEqual({
      pass: false,
      reasons: ['incomplete_address'],
    });
  });
});
