import { z } from 'zod';

/**
 * Carrier auto-assignment: ordered rules, the first active rule whose every condition holds picks
 * the carrier. A condition left out always holds; a rule with no condition at all catches everything.
 */
export const ZCarrierRuleConditions = z
  .object({
    /** destination provinces (浙江省 or 浙江 both match 浙江省) */
    provinces: z.array(z.string().trim().min(1).max(20)).max(40).optional(),
    /** parcel weight in grams, bounds inclusive */
    minWeightGrams: z.number().int().min(0).optional(),
    maxWeightGrams: z.number().int().min(0).optional(),
    /** order total in fen, bounds inclusive */
    minTotalCents: z.number().int().min(0).optional(),
    maxTotalCents: z.number().int().min(0).optional(),
    /** an order tag the order must carry */
    tag: z.string().trim().min(1).max(40).optional(),
  })
  .refine(
    (c) => c.minWeightGrams === undefined || c.maxWeightGrams === undefined || c.minWeightGrams <= c.maxWeightGrams,
    { path: ['maxWeightGrams'], message: 'shipping.rules.validation.weightRange' },
  )
  .refine((c) => c.minTotalCents === undefined || c.maxTotalCents === undefined || c.minTotalCents <= c.maxTotalCents, {
    path: ['maxTotalCents'],
    message: 'shipping.rules.validation.totalRange',
  });
export type TCarrierRuleConditions = z.infer<typeof ZCarrierRuleConditions>;

/** What the rules look at in an order. */
export interface OrderShippingFacts {
  province: string;
  weightGrams: number;
  totalCents: number;
  tags: readonly string[];
}

export interface CarrierRuleLike {
  id: number;
  position: number;
  carrierId: number;
  isActive: boolean;
  conditions: unknown;
}

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

/** 浙江省 -> 浙江, 广西壮族自治区 -> 广西, 上海市 -> 上海: the form people type and the form addresses carry compare equal. */
export function normalizeProvince(name: string): string {
  return name.trim().replace(PROVINCE_SUFFIX, '');
}

/** Whether one rule's conditions hold for an order. A stored condition that no longer parses never matches. */
export function ruleMatches(conditions: unknown, facts: OrderShippingFacts): boolean {
  const parsed = ZCarrierRuleConditions.safeParse(conditions);
  if (!parsed.success) return false;
  const c = parsed.data;
  if (
    c.provinces &&
    c.provinces.length > 0 &&
    !c.provinces.map(normalizeProvince).includes(normalizeProvince(facts.province))
  )
    return false;
  if (c.minWeightGrams !== undefined && facts.weightGrams < c.minWeightGrams) return false;
  if (c.maxWeightGrams !== undefined && facts.weightGrams > c.maxWeightGrams) return false;
  if (c.minTotalCents !== undefined && facts.totalCents < c.minTotalCents) return false;
  if (c.maxTotalCents !== undefined && facts.totalCents > c.maxTotalCents) return false;
  if (c.tag !== undefined && !facts.tags.includes(c.tag)) return false;
  return true;
}

/** The first active rule (by position) that matches, or null. */
export function pickCarrierRule<R extends CarrierRuleLike>(rules: readonly R[], facts: OrderShippingFacts): R | null {
  return (
    [...rules]
      .filter((r) => r.isActive)
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .find((r) => ruleMatches(r.conditions, facts)) ?? null
  );
}
