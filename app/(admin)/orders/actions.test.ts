import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import type { CurrentStaff } from '@/lib/auth/current-staff';
import { loadMessages } from '@/lib/i18n/messages';

// the action's collaborators outside Node: the session, the language, the cache and the database
const env = vi.hoisted(() => ({ staff: null as CurrentStaff | null, handle: null as DatabaseHandle | null }));
vi.mock('@/lib/auth/current-staff', () => ({ getCurrentStaff: async () => env.staff }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'en',
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: 'en', messages: await loadMessages('en'), namespace: namespace as never }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => env.handle!.db }));

const { bulkOrderAction } = await import('./actions');
const { cancelOrderAction, shipOrderAction } = await import('./[orderId]/actions');

let f: Factories;
let skuId: number;
let warehouseId: number;

beforeAll(async () => {
  env.handle = await openTestDatabase();
  f = createFactories(env.handle.db, { seed: 77 });
  warehouseId = (await f.warehouse()).id;
  skuId = (await f.sku()).id;
  await f.stock({ skuId, warehouseId, onHand: 500 });
  const admin = await f.staff({ role: 'admin', name: 'Ada' });
  env.staff = { id: admin.id, name: admin.name, email: admin.email, role: 'admin' };
});
afterAll(async () => env.handle?.close());

const statusOf = async (id: number) =>
  (await env.handle!.db.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0].status;

describe(`order server actions (${testDatabaseKind})`, () => {
  it('bulk review handles each order on its own and reports every outcome', async () => {
    const a = (await f.order({ status: 'paid', warehouseId, lines: [{ skuId, quantity: 1 }] })).order;
    const b = (await f.order({ status: 'paid', warehouseId, lines: [{ skuId, quantity: 1 }] })).order;
    const shipped = (await f.order({ status: 'shipped', warehouseId, lines: [{ skuId, quantity: 1 }] })).order;
    const result = await bulkOrderAction({ action: 'review', orderIds: [a.id, shipped.id, b.id, 987_654] });
    expect(result).toEqual({
      ok: true,
      data: {
        results: [
          { orderId: a.id, number: a.number, ok: true },
          { orderId: shipped.id, number: shipped.number, ok: false, message: 'Not possible: the order is Shipped.' },
          { orderId: b.id, number: b.number, ok: true },
          { orderId: 987_654, number: '#987654', ok: false, message: 'This order does not exist.' },
        ],
      },
    });
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(shipped.id)]).toEqual([
      'awaiting_shipment',
      'awaiting_shipment',
      'shipped',
    ]);
  });

  it("bulk cancel needs a reason and releases each cancelled order's stock", async () => {
    const pending = (await f.order({ status: 'pending_payment', warehouseId, lines: [{ skuId, quantity: 2 }] })).order;
    expect(await bulkOrderAction({ action: 'cancel', reason: ' ', orderIds: [pending.id] })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { reason: ['Enter a reason.'] },
    });
    expect(await bulkOrderAction({ action: 'review', orderIds: [] })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { orderIds: ['Select at least one order.'] },
    });
    const result = await bulkOrderAction({ action: 'cancel', reason: 'duplicate order', orderIds: [pending.id] });
    expect(result).toMatchObject({ ok: true, data: { results: [{ orderId: pending.id, ok: true }] } });
    expect(await statusOf(pending.id)).toBe('cancelled');
    expect(await checkStockLedger(env.handle!.db)).toEqual([]);
  });

  it('a lost race on the order page names the status the order has now', async () => {
    const order = (await f.order({ status: 'shipped', warehouseId, lines: [{ skuId, quantity: 1 }] })).order;
    expect(await cancelOrderAction({ orderId: order.id, reason: 'too late' })).toMatchObject({
      ok: false,
      message: 'This order is already Shipped; the page has been refreshed.',
    });
    const awaiting = (await f.order({ status: 'awaiting_shipment', warehouseId, lines: [{ skuId, quantity: 1 }] }))
      .order;
    const carrier = await f.carrier('shunfeng');
    expect(
      await shipOrderAction({ orderId: awaiting.id, carrierId: carrier.id, trackingNumber: 'nope' }),
    ).toMatchObject({
      ok: false,
      code: 'invalid_tracking_number',
      fieldErrors: {
        trackingNumber: [
          'NOPE is not a SF Express tracking number. SF Express numbers are SF followed by 12 or 13 digits, e.g. SF1400000000001.',
        ],
      },
    });
  });

  it('refuses a role without the permission before touching the order', async () => {
    const order = (await f.order({ status: 'paid', warehouseId, lines: [{ skuId, quantity: 1 }] })).order;
    const saved = env.staff;
    env.staff = { ...saved!, role: 'warehouse' };
    try {
      expect(await bulkOrderAction({ action: 'review', orderIds: [order.id] })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    } finally {
      env.staff = saved;
    }
    expect(await statusOf(order.id)).toBe('paid');
  });
});
