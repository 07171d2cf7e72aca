import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carriers } from '@/db/schema/logistics';
import { orders } from '@/db/schema/orders';
import { assignCarrierToOrder } from '@/domain/logistics/assign-carrier';
import type { TCarrierRuleConditions } from '@/domain/logistics/carrier-rules';
import { saveCarrierRule } from '@/domain/logistics/manage-carrier-rules';

/**
 * The carrier rules a typical Chinese store starts with, tried in this order: remote regions by
 * EMS (the only carrier that reaches everywhere), bulky parcels by Deppon, valuable orders by SF,
 * everything else by YTO.
 */
export const DEMO_CARRIER_RULES: { name: string; carrierCode: string; conditions: TCarrierRuleConditions }[] = [
  { name: '偏远地区走邮政', carrierCode: 'ems', conditions: { provinces: ['新疆', '西藏', '青海', '内蒙古', '宁夏'] } },
  { name: '大件走德邦', carrierCode: 'debangkuaidi', conditions: { minWeightGrams: 5000 } },
  { name: '高价值订单走顺丰', carrierCode: 'shunfeng', conditions: { minTotalCents: 100_000 } },
  { name: '默认圆通', carrierCode: 'yuantong', conditions: {} },
];

/**
 * Saves the demo rules through the same function as Settings, then lets them suggest a carrier for
 * the seeded orders waiting to ship (orders reaching that state later get theirs as they do).
 */
export async function seedCarrierRules(tx: Database, staffId: number): Promise<void> {
  const carrierRows = await tx.select({ id: carriers.id, code: carriers.code }).from(carriers);
  for (const rule of DEMO_CARRIER_RULES) {
    const carrier = carrierRows.find((c) => c.code === rule.carrierCode);
    if (!carrier) throw new Error(`demo carrier rule "${rule.name}": no carrier ${rule.carrierCode}`);
    const saved = await saveCarrierRule(tx, {
      name: rule.name,
      carrierId: carrier.id,
      conditions: rule.conditions,
      isActive: true,
      staffId,
    });
    if (!saved.ok) throw new Error(`demo carrier rule "${rule.name}": ${saved.message}`);
  }
  const waiting = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(inArray(orders.status, ['awaiting_shipment', 'partially_shipped']))
    .orderBy(orders.id);
  for (const order of waiting) await assignCarrierToOrder(tx, order.id);
}
