import { describe, expect, it } from 'vitest';
import { ZOrderRulesForm } from './order-rules-input';

const form = {
  unpaidTimeoutMinutes: '30',
  autoCompleteDays: '10',
  reconcileAfterMinutes: '15',
  maxTotalYuan: '3000',
  autoReviewEnabled: 'on',
};

describe('order rules form', () => {
  it('turns yuan into exact fen and checkboxes into booleans', () => {
    expect(ZOrderRulesForm.parse(form)).toEqual({
      unpaidTimeoutMinutes: 30,
      autoCompleteDays: 10,
      reconcileAfterMinutes: 15,
      maxTotalYuan: 300_000,
      autoReviewEnabled: true,
      holdFlaggedCustomers: false,
      holdWithBuyerNote: false,
    });
    expect(ZOrderRulesForm.parse({ ...form, maxTotalYuan: '0.1' }).maxTotalYuan).toBe(10);
    expect(ZOrderRulesForm.parse({ ...form, maxTotalYuan: '1999.99' }).maxTotalYuan).toBe(199_999);
    expect(ZOrderRulesForm.parse({ ...form, maxTotalYuan: ' ' }).maxTotalYuan).toBeNull();
  });

  it('rejects out-of-range and malformed values with one message key per field', () => {
    const result = ZOrderRulesForm.safeParse({
      ...form,
      unpaidTimeoutMinutes: '0',
      autoCompleteDays: '91',
      reconcileAfterMinutes: '10081',
      maxTotalYuan: '1.234',
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['unpaidTimeoutMinutes', 'settings.orderRules.validation.minutes'],
      ['autoCompleteDays', 'settings.orderRules.validation.days'],
      ['reconcileAfterMinutes', 'settings.orderRules.validation.minutes'],
      ['maxTotalYuan', 'settings.orderRules.validation.yuan'],
    ]);
    expect(ZOrderRulesForm.safeParse({ ...form, unpaidTimeoutMinutes: '1.5' }).success).toBe(false);
    expect(ZOrderRulesForm.safeParse({ ...form, maxTotalYuan: '-5' }).success).toBe(false);
  });
});
