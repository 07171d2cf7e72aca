import { randomBytes } from 'node:crypto';
import { Faker, base, en, zh_CN } from '@faker-js/faker';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { hashPassword } from '@/domain/staff/password';
import type { StaffRole } from '@/domain/staff/roles';
import type { Database } from '@/db/client';
import { products, skus, type NewProduct, type NewSku, type Product, type Sku } from '@/db/schema/catalog';
import {
  customerAddresses,
  customers,
  type CustomerAddress,
  type Customer,
  type NewCustomer,
} from '@/db/schema/customers';
import { stockLevels, warehouses, type StockLevel, type Warehouse } from '@/db/schema/inventory';
import { carriers, type Carrier } from '@/db/schema/logistics';
import type { OrderSource, OrderStatus } from '@/db/schema/orders';
import type { PaymentMethod } from '@/db/schema/payments';
import { staffUsers, type StaffUser } from '@/db/schema/staff';
import { applyStockChanges, type StockChange } from '@/testing/fixtures/stock-ledger';
import { CARRIERS, getCarrierSpec } from '@/testing/fixtures/carriers';
import { insertOrderGraphs, type InsertedOrder } from '@/testing/fixtures/insert-order-graphs';
import { SYSTEM_ACTOR, defaultShippingCents, type Actor, type OrderPlan } from '@/testing/fixtures/order-plan';
import { randomChineseName, randomMobile, randomPlace, randomShipTo, randomStreet } from '@/testing/fixtures/people';
import { ean13 } from '@/testing/fixtures/ean';

export { checkStockLedger } from '@/testing/fixtures/stock-ledger';
export type { Actor } from '@/testing/fixtures/order-plan';

export interface FactoryOptions {
  /** seeds the random choices (names, prices, timings) */
  seed?: number;
  /** the instant timelines end at; defaults to the current time at each call */
  now?: () => Date;
}

export interface OrderLineInput {
  skuId: number;
  quantity: number;
  /** defaults to the SKU's price */
  unitPriceCents?: number;
  discountCents?: number;
  /** defaults to the order's warehouseId, else the first warehouse with enough available stock */
  warehouseId?: number;
}

export interface OrderInput {
  status: OrderStatus;
  lines: OrderLineInput[];
  source?: OrderSource;
  externalRef?: string | null;
  placedAt?: Date;
  /** an existing customer (their default address is the ship-to), null for a guest, omitted: a new customer */
  customerId?: number | null;
  isCashOnDelivery?: boolean;
  warehouseId?: number;
  discountCents?: number;
  /** defaults to free shipping from ¥99, otherwise ¥8 */
  shippingCents?: number;
  taxCents?: number;
  paymentMethod?: Exclude<PaymentMethod, 'cash_on_delivery'>;
  carrierCode?: string;
  shipmentStatus?: OrderPlan['shipmentStatus'];
  needsReview?: boolean;
  buyerNote?: string | null;
  tags?: string[];
  cancelReason?: string | null;
  /** who created, shipped and cancelled it (default: system) */
  actor?: Actor;
  /** who reviewed it; omitted: auto-review passed */
  reviewer?: Actor;
}

/** How long before "now" an order of each status was placed, when the test does not say. */
const DEFAULT_AGE_MINUTES: Record<OrderStatus, number> = {
  pending_payment: 5,
  paid: 20,
  awaiting_shipment: 120,
  partially_shipped: 2 * 1440,
  shipped: 2 * 1440,
  completed: 15 * 1440,
  cancelled: 120,
};

// identifiers stay unique across factory instances and processes sharing one database
let serial = 0;
const processTag = randomBytes(2).toString('hex').toUpperCase();

/**
 * Test and seed data that obeys the business rules: orders consistent with their status
 * (totals, timeline, payments, shipments, stock effects with ledger rows). Works inside a
 * transaction too: pass the transaction as `db`.
 */
export function createFactories(db: Database, options: FactoryOptions = {}) {
  const rng = new Faker({ locale: [zh_CN, en, base] });
  rng.seed(options.seed ?? 1);
  const now = options.now ?? (() => new Date());
  const nextId = () => `${processTag}${String(++serial).padStart(4, '0')}`;

  async function warehouse(overrides: Partial<typeof warehouses.$inferInsert> = {}): Promise<Warehouse> {
    const place = randomPlace(rng);
    const id = nextId();
    const [row] = await db
      .insert(warehouses)
      .values({
        code: `WH${id}`,
        name: `${place.city.replace('市', '')}仓 ${id}`,
        province: place.province,
        city: place.city,
        address: randomStreet(rng),
        contactName: randomChineseName(rng),
        contactPhone: randomMobile(rng),
        ...overrides,
      })
      .returning();
    return row;
  }

  async function product(overrides: Partial<NewProduct> = {}): Promise<Product> {
    const [row] = await db
      .insert(products)
      .values({
        name: `${rng.helpers.arrayElement(['纯棉', '轻薄', '加厚', '便携', '经典'])}${rng.helpers.arrayElement(['T恤', '水杯', '数据线', '收纳盒', '面霜'])}`,
        category: rng.helpers.arrayElement(['服饰', '数码配件', '家居', '美妆', '食品', '母婴']),
        ...overrides,
      })
      .returning();
    return row;
  }

  /** A SKU (of a new product unless productId is given); price and cost in fen, cost below price. */
  async function sku(overrides: Partial<NewSku> = {}): Promise<Sku> {
    const productId = overrides.productId ?? (await product()).id;
    const priceCents = overrides.priceCents ?? rng.number.int({ min: 10, max: 500 }) * 100 - 10;
    const [row] = await db
      .insert(skus)
      .values({
        productId,
        code: `SKU-${nextId()}`,
        name: `测试商品 ${serial}`,
        variant: rng.helpers.arrayElement(['默认', '白色', '黑色', 'M', 'L']),
        barcode: ean13(`69${rng.string.numeric({ length: 10, allowLeadingZeros: true })}`),
        priceCents,
        costCents: overrides.costCents ?? Math.round(priceCents * rng.number.float({ min: 0.35, max: 0.7 })),
        weightGrams: rng.number.int({ min: 50, max: 2000 }),
        ...overrides,
      })
      .returning();
    return row;
  }

  /**
   * Sets a stock level to `onHand` / `reserved`, writing the ledger rows that explain the
   * change (receive or adjust for on-hand, reserve or release for reserved), dated `at`
   * (default: 60 days ago).
   */
  async function stock(input: {
    skuId: number;
    warehouseId: number;
    onHand: number;
    reserved?: number;
    location?: string;
    lowStockThreshold?: number | null;
    at?: Date;
  }): Promise<StockLevel> {
    const reserved = input.reserved ?? 0;
    if (input.onHand < reserved || reserved < 0) throw new Error('stock: need 0 <= reserved <= onHand');
    await db
      .insert(stockLevels)
      .values({
        skuId: input.skuId,
        warehouseId: input.warehouseId,
        location: input.location ?? null,
        lowStockThreshold: input.lowStockThreshold ?? null,
      })
      .onConflictDoNothing();
    const where = and(eq(stockLevels.skuId, input.skuId), eq(stockLevels.warehouseId, input.warehouseId));
    const [current] = await db.select().from(stockLevels).where(where);
    // received well before the orders factories place (their default ages are at most weeks)
    const at = input.at ?? new Date(now().getTime() - 60 * 86_400_000);
    const changes: StockChange[] = [];
    const base = {
      skuId: input.skuId,
      warehouseId: input.warehouseId,
      at,
      actor: SYSTEM_ACTOR,
      documentType: 'fixture',
    };
    // release first and receive before reserving, so each step is valid on its own
    if (reserved < current.reserved)
      changes.push({ ...base, kind: 'release', onHandDelta: 0, reservedDelta: reserved - current.reserved });
    if (input.onHand !== current.onHand) {
      changes.push({
        ...base,
        kind: input.onHand > current.onHand ? 'receive' : 'adjust',
        onHandDelta: input.onHand - current.onHand,
        reservedDelta: 0,
      });
    }
    if (reserved > current.reserved)
      changes.push({ ...base, kind: 'reserve', onHandDelta: 0, reservedDelta: reserved - current.reserved });
    await applyStockChanges(db, changes);
    if (input.location !== undefined || input.lowStockThreshold !== undefined) {
      await db
        .update(stockLevels)
        .set({
          location: input.location ?? current.location,
          lowStockThreshold: input.lowStockThreshold ?? current.lowStockThreshold,
        })
        .where(where);
    }
    const [row] = await db.select().from(stockLevels).where(where);
    return row;
  }

  /** A customer with a default address. */
  async function customer(overrides: Partial<NewCustomer> = {}): Promise<Customer & { address: CustomerAddress }> {
    const name = overrides.name ?? randomChineseName(rng);
    const phone = overrides.phone ?? randomMobile(rng);
    const [row] = await db
      .insert(customers)
      .values({ name, phone, email: null, ...overrides })
      .returning();
    const shipTo = randomShipTo(rng, name, phone ?? randomMobile(rng));
    const [address] = await db
      .insert(customerAddresses)
      .values({
        customerId: row.id,
        recipientName: shipTo.name,
        phone: shipTo.phone,
        province: shipTo.province,
        city: shipTo.city,
        district: shipTo.district,
        street: shipTo.street,
        postalCode: shipTo.postalCode,
        isDefault: true,
      })
      .returning();
    return { ...row, address };
  }

  /** A staff account; the plain password is returned for sign-in tests. */
  async function staff(input: {
    role: StaffRole;
    email?: string;
    password?: string;
    name?: string;
    isActive?: boolean;
  }): Promise<StaffUser & { password: string }> {
    const password = input.password ?? `Pw-${nextId()}-secret`;
    const [row] = await db
      .insert(staffUsers)
      .values({
        email: input.email ?? `staff-${nextId().toLowerCase()}@example.com`,
        name: input.name ?? randomChineseName(rng),
        passwordHash: await hashPassword(password),
        role: input.role,
        isActive: input.isActive ?? true,
      })
      .returning();
    return { ...row, password };
  }

  /** The registry row of a carrier (installed on first use). */
  async function carrier(code = 'shunfeng'): Promise<Carrier> {
    const spec = getCarrierSpec(code);
    await db
      .insert(carriers)
      .values({
        code: spec.code,
        name: spec.name,
        nameEn: spec.nameEn,
        trackingPattern: spec.trackingPattern,
        trackingUrlTemplate: spec.trackingUrlTemplate,
      })
      .onConflictDoNothing();
    const [row] = await db.select().from(carriers).where(eq(carriers.code, code));
    return row;
  }

  /** An order consistent with its status; see OrderInput for the defaults. */
  async function order(input: OrderInput): Promise<InsertedOrder> {
    const isCod = input.isCashOnDelivery ?? false;
    if (isCod && (input.status === 'pending_payment' || input.status === 'paid')) {
      throw new Error(`a cash-on-delivery order is never ${input.status}: it goes straight to awaiting_shipment`);
    }
    const at = now();
    const placedAt = input.placedAt ?? new Date(at.getTime() - DEFAULT_AGE_MINUTES[input.status] * 60_000);
    const skuIds = [...new Set(input.lines.map((l) => l.skuId))];
    const skuRows = await db.select().from(skus).where(inArray(skus.id, skuIds));
    const levels = await db
      .select()
      .from(stockLevels)
      .where(inArray(stockLevels.skuId, skuIds))
      .orderBy(stockLevels.warehouseId);
    const lines = input.lines.map((l) => {
      const s = skuRows.find((r) => r.id === l.skuId);
      if (!s) throw new Error(`order: no SKU ${l.skuId}`);
      const warehouseId =
        l.warehouseId ??
        input.warehouseId ??
        levels.find((v) => v.skuId === l.skuId && v.onHand - v.reserved >= l.quantity)?.warehouseId;
      if (warehouseId === undefined)
        throw new Error(
          `order: SKU ${s.code} has no warehouse with ${l.quantity} available; create stock with stock() first`,
        );
      return {
        sku: {
          id: s.id,
          code: s.code,
          name: s.name,
          variant: s.variant,
          priceCents: s.priceCents,
          costCents: s.costCents,
        },
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents ?? s.priceCents,
        discountCents: l.discountCents ?? 0,
        warehouseId,
      };
    });
    const warehouseRows = await db
      .select()
      .from(warehouses)
      .where(inArray(warehouses.id, [...new Set(lines.map((l) => l.warehouseId))]));

    let customerId: number | null;
    let shipTo;
    if (input.customerId === undefined) {
      const c = await customer();
      customerId = c.id;
      shipTo = addressToShipTo(c.address);
    } else if (input.customerId === null) {
      customerId = null;
      shipTo = randomShipTo(rng);
    } else {
      customerId = input.customerId;
      const [address] = await db
        .select()
        .from(customerAddresses)
        .where(eq(customerAddresses.customerId, customerId))
        .orderBy(desc(customerAddresses.isDefault), customerAddresses.id);
      shipTo = address ? addressToShipTo(address) : randomShipTo(rng);
    }

    const carrierRow = await carrier(input.carrierCode ?? 'shunfeng');
    const subtotal = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity - l.discountCents, 0);
    const actor = input.actor ?? SYSTEM_ACTOR;
    const plan: OrderPlan = {
      status: input.status,
      source: input.source ?? 'manual',
      externalRef: input.externalRef ?? null,
      placedAt,
      now: at,
      isCashOnDelivery: isCod,
      customerId,
      shipTo,
      lines,
      discountCents: input.discountCents ?? 0,
      shippingCents: input.shippingCents ?? defaultShippingCents(subtotal),
      taxCents: input.taxCents ?? 0,
      buyerNote: input.buyerNote ?? null,
      tags: input.tags ?? [],
      needsReview: input.needsReview ?? false,
      paymentMethod: input.paymentMethod ?? 'alipay',
      carrier: { id: carrierRow.id, name: carrierRow.name, sampleNumber: getCarrierSpec(carrierRow.code).sampleNumber },
      shipmentStatus: input.shipmentStatus ?? 'in_transit',
      warehouseCities: new Map(warehouseRows.map((w) => [w.id, w.city ?? w.name])),
      cancelReason: input.cancelReason ?? null,
      actors: { creator: actor, reviewer: input.reviewer ?? null, shipper: actor, canceller: actor },
      rng,
    };
    const [inserted] = await insertOrderGraphs(db, [plan]);
    return inserted;
  }

  return { rng, warehouse, product, sku, stock, customer, staff, carrier, order };
}

export type Factories = ReturnType<typeof createFactories>;

function addressToShipTo(a: CustomerAddress) {
  return {
    name: a.recipientName,
    phone: a.phone,
    province: a.province,
    city: a.city,
    district: a.district,
    street: a.street,
    postalCode: a.postalCode,
  };
}

/** Every carrier code the registry knows, for tests that iterate over them. */
export const CARRIER_CODES = CARRIERS.map((c) => c.code);
