import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { orderEvents, orders } from '@/db/schema/orders';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createApiKey, revokeApiKey } from '@/domain/api-keys/manage-api-keys';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import type { StaffRole } from '@/domain/staff/roles';

let handle: DatabaseHandle;
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));

const ordersRoute = await import('./orders/route');
const orderRoute = await import('./orders/[order]/route');
const actionRoute = await import('./orders/[order]/[action]/route');
const attemptsRoute = await import('./orders/[order]/payment-attempts/route');

let f: Factories;
const keys: Partial<Record<StaffRole, string>> = {};
let sku: { id: number; code: string };
let warehouseId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 4242 });
  for (const role of ['operations', 'viewer', 'warehouse', 'finance'] as const) {
    const created = await createApiKey(handle.db, { name: `test ${role}`, role, actor: SYSTEM_ACTOR });
    if (!created.ok) throw new Error(created.message);
    keys[role] = created.data.key;
  }
  const wh = await f.warehouse();
  warehouseId = wh.id;
  const s = await f.sku({ priceCents: 2500 });
  sku = { id: s.id, code: s.code };
  await f.stock({ skuId: s.id, warehouseId: wh.id, onHand: 5 });
});
afterAll(async () => handle?.close());

const BASE = 'http://console.test/api/v1';
function call(
  path: string,
  init: { method?: string; key?: string | null; body?: unknown; rawBody?: string; language?: string } = {},
) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'accept-language': init.language ?? 'en',
  };
  if (init.key !== null) headers.authorization = `Bearer ${init.key ?? keys.operations}`;
  return new Request(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.rawBody !== undefined
      ? { body: init.rawBody }
      : init.body !== undefined
        ? { body: JSON.stringify(init.body) }
        : {}),
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

describe(`REST API v1 (${testDatabaseKind})`, () => {
  it('refuses requests without a valid, unrevoked key', async () => {
    const none = await ordersRoute.GET(call('/orders', { key: null }), params({}));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await ordersRoute.GET(call('/orders', { key: 'oc_nope' }), params({}))).status).toBe(401);

    const temp = await createApiKey(handle.db, { name: 'temp', role: 'viewer', actor: SYSTEM_ACTOR });
    if (!temp.ok) throw new Error('key');
    expect((await ordersRoute.GET(call('/orders', { key: temp.data.key }), params({}))).status).toBe(200);
    await revokeApiKey(handle.db, { id: temp.data.id, actor: SYSTEM_ACTOR });
    expect((await ordersRoute.GET(call('/orders', { key: temp.data.key }), params({}))).status).toBe(401);
  });

  it('lets a key do only what its role may', async () => {
    const res = await ordersRoute.POST(call('/orders', { method: 'POST', key: keys.viewer, body: {} }), params({}));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'Your role is not allowed to do this.' } });
  });

  it('places an order by SKU code, idempotently by externalRef, reserving stock, with the key as the actor', async () => {
    const body = {
      externalRef: 'SHOP-1001',
      customer: { name: '李雷', phone: '13812345678' },
      shipTo,
      lines: [{ skuCode: sku.code, quantity: 2 }],
      shippingCents: 800,
    };
    const first = await ordersRoute.POST(call('/orders', { method: 'POST', body }), params({}));
    expect(first.status).toBe(201);
    const { data } = await first.json();
    expect(data).toMatchObject({
      status: 'pending_payment',
      source: 'api',
      externalRef: 'SHOP-1001',
      subtotalCents: 5000,
      totalCents: 5800,
      lines: [{ skuCode: sku.code, quantity: 2 }],
    });
    expect(data.allowedActions).toEqual(expect.arrayContaining(['cancel']));
    expect(data.allowedActions).not.toContain('confirmPayment'); // operations may not confirm payments

    const again = await ordersRoute.POST(call('/orders', { method: 'POST', body }), params({}));
    expect(again.status).toBe(200);
    expect((await again.json()).data.id).toBe(data.id);
    expect(await findStockLevel(handle.db, sku.id, warehouseId)).toMatchObject({ onHand: 5, reserved: 2 });
    const [created] = await handle.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, data.id), eq(orderEvents.kind, 'created')));
    expect(created).toMatchObject({ actorType: 'api_key', actorName: 'API: test operations' });
  });

  it('names every bad field in the caller language and creates nothing', async () => {
    const before = await handle.db.$count(orders);
    const bad = {
      customer: { name: '韩梅梅', phone: '123' },
      shipTo: { ...shipTo, phone: '' },
      lines: [{ skuCode: sku.code, quantity: 0 }, { quantity: 1 }],
    };
    const en = await ordersRoute.POST(call('/orders', { method: 'POST', body: bad }), params({}));
    expect(en.status).toBe(422);
    const { error } = await en.json();
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields).sort()).toEqual([
      'customer.phone',
      'lines.0.quantity',
      'lines.1.skuId',
      'shipTo.phone',
    ]);
    expect(error.fields['lines.1.skuId'][0]).toBe('Name the SKU (skuId or skuCode).');

    const zh = await ordersRoute.POST(
      call('/orders', { method: 'POST', body: bad, language: 'zh-CN,zh;q=0.9' }),
      params({}),
    );
    expect((await zh.json()).error.fields['lines.1.skuId'][0]).toBe('请指定 SKU（skuId 或 skuCode）。');

    const unknownSku = await ordersRoute.POST(
      call('/orders', {
        method: 'POST',
        body: {
          customer: { name: '韩梅梅', phone: '13900001234' },
          shipTo,
          lines: [{ skuCode: 'NO-SUCH', quantity: 1 }],
        },
      }),
      params({}),
    );
    expect(unknownSku.status).toBe(422);
    expect(Object.keys((await unknownSku.json()).error.fields)).toEqual(['lines.0.skuCode']);

    const notJson = await ordersRoute.POST(call('/orders', { method: 'POST', rawBody: '{"lines": [' }), params({}));
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe('invalid_json');
    expect(await handle.db.$count(orders)).toBe(before);
  });

  it('says which SKU is short, with 409, leaving stock as it was', async () => {
    const res = await ordersRoute.POST(
      call('/orders', {
        method: 'POST',
        body: { customer: { name: '韩梅梅', phone: '13900001234' }, shipTo, lines: [{ skuId: sku.id, quantity: 4 }] },
      }),
      params({}),
    );
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe('insufficient_stock');
    expect(error.message).toContain(sku.code);
    expect(await findStockLevel(handle.db, sku.id, warehouseId)).toMatchObject({ onHand: 5, reserved: 2 });
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('reads one order by id or number, masking phones for read-only keys', async () => {
    const [order] = await handle.db.select().from(orders).where(eq(orders.externalRef, 'SHOP-1001'));
    const byNumber = await orderRoute.GET(call(`/orders/${order.number}`), params({ order: order.number }));
    expect((await byNumber.json()).data).toMatchObject({ id: order.id, shipTo: { phone: '13812345678' } });
    const viewer = await orderRoute.GET(
      call(`/orders/${order.id}`, { key: keys.viewer }),
      params({ order: String(order.id) }),
    );
    expect((await viewer.json()).data).toMatchObject({
      number: order.number,
      shipTo: { phone: '138****5678' },
      allowedActions: [],
    });
    expect((await orderRoute.GET(call('/orders/NOPE'), params({ order: 'NOPE' }))).status).toBe(404);
  });

  it('moves an order through the transition table; a move it forbids is a 409 naming the status now', async () => {
    const [order] = await handle.db.select().from(orders).where(eq(orders.externalRef, 'SHOP-1001'));
    const p = (action: string) => params({ order: order.number, action });
    const noReason = await actionRoute.POST(
      call(`/orders/${order.number}/cancel`, { method: 'POST', body: {} }),
      p('cancel'),
    );
    expect(noReason.status).toBe(422);
    const ship = await actionRoute.POST(
      call(`/orders/${order.number}/ship`, {
        method: 'POST',
        body: { carrierCode: 'shunfeng', trackingNumber: 'SF1234567890123' },
      }),
      p('ship'),
    );
    expect(ship.status).toBe(403); // an operations key may not ship
    const cancelled = await actionRoute.POST(
      call(`/orders/${order.number}/cancel`, { method: 'POST', body: { reason: '买家取消' } }),
      p('cancel'),
    );
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).data).toMatchObject({ status: 'cancelled' });
    expect(await findStockLevel(handle.db, sku.id, warehouseId)).toMatchObject({ reserved: 0 });

    const again = await actionRoute.POST(call(`/orders/${order.number}/review`, { method: 'POST' }), p('review'));
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toContain('Cancelled');
    const unknown = await actionRoute.POST(call(`/orders/${order.number}/explode`, { method: 'POST' }), p('explode'));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain('cancel, review');
  });

  it('opens a payment attempt for a finance key and answers how the buyer pays; a cancelled order is refused naming its status', async () => {
    const placed = await ordersRoute.POST(
      call('/orders', {
        method: 'POST',
        body: { customer: { name: '王芳', phone: '13700001111' }, shipTo, lines: [{ skuId: sku.id, quantity: 1 }] },
      }),
      params({}),
    );
    const order = (await placed.json()).data;
    const p = { params: Promise.resolve({ order: order.number }) };
    expect(
      (
        await attemptsRoute.POST(
          // the warehouse does not take payments (operations and finance do: payments.collect)
          call(`/orders/${order.number}/payment-attempts`, {
            method: 'POST',
            key: keys.warehouse,
            body: { method: 'alipay' },
          }),
          p,
        )
      ).status,
    ).toBe(403);
    const bad = await attemptsRoute.POST(
      call(`/orders/${order.number}/payment-attempts`, {
        method: 'POST',
        key: keys.finance,
        body: { method: 'paypal' },
      }),
      p,
    );
    expect(bad.status).toBe(422);
    const created = await attemptsRoute.POST(
      call(`/orders/${order.number}/payment-attempts`, {
        method: 'POST',
        key: keys.finance,
        body: { method: 'alipay' },
      }),
      p,
    );
    expect(created.status, JSON.stringify(await created.clone().json())).toBe(201);
    const attempt = (await created.json()).data;
    expect(attempt).toMatchObject({
      orderId: order.id,
      method: 'alipay',
      status: 'pending',
      amountCents: order.totalCents,
      checkout: { kind: 'redirect' },
    });
    expect(attempt.checkout.url).toContain('/sandbox/alipay');

    await actionRoute.POST(call(`/orders/${order.number}/cancel`, { method: 'POST', body: { reason: '测试' } }), {
      params: Promise.resolve({ order: order.number, action: 'cancel' }),
    });
    const refused = await attemptsRoute.POST(
      call(`/orders/${order.number}/payment-attempts`, {
        method: 'POST',
        key: keys.finance,
        body: { method: 'alipay' },
      }),
      p,
    );
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error.code).toBe('invalid_transition');
    expect(error.message).toContain('Cancelled');
  });

  it('lists orders with the console filters and rejects bad ones by name', async () => {
    const list = await ordersRoute.GET(call('/orders?status=cancelled&pageSize=10'), params({}));
    expect(list.status).toBe(200);
    const { data } = await list.json();
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((o: { status: string }) => o.status === 'cancelled')).toBe(true);
    const bad = await ordersRoute.GET(call('/orders?status=teleported'), params({}));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.status[0]).toContain('teleported');
  });
});
