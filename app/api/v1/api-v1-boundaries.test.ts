import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { orderEvents, orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createApiKey } from '@/domain/api-keys/manage-api-keys';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { ERROR_CODES } from '@/domain/shared/error-codes';

let handle: DatabaseHandle;
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));

const ordersRoute = await import('./orders/route');
const orderRoute = await import('./orders/[order]/route');
const actionRoute = await import('./orders/[order]/[action]/route');

let f: Factories;
let adminKey: string;
let sku: { id: number; code: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 1313 });
  const created = await createApiKey(handle.db, { name: 'boundaries', role: 'admin', actor: SYSTEM_ACTOR });
  if (!created.ok) throw new Error(created.message);
  adminKey = created.data.key;
  const wh = await f.warehouse();
  const s = await f.sku({ priceCents: 1000 });
  sku = { id: s.id, code: s.code };
  await f.stock({ skuId: s.id, warehouseId: wh.id, onHand: 50 });
});
afterAll(async () => handle?.close());

const BASE = 'http://console.test/api/v1';
function call(path: string, init: { method?: string; body?: unknown; language?: string } = {}) {
  return new Request(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      'accept-language': init.language ?? 'en',
      authorization: `Bearer ${adminKey}`,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const shipTo = {
  name: '李雷',
  phone: '13812345678',
  province: '江苏省',
  city: '南京市',
  district: '鼓楼区',
  street: '中山路 1 号',
};
const orderBody = (extra: Record<string, unknown> = {}) => ({
  customer: { name: '李雷', phone: '13812345678' },
  shipTo,
  lines: [{ skuCode: sku.code, quantity: 1 }],
  ...extra,
});

async function placeOrder(): Promise<{ id: number; number: string }> {
  const res = await ordersRoute.POST(call('/orders', { method: 'POST', body: orderBody() }), params({}));
  expect(res.status).toBe(201);
  return (await res.json()).data;
}

describe(`REST API boundaries (${testDatabaseKind})`, () => {
  it('answers a control character anywhere in an order with 422 naming the field, writing nothing', async () => {
    const before = await handle.db.$count(orders);
    for (const [body, field] of [
      [orderBody({ buyerNote: 'gift\u0000wrap' }), 'buyerNote'],
      [orderBody({ shipTo: { ...shipTo, name: '李\u0000雷' } }), 'shipTo.name'],
      [orderBody({ externalRef: 'SHOP-\u0000' }), 'externalRef'],
      [orderBody({ shipTo: { ...shipTo, street: 'x\ud800' } }), 'shipTo.street'],
    ] as const) {
      const res = await ordersRoute.POST(call('/orders', { method: 'POST', body }), params({}));
      expect(res.status, field).toBe(422);
      const { error } = await res.json();
      expect(error.code).toBe('invalid');
      expect(error.fields[field][0]).toContain('control characters');
    }
    const zh = await ordersRoute.POST(
      call('/orders', { method: 'POST', body: orderBody({ buyerNote: '\u0000' }), language: 'zh-CN' }),
      params({}),
    );
    expect((await zh.json()).error.fields.buyerNote[0]).toContain('控制字符');
    expect(await handle.db.$count(orders)).toBe(before);
  });

  it('answers a control character in the URL (query or path) with 422, never 500', async () => {
    const q = await ordersRoute.GET(call('/orders?q=%00'), params({}));
    expect(q.status).toBe(422);
    expect(Object.keys((await q.json()).error.fields)).toEqual(['q']);
    const path = await orderRoute.GET(call('/orders/%00'), params({ order: '\u0000' }));
    expect(path.status).toBe(422);
    expect(Object.keys((await path.json()).error.fields)).toEqual(['order']);
    const encoded = await orderRoute.GET(call('/orders/%2500'), params({ order: '%00' }));
    expect(encoded.status).toBe(422);
  });

  it('refuses a cancel reason with a NUL, leaving the order and its timeline as they were', async () => {
    const order = await placeOrder();
    const events = await handle.db.$count(orderEvents, eq(orderEvents.orderId, order.id));
    const res = await actionRoute.POST(
      call(`/orders/${order.id}/cancel`, { method: 'POST', body: { reason: 'no\u0000' } }),
      params({ order: String(order.id), action: 'cancel' }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.reason[0]).toContain('control characters');
    const [after] = await handle.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(after.status).toBe('pending_payment');
    expect(await handle.db.$count(orderEvents, eq(orderEvents.orderId, order.id))).toBe(events);
  });

  it('refuses a bad or unknown list parameter with 422 naming it', async () => {
    for (const query of ['pageSize=-1', 'pageSize=0', 'pageSize=abc', 'pageSize=100000', 'size=0']) {
      const res = await ordersRoute.GET(call(`/orders?${query}`), params({}));
      expect(res.status, query).toBe(422);
      const name = query.split('=')[0];
      expect(Object.keys((await res.json()).error.fields), query).toEqual([name]);
    }
    const unknown = await ordersRoute.GET(call('/orders?pagesize=10'), params({}));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields.pagesize[0]).toContain('pageSize');
    const ok = await ordersRoute.GET(call('/orders?pageSize=2'), params({}));
    expect(ok.status).toBe(200);
    expect((await ok.json()).data.length).toBeLessThanOrEqual(2);
  });

  it('answers a line naming a warehouse that does not exist with 422 on that field, not out of stock', async () => {
    const res = await ordersRoute.POST(
      call('/orders', {
        method: 'POST',
        body: orderBody({ lines: [{ skuCode: sku.code, quantity: 1, warehouseId: 987654 }] }),
      }),
      params({}),
    );
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('invalid');
    expect(error.fields['lines.0.warehouseId'][0]).toBe('This warehouse does not exist or is not active');
  });

  it('answers the same illegal move with the same code, worded for an integrator', async () => {
    const order = await placeOrder();
    const p = (action: string) => params({ order: order.number, action });
    const paid = await actionRoute.POST(
      call(`/orders/${order.number}/confirm-payment`, {
        method: 'POST',
        body: { method: 'bank_transfer', reference: `BT-${order.id}` },
      }),
      p('confirm-payment'),
    );
    expect(paid.status).toBe(200);
    // paying again (a conditional update that finds nothing) and completing (refused by the table up front): one code
    const again = await actionRoute.POST(
      call(`/orders/${order.number}/confirm-payment`, {
        method: 'POST',
        body: { method: 'bank_transfer', reference: `BT-${order.id}-2` },
      }),
      p('confirm-payment'),
    );
    const complete = await actionRoute.POST(
      call(`/orders/${order.number}/complete`, { method: 'POST' }),
      p('complete'),
    );
    for (const res of [again, complete]) {
      expect(res.status).toBe(409);
      const { error } = await res.json();
      expect(error.code).toBe('invalid_transition');
      expect(error.message).toContain('(paid)');
      expect(error.message).not.toMatch(/refresh/i);
    }
    expect(ERROR_CODES.invalid_transition).toBe(409);
  });

  it("checks ship and confirm-payment with the operations' own schemas", async () => {
    const order = await placeOrder();
    const p = (action: string) => params({ order: order.number, action });
    const noCarrier = await actionRoute.POST(
      call(`/orders/${order.number}/ship`, { method: 'POST', body: { trackingNumber: 'SF1234567890123' } }),
      p('ship'),
    );
    expect(noCarrier.status).toBe(422);
    expect(Object.keys((await noCarrier.json()).error.fields)).toEqual(['carrierCode']);
    const longRef = await actionRoute.POST(
      call(`/orders/${order.number}/confirm-payment`, {
        method: 'POST',
        body: { method: 'bank_transfer', reference: 'x'.repeat(101) },
      }),
      p('confirm-payment'),
    );
    expect(longRef.status).toBe(422);
    expect((await longRef.json()).error.fields.reference[0]).toBe('A payment reference is at most 100 characters.');
  });

  it('opens an order named by its number in the URL', async () => {
    const order = await placeOrder();
    const res = await orderRoute.GET(
      call(`/orders/${order.number.toLowerCase()}`),
      params({ order: order.number.toLowerCase() }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).data.id).toBe(order.id);
  });
});
