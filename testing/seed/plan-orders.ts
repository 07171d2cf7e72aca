import type { Faker } from '@faker-js/faker';
import type { OrderSource, OrderStatus } from '@/db/schema/orders';
import {
  SYSTEM_ACTOR,
  defaultShippingCents,
  type Actor,
  type CarrierRef,
  type OrderPlan,
  type PlannedLine,
  type SkuSnapshot,
} from '@/testing/fixtures/order-plan';
import { nearestWarehouseCode } from './catalog';
import type { CustomerSeed } from './plan-customers';
import { DAY, HOUR, MINUTE, shanghaiMidnight, shanghaiWeekday, weighted, weightedPicker } from './random';

export interface SeedSku extends SkuSnapshot {
  popularity: number;
  /** warehouse codes that stock it */
  stockedIn: readonly string[];
}

export interface OrderSkeleton {
  placedAt: Date;
  customerIndex: number;
}

export interface OrderPlanContext {
  rng: Faker;
  now: Date;
  skus: readonly SeedSku[];
  warehouses: ReadonlyMap<string, { id: number; city: string }>;
  carriers: ReadonlyMap<string, CarrierRef>;
  customers: readonly (CustomerSeed & { id: number })[];
  staff: { operations: Actor; warehouse: Actor; admin: Actor };
}

// orders per hour of the day in Shanghai: a lunch peak and a bigger evening one
const HOUR_WEIGHTS = [2, 1, 0.5, 0.3, 0.2, 0.3, 0.8, 1.5, 3, 5, 7, 7, 6, 5, 5, 5, 5, 5, 6, 8, 10, 11, 9, 5];
// Sunday first; weekends and Monday evenings sell more
const WEEKDAY_WEIGHTS = [1.15, 1.05, 0.95, 0.95, 0.95, 0.9, 1.1];

/** When orders were placed and by whom: busier recently, weekday rhythm, promo days, repeat buyers. */
export function planOrderSkeletons(
  rng: Faker,
  input: { now: Date; days: number; orders: number; customers: readonly CustomerSeed[] },
): OrderSkeleton[] {
  const { now, days } = input;
  const todayStart = shanghaiMidnight(now, 0);
  const promoDays = new Set([Math.round(days * 0.22), Math.round(days * 0.61)]);
  const dayWeights = Array.from({ length: days }, (_, d) => {
    const start = shanghaiMidnight(now, d);
    const growth = 0.55 + 0.9 * (1 - d / days);
    const elapsed = d === 0 ? (now.getTime() - todayStart) / DAY : 1;
    return (
      growth *
      WEEKDAY_WEIGHTS[shanghaiWeekday(start)] *
      (promoDays.has(d) ? 2.5 : 1) *
      rng.number.float({ min: 0.85, max: 1.15 }) *
      elapsed
    );
  });
  const pickDay = weightedPicker(rng, dayWeights);
  const pickHour = weightedPicker(rng, HOUR_WEIGHTS);
  const pickCustomer = weightedPicker(
    rng,
    input.customers.map((c) => c.loyalty),
  );
  const skeletons: OrderSkeleton[] = [];
  for (let i = 0; i < input.orders; i++) {
    const d = pickDay();
    let at = shanghaiMidnight(now, d) + pickHour() * HOUR + rng.number.int({ min: 0, max: HOUR - 1000 });
    if (at > now.getTime())
      at = now.getTime() - rng.number.int({ min: 0, max: Math.max(0, now.getTime() - todayStart) });
    skeletons.push({ placedAt: new Date(at), customerIndex: pickCustomer() });
  }
  return skeletons.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
}

/** The status an order of this age is likely in: unpaid only within the 30-minute timeout, most old ones completed. */
function pickStatus(rng: Faker, ageMs: number): OrderStatus {
  if (ageMs < 30 * MINUTE) return weighted(rng, { pending_payment: 45, paid: 10, awaiting_shipment: 40, cancelled: 5 });
  if (ageMs < DAY)
    return weighted(rng, { awaiting_shipment: 45, shipped: 35, paid: 4, partially_shipped: 2, cancelled: 14 });
  if (ageMs < 3 * DAY)
    return weighted(rng, {
      awaiting_shipment: 8,
      shipped: 70,
      partially_shipped: 3,
      paid: 1,
      completed: 8,
      cancelled: 10,
    });
  if (ageMs < 14 * DAY)
    return weighted(rng, { shipped: 38, completed: 52, partially_shipped: 1, awaiting_shipment: 0.5, cancelled: 8.5 });
  return weighted(rng, { completed: 91, shipped: 0.6, cancelled: 8.4 });
}

function pickShipmentStatus(rng: Faker, ageMs: number): OrderPlan['shipmentStatus'] {
  if (rng.number.int({ min: 1, max: 100 }) <= 4) return 'exception';
  if (ageMs < DAY) return weighted(rng, { shipped: 40, picked_up: 60 });
  if (ageMs < 3 * DAY) return weighted(rng, { in_transit: 80, out_for_delivery: 20 });
  if (ageMs < 5 * DAY) return weighted(rng, { in_transit: 20, out_for_delivery: 30, delivered: 50 });
  return 'delivered';
}

const CARRIER_WEIGHTS = {
  zhongtong: 25,
  yuantong: 18,
  yunda: 15,
  shunfeng: 15,
  jtexpress: 10,
  shentong: 8,
  jd: 5,
  ems: 3,
  debangkuaidi: 1,
};
const BUYER_NOTES = [
  '请尽快发货，谢谢',
  '不要放快递柜，放门卫处',
  '周末在家，工作日请放驿站',
  '送人的礼物，请不要放发票和价格单',
  '麻烦包装结实一点',
  '能发顺丰吗？可以补运费',
];
const CANCEL_REASONS = ['买家要求取消', '地址填写错误，买家已重新下单', '重复下单', '买家拍错规格'];
const TAGS = ['加急', 'VIP', '赠品', '大促', '老客户'];

export function planOrders(ctx: OrderPlanContext, skeletons: readonly OrderSkeleton[]): OrderPlan[] {
  const { rng, now } = ctx;
  const pickSku = weightedPicker(
    rng,
    ctx.skus.map((s) => s.popularity),
  );
  const apiActor: Actor = { type: 'api_key', id: null, name: '店铺 API' };
  let externalSerial = 0;
  const warehouseCities = new Map([...ctx.warehouses.values()].map((w) => [w.id, w.city]));
  return skeletons.map((skeleton) => {
    const age = now.getTime() - skeleton.placedAt.getTime();
    const customer = ctx.customers[skeleton.customerIndex];
    const shipTo =
      customer.addresses[customer.addresses.length > 1 && rng.number.int({ min: 1, max: 4 }) === 1 ? 1 : 0];
    let status = pickStatus(rng, age);
    const isCod = rng.number.int({ min: 1, max: 100 }) <= 5 && status !== 'pending_payment' && status !== 'paid';
    // flagged customers are held for review
    if (customer.isFlagged && status === 'awaiting_shipment' && age < DAY) status = 'paid';
    const source = weighted<OrderSource>(rng, { manual: 30, import: 35, api: 35 });
    const externalRef =
      source === 'manual'
        ? null
        : `${source === 'import' ? 'TB' : 'YZ'}${String(3_000_000_000 + ++externalSerial * 7)}${rng.string.numeric(4)}`;

    const lineCount = weighted(rng, { 1: 58, 2: 26, 3: 11, 4: 5 });
    const chosen = new Set<number>();
    while (chosen.size < Number(lineCount)) chosen.add(pickSku());
    const home = nearestWarehouseCode(shipTo.province);
    const lines: PlannedLine[] = [...chosen].map((index) => {
      const sku = ctx.skus[index];
      const code = sku.stockedIn.includes(home) ? home : sku.stockedIn[0];
      return {
        sku,
        quantity: Number(weighted(rng, { 1: 74, 2: 18, 3: 5, 4: 2, 6: 1 })),
        unitPriceCents: sku.priceCents,
        discountCents: 0,
        warehouseId: ctx.warehouses.get(code)!.id,
      };
    });
    if (status === 'partially_shipped' && lines.length === 1 && lines[0].quantity < 2) lines[0].quantity = 2;

    const subtotal = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
    const coupon = rng.number.int({ min: 1, max: 100 }) <= 15 ? rng.helpers.arrayElement([500, 1000, 2000, 3000]) : 0;
    const discountCents = coupon < subtotal / 2 ? coupon : 0;
    const needsReview = status === 'paid' || rng.number.int({ min: 1, max: 100 }) <= 8;
    const cancelledByStaff = status === 'cancelled' && (isCod || rng.number.int({ min: 1, max: 100 }) <= 30);
    const creator =
      source === 'api'
        ? apiActor
        : source === 'import'
          ? ctx.staff.operations
          : rng.helpers.arrayElement([ctx.staff.operations, ctx.staff.admin]);
    return {
      status,
      source,
      externalRef,
      placedAt: skeleton.placedAt,
      now,
      isCashOnDelivery: isCod,
      customerId: customer.id,
      shipTo,
      lines,
      discountCents,
      shippingCents: defaultShippingCents(subtotal - discountCents),
      taxCents: 0,
      buyerNote: rng.number.int({ min: 1, max: 100 }) <= 8 ? rng.helpers.arrayElement(BUYER_NOTES) : null,
      tags: rng.number.int({ min: 1, max: 100 }) <= 6 ? [rng.helpers.arrayElement(TAGS)] : [],
      needsReview,
      paymentMethod: weighted(rng, { alipay: 48, wechat_pay: 40, unionpay: 7, bank_transfer: 5 }),
      carrier: ctx.carriers.get(weighted(rng, CARRIER_WEIGHTS))!,
      shipmentStatus: pickShipmentStatus(rng, age),
      warehouseCities,
      cancelReason: cancelledByStaff ? rng.helpers.arrayElement(CANCEL_REASONS) : null,
      actors: {
        creator,
        reviewer: needsReview ? ctx.staff.operations : null,
        shipper: ctx.staff.warehouse,
        canceller: cancelledByStaff ? ctx.staff.operations : SYSTEM_ACTOR,
      },
      rng,
    } satisfies OrderPlan;
  });
}
