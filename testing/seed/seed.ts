import { Faker, base, en, zh_CN } from '@faker-js/faker';
import { inArray, sql } from 'drizzle-orm';
import { DEMO_PASSWORD, DEMO_STAFF, hashPassword } from '@/domain/staff/password';
import { queryRows, type Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import { customerAddresses, customers } from '@/db/schema/customers';
import { warehouses } from '@/db/schema/inventory';
import { carriers } from '@/db/schema/logistics';
import { settings } from '@/db/schema/system';
import { staffUsers } from '@/db/schema/staff';
import { applyStockChanges, checkStockLedger } from '@/testing/fixtures/stock-ledger';
import { syncLowStockAlerts } from '@/domain/inventory/sync-low-stock-alerts';
import { CARRIERS } from '@/testing/fixtures/carriers';
import { insertMany, insertReturning } from '@/testing/fixtures/bulk-insert';
import { buildOrderGraphs, writeOrderGraphs } from '@/testing/fixtures/insert-order-graphs';
import type { Actor, CarrierRef } from '@/testing/fixtures/order-plan';
import { CATALOG, DEMO_WAREHOUSES } from './catalog';
import { planCustomers } from './plan-customers';
import { planOrderSkeletons, planOrders, type SeedSku } from './plan-orders';
import { DAY, HOUR } from './random';
import { DEFAULT_SETTINGS, DEMO_SEED_KEY } from './settings';
import { seedVisits } from './visits';
import { writeReceipts } from './write-receipts';
import { seedCarrierRules } from './carrier-rules';
import { ean13 } from '@/testing/fixtures/ean';

export interface SeedOptions {
  /** seeds every random choice: the same seed and `now` give the same data */
  seed?: number;
  /** dates are relative to this instant */
  now?: Date;
  orders?: number;
  customers?: number;
  days?: number;
}

export interface SeedResult {
  /** the database already held the demo data; nothing was written */
  skipped: boolean;
  counts: Record<string, number>;
  logins: { email: string; role: string; password: string }[];
}

/**
 * Fills the database with a store that looks alive: catalog, stock, customers, ~5,000 orders in
 * every status with payments, shipments and tracking, visits, settings and one login per role.
 * One transaction, and a no-op when it has run before.
 */
export async function seedDemoData(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const seed = options.seed ?? 42;
  const now = options.now ?? new Date();
  const days = options.days ?? 180;
  const logins = DEMO_STAFF.map((s) => ({ email: s.email, role: s.role, password: DEMO_PASSWORD }));
  const staffHashes = await Promise.all(DEMO_STAFF.map(() => hashPassword(DEMO_PASSWORD)));

  return db.transaction(async (tx) => {
    // the marker goes in first: a second seed running at the same time waits on it, then skips
    const claimed = await tx
      .insert(settings)
      .values({ key: DEMO_SEED_KEY, value: { status: 'running', seed } })
      .onConflictDoNothing()
      .returning({ key: settings.key });
    if (claimed.length === 0) return { skipped: true, counts: await countRows(tx), logins };

    const rng = new Faker({ locale: [zh_CN, en, base] });
    rng.seed(seed);
    await tx
      .insert(settings)
      .values(Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value })))
      .onConflictDoNothing();

    await tx
      .insert(staffUsers)
      .values(DEMO_STAFF.map((s, i) => ({ email: s.email, name: s.name, role: s.role, passwordHash: staffHashes[i] })))
      .onConflictDoNothing();
    const staffRows = await tx
      .select()
      .from(staffUsers)
      .where(
        inArray(
          staffUsers.email,
          DEMO_STAFF.map((s) => s.email),
        ),
      );
    const actorFor = (role: string): Actor => {
      const row = staffRows.find((s) => s.role === role)!;
      return { type: 'staff', id: row.id, name: row.name };
    };

    await tx
      .insert(carriers)
      .values(
        CARRIERS.map((c) => ({
          code: c.code,
          name: c.name,
          nameEn: c.nameEn,
          trackingPattern: c.trackingPattern,
          trackingUrlTemplate: c.trackingUrlTemplate,
        })),
      )
      .onConflictDoNothing();
    const carrierRows = await tx.select().from(carriers);
    const carrierRefs = new Map<string, CarrierRef>(
      CARRIERS.map((c) => {
        const row = carrierRows.find((r) => r.code === c.code)!;
        return [c.code, { id: row.id, name: row.name, sampleNumber: c.sampleNumber }];
      }),
    );

    await tx
      .insert(warehouses)
      .values(
        DEMO_WAREHOUSES.map((w) => ({
          code: w.code,
          name: w.name,
          province: w.province,
          city: w.city,
          address: w.address,
          contactName: w.contactName,
          contactPhone: w.contactPhone,
        })),
      )
      .onConflictDoNothing();
    const warehouseRows = await tx
      .select()
      .from(warehouses)
      .where(
        inArray(
          warehouses.code,
          DEMO_WAREHOUSES.map((w) => w.code),
        ),
      );
    const warehouseByCode = new Map(warehouseRows.map((w) => [w.code, { id: w.id, city: w.city ?? w.name }]));

    const seedSkus = await insertCatalog(tx, rng);

    const customerSeeds = planCustomers(rng, options.customers ?? 1500);
    const skeletons = planOrderSkeletons(rng, { now, days, orders: options.orders ?? 5000, customers: customerSeeds });
    const firstOrderAt = new Map<number, number>();
    for (const s of skeletons)
      if (!firstOrderAt.has(s.customerIndex)) firstOrderAt.set(s.customerIndex, s.placedAt.getTime());
    const periodStart = now.getTime() - days * DAY;
    const customerInputs = customerSeeds.map((c, i) => ({
      name: c.name,
      phone: c.phone,
      email: c.email,
      isFlagged: c.isFlagged,
      note: c.note,
      createdAt: new Date((firstOrderAt.get(i) ?? now.getTime()) - rng.number.int({ min: HOUR, max: 30 * DAY })),
    }));
    const customerIds = (await insertReturning(tx, customers, customerInputs, ['id'])).map((r) => Number(r.id));
    await insertMany(
      tx,
      customerAddresses,
      customerSeeds.flatMap((c, i) =>
        c.addresses.map((a, k) => ({
          customerId: customerIds[i],
          recipientName: a.name,
          phone: a.phone,
          province: a.province,
          city: a.city,
          district: a.district,
          street: a.street,
          postalCode: a.postalCode,
          isDefault: k === 0,
          createdAt: customerInputs[i].createdAt,
        })),
      ),
    );

    const plans = planOrders(
      {
        rng,
        now,
        skus: seedSkus,
        warehouses: warehouseByCode,
        carriers: carrierRefs,
        customers: customerSeeds.map((c, i) => ({ ...c, id: customerIds[i] })),
        staff: { operations: actorFor('operations'), warehouse: actorFor('warehouse'), admin: actorFor('admin') },
      },
      skeletons,
    );
    const graphs = await buildOrderGraphs(tx, plans);
    const { stockChanges } = await writeOrderGraphs(tx, graphs);

    const receiptChanges = await writeReceipts(tx, rng, {
      now,
      openingAt: new Date(periodStart - 2 * DAY),
      skus: seedSkus,
      warehouses: warehouseRows,
      moves: stockChanges,
      receiver: actorFor('warehouse'),
    });
    // receipts first so one planned for the same instant as an order's reservation comes before it
    await applyStockChanges(tx, [...receiptChanges, ...stockChanges]);
    const mismatches = await checkStockLedger(tx);
    if (mismatches.length > 0)
      throw new Error(`seed left the stock ledger inconsistent: ${JSON.stringify(mismatches.slice(0, 3))}`);
    // the fixture ledger writer bypasses applyStockChange, so raise the alerts its final levels call for
    await syncLowStockAlerts(tx);
    await seedCarrierRules(tx, actorFor('admin').id!);

    await seedVisits(tx, rng, {
      seed,
      now,
      days,
      orders: plans.map((p) => ({ placedAt: p.placedAt, customerId: p.customerId })),
    });
    const counts = await countRows(tx);
    await tx
      .update(settings)
      .set({ value: { status: 'completed', seed, seededAt: now.toISOString(), counts }, updatedAt: new Date() })
      .where(sql`${settings.key} = ${DEMO_SEED_KEY}`);
    return { skipped: false, counts, logins };
  });
}

async function insertCatalog(db: Database, rng: Faker): Promise<SeedSku[]> {
  const productIds = (
    await insertReturning(
      db,
      products,
      CATALOG.map((p) => ({
        name: p.name,
        category: p.category,
        brand: p.brand,
        description: `${p.brand} ${p.name}`,
      })),
      ['id'],
    )
  ).map((r) => Number(r.id));
  const skuInputs = CATALOG.flatMap((p, i) =>
    p.variants.map((variant, k) => {
      // bigger sizes and packs cost a little more
      const priceCents =
        Math.round(p.priceYuan * 100) + (k > 0 && /XL|1kg|2米|100ml|32cm|1.8米/.test(variant) ? 1000 : 0);
      return {
        productId: productIds[i],
        code: `${p.code}-${String(k + 1).padStart(2, '0')}`,
        name: p.name,
        variant,
        barcode: ean13(`69${String(2024_0000_00 + i * 10 + k).padStart(10, '0')}`),
        priceCents,
        costCents: Math.round(priceCents * p.costShare),
        weightGrams: p.weightGrams,
        lowStockThreshold: p.popularity >= 10 ? 30 : null,
        leadTimeDays: rng.number.int({ min: 3, max: 15 }),
        popularity: p.popularity,
      };
    }),
  );
  // the insert takes only the table's columns, so popularity stays behind
  const skuIds = (await insertReturning(db, skus, skuInputs, ['id'])).map((r) => Number(r.id));
  return skuInputs.map((s, i) => ({
    id: skuIds[i],
    code: s.code,
    name: s.name,
    variant: s.variant,
    priceCents: s.priceCents,
    costCents: s.costCents,
    popularity: s.popularity,
    // Shanghai stocks everything; the regional warehouses carry most of the range
    stockedIn: ['SH', ...(i % 4 !== 3 ? ['GZ'] : []), ...(i % 3 !== 2 ? ['BJ'] : [])],
  }));
}

const COUNTED_TABLES = [
  'staff_users',
  'warehouses',
  'carriers',
  'products',
  'skus',
  'stock_levels',
  'stock_movements',
  'goods_receipts',
  'customers',
  'customer_addresses',
  'orders',
  'order_lines',
  'order_events',
  'payments',
  'shipments',
  'shipment_lines',
  'tracking_events',
  'storefront_visits',
  'settings',
] as const;

export async function countRows(db: Database): Promise<Record<string, number>> {
  const selects = sql.join(
    COUNTED_TABLES.map((t) => sql`(select count(*) from ${sql.identifier(t)})::int as ${sql.identifier(t)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, number>>(db, sql`select ${selects}`);
  return Object.fromEntries(COUNTED_TABLES.map((t) => [t, Number(row[t])]));
}
