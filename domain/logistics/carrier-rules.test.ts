import { describe, expect, it } from 'vitest';
import { normalizeProvince, pickCarrierRule, ruleMatches, ZCarrierRuleConditions } from './carrier-rules';

const facts = { province: '浙江省', weightGrams: 1200, totalCents: 19_900, tags: ['vip'] };
const rule = (id: number, position: number, carrierId: number, conditions: unknown, isActive = true) => ({
  id,
  position,
  carrierId,
  conditions,
  isActive,
});

describe('carrier rules', () => {
  it('matches provinces with or without their suffix', () => {
    expect(normalizeProvince('广西壮族自治区')).toBe('广西');
    expect(normalizeProvince(' 上海市 ')).toBe('上海');
    expect(ruleMatches({ provinces: ['浙江', '江苏省'] }, facts)).toBe(true);
    expect(ruleMatches({ provinces: ['广东省'] }, facts)).toBe(false);
    expect(ruleMatches({ provinces: [] }, facts)).toBe(true);
  });

  it('checks weight and total bounds inclusively, and the tag', () => {
    expect(ruleMatches({ minWeightGrams: 1200, maxWeightGrams: 1200 }, facts)).toBe(true);
    expect(ruleMatches({ maxWeightGrams: 1199 }, facts)).toBe(false);
    expect(ruleMatches({ minWeightGrams: 1201 }, facts)).toBe(false);
    expect(ruleMatches({ minTotalCents: 20_000 }, facts)).toBe(false);
    expect(ruleMatches({ maxTotalCents: 19_900 }, facts)).toBe(true);
    expect(ruleMatches({ tag: 'vip' }, facts)).toBe(true);
    expect(ruleMatches({ tag: '加急' }, facts)).toBe(false);
    expect(ruleMatches({}, facts)).toBe(true);
  });

  it('never matches a stored condition that does not parse', () => {
    expect(ruleMatches({ minWeightGrams: 'heavy' }, facts)).toBe(false);
    expect(ruleMatches(null, facts)).toBe(false);
    expect(ZCarrierRuleConditions.safeParse({ minWeightGrams: 10, maxWeightGrams: 5 }).success).toBe(false);
  });

  it('takes the first active matching rule by position', () => {
    const rules = [
      rule(1, 3, 30, {}),
      rule(2, 1, 10, { provinces: ['广东省'] }),
      rule(3, 2, 20, { tag: 'vip' }, false),
      rule(4, 2, 40, { maxWeightGrams: 2000 }),
    ];
    expect(pickCarrierRule(rules, facts)?.carrierId).toBe(40);
    expect(pickCarrierRule(rules, { ...facts, weightGrams: 5000 })?.carrierId).toBe(30);
    expect(pickCarrierRule(rules, { ...facts, province: '广东省' })?.carrierId).toBe(10);
    expect(pickCarrierRule([rule(1, 1, 10, { tag: 'x' })], facts)).toBeNull();
  });
});
