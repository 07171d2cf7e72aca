import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { afterSalesEvents, afterSalesRequests } from '@/db/schema/after-sales';
import { refunds } from '@/db/schema/payments';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createApiKey } from '@/domain/api-keys/manage-api-keys';
import { getCarrierSpec } from '@/domain/logistics/carriers';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import type { StaffRole } from '@/domain/staff/roles';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { paymentsTestContext } from '@/testing/payments-testing';

let handle: DatabaseHandle;
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));
// refunds go to the payment sandbox, as in development
vi.mock('@/lib/payments/context', () => ({ paymentsContextFor: () => paymentsTestContext(handle) }));

const listRoute = await import('./route');
const requestRoute = await import('./[request]/route');
const actionRoute = await import('./[request]/[action]/route');

let f: Factories;
const keys: Partial<Record<StaffRole, string>> = {};
let warehouseId: number;
let serial = 1;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 1616 });
  for (const role of ['operations', 'viewer', 'warehouse', 'finance'] as const) {
    const created = await createApiKey(handle.db, { name: `as ${role}`, role, actor: SYSTEM_ACTOR });
    if (!created.ok) throw new Error(created.message);
    keys[role] = created.data.key;
  }
  warehouseId = (await f.warehouse()).id;
  await f.carrier('shunfeng');
}, 120_000);
afterAll(async () => handle?.close());

const BASE = 'http://console.test/api/v1';
function call(path: string, init: { method?: string; key?: StaffRole; body?: unknown; language?: string } = {}) {
  return new Request(`${BASE}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'content-type': 'application/json',
      'accept-language': init.language ?? 'en',
      authorization: `Bearer ${keys[init.key ?? 'operations']}`,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const list = (query = '', key?: StaffRole) => listRoute.GET(call(`/after-sales${query}`, { key }), params({}));
const create = (body: unknown, key?: StaffRole, language?: string) =>
  listRoute.POST(call('/after-sales', { body, key, language }), params({}));
const act = (request: string | number, action: string, body: unknown = {}, key?: StaffRole, language?: string) =>
  actionRoute.POST(
    call(`/after-sales/${request}/${action}`, { body, key, language }),
    params({ request: String(request), action }),
  );

async function shippedOrder(quantity = 2) {
  const sku = await f.sku({ priceCents: 10_000 });
  await f.stock({ skuId: sku.id, warehouseId, onHand: 20 });
  const placed = await f.order({
    status: 'shipped',
    lines: [{ skuId: sku.id, quantity }],
    shippingCents: 800,
    paymentMethod: 'alipay',
    warehouseId,
  });
  return { ...placed, sku };
}

describe(`REST API v1: after-sales (${testDatabaseKind})`, () => {
  it('walks a return and refund through the API, each move by the role that may make it', async () => {
    const { order, lines, sku } = await shippedOrder();
    const created = await create({
      orderNumber: order.number.toLowerCase(),
      kind: 'return_refund',
      customerNote: '有划痕',
      lines: [{ orderLineId: lines[0].id, quantity: 2, reasonCode: 'quality_problem' }],
    });
    expect(created.status).toBe(201);
    const { data } = await created.json();
    expect(data).toMatchObject({
      number: expect.stringMatching(/^AS\d{12}$/),
      kind: 'return_refund',
      status: 'requested',
      order: { id: order.id, number: order.number },
      lines: [{ orderLineId: lines[0].id, quantity: 2, reasonCode: 'quality_problem', isSellerFault: true }],
      allowedActions: ['approve', 'reject', 'cancel'],
    });
    const [event] = await handle.db
      .select()
      .from(afterSalesEvents)
      .where(and(eq(afterSalesEvents.requestId, data.id), eq(afterSalesEvents.kind, 'created')));
    expect(event).toMatchObject({ actorType: 'api_key', actorName: 'API: as operations' });

    // the number works wherever the id does
    const approved = await act(data.number, 'approve');
    expect(approved.status).toBe(200);
    expect((await approved.json()).data).toMatchObject({
      status: 'awaiting_return',
      allowedActions: ['cancel', 'record-return'], // receiving is the warehouse's
    });

    const badNumber = await act(data.id, 'record-return', { carrierCode: 'shunfeng', trackingNumber: '123' });
    expect(badNumber.status).toBe(422);
    expect((await badNumber.json()).error).toMatchObject({
      code: 'invalid_tracking_number',
      message: expect.stringContaining('123'),
    });
    const unknownCarrier = await act(data.id, 'record-return', { carrierCode: 'nope', trackingNumber: '123' });
    expect((await unknownCarrier.json()).error).toMatchObject({
      code: 'unknown_carrier',
      fields: { carrierCode: [expect.any(String)] },
    });
    const trackingNumber = getCarrierSpec('shunfeng').sampleNumber(7_000 + serial++);
    const parcel = await act(data.id, 'record-return', { carrierCode: 'shunfeng', trackingNumber });
    expect((await parcel.json()).data).toMatchObject({
      status: 'return_in_transit',
      returnParcel: { carrierCode: 'shunfeng', trackingNumber },
    });

    const [line] = (
      await (await requestRoute.GET(call(`/after-sales/${data.id}`), params({ request: String(data.id) }))).json()
    ).data.lines;
    const inspection = { lines: [{ lineId: line.id, restock: 1, damaged: 1, scrap: 0 }] };
    const byOperations = await act(data.id, 'receive', inspection);
    expect(byOperations.status).toBe(403);
    expect((await byOperations.json()).error.code).toBe('forbidden');
    const before = (await findStockLevel(handle.db, sku.id, warehouseId))!;
    const inspected = await act(data.id, 'receive', inspection, 'warehouse');
    expect((await inspected.json()).data).toMatchObject({
      status: 'inspected',
      refundProposedCents: 20_800,
      lines: [{ receivedQuantity: 2, restockedQuantity: 1, damagedQuantity: 1 }],
      allowedActions: [], // a warehouse key may not refund
    });
    const after = (await findStockLevel(handle.db, sku.id, warehouseId))!;
    expect(after.onHand - after.reserved).toBe(before.onHand - before.reserved + 1);
    expect(after.nonSellable).toBe(before.nonSellable + 1);

    const tooMuch = await act(data.id, 'send-refund', { amountCents: 20_801 }, 'finance');
    expect(tooMuch.status).toBe(422);
    expect((await tooMuch.json()).error).toMatchObject({
      code: 'exceeds_proposed',
      message: 'At most the proposed amount can be refunded.',
    });
    const refunded = await act(data.id, 'send-refund', { amountCents: 20_000 }, 'finance');
    expect(refunded.status).toBe(200);
    expect((await refunded.json()).data).toMatchObject({
      status: 'completed',
      refund: { amountCents: 20_000, status: 'succeeded' },
      allowedActions: [],
    });
    const rows = await handle.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(rows.map((r) => r.amountCents)).toEqual([20_000]);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('refuses what may not be requested, naming each field in the caller language, and creates nothing', async () => {
    const { order, lines } = await shippedOrder(1);
    const before = await handle.db.$count(afterSalesRequests);
    const tooMany = {
      orderId: order.id,
      kind: 'return_refund',
      lines: [{ orderLineId: lines[0].id, quantity: 2, reasonCode: 'nope' }],
    };
    const en = await create(tooMany);
    expect(en.status).toBe(422);
    const { error } = await en.json();
    expect(error.code).toBe('invalid_lines');
    expect(error.fields).toEqual({
      'lines.0.quantity': ['More units than may still be requested of this line (at most 1 for the first such line).'],
      'lines.0.reasonCode': ['Not a reason code of Settings (or it is switched off).'],
    });
    const zh = await (await create(tooMany, 'operations', 'zh-CN')).json();
    expect(zh.error.fields['lines.0.reasonCode']).toEqual(['不是设置中的售后原因（或已停用）。']);

    const noOrder = await (await create({ kind: 'refund_only', lines: [] })).json();
    expect(noOrder.error.code).toBe('invalid');
    expect(Object.keys(noOrder.error.fields).sort()).toEqual(['lines', 'orderId']);
    expect(noOrder.error.fields.orderId).toEqual(['Name the order (orderId or orderNumber).']);
    const nul = await create({ ...tooMany, customerNote: 'a\u0000b' });
    expect((await nul.json()).error.fields.customerNote).toHaveLength(1);
    const unknown = await create({ ...tooMany, orderId: undefined, orderNumber: 'SO000000000000' });
    expect(unknown.status).toBe(404);
    expect((await create(tooMany, 'viewer')).status).toBe(403);
    expect(await handle.db.$count(afterSalesRequests)).toBe(before);
  });

  it('says what the status is when a move is not allowed, and names unknown actions and requests', async () => {
    const { order, lines } = await shippedOrder();
    const { data } = await (
      await create({
        orderId: order.id,
        kind: 'refund_only',
        lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'no_longer_wanted' }],
      })
    ).json();
    const noReason = await act(data.id, 'reject', {});
    expect(noReason.status).toBe(422);
    expect(Object.keys((await noReason.json()).error.fields)).toEqual(['reason']);
    const rejected = await act(data.id, 'reject', { reason: '已超过七天' });
    expect((await rejected.json()).data).toMatchObject({ status: 'rejected', rejectReason: '已超过七天' });
    const again = await act(data.id, 'approve');
    expect(again.status).toBe(409);
    expect((await again.json()).error).toEqual({
      code: 'invalid_transition',
      message: 'The request is rejected: that action is not possible now.',
    });
    const zh = await act(data.id, 'approve', {}, 'operations', 'zh-CN');
    expect((await zh.json()).error.message).toContain('已拒绝');
    const nope = await act(data.id, 'explode');
    expect(nope.status).toBe(404);
    expect((await nope.json()).error.code).toBe('unknown_action');
    const proto = await act(data.id, 'constructor');
    expect((await proto.json()).error.code).toBe('unknown_action');
    expect((await act('AS000000000000', 'approve')).status).toBe(404);
    expect((await requestRoute.GET(call('/after-sales/999999999'), params({ request: '999999999' }))).status).toBe(404);
  });

  it('lists with the queue filters and refuses unknown or bad parameters', async () => {
    const { order, lines } = await shippedOrder(3);
    const { data } = await (
      await create({
        orderId: order.id,
        kind: 'exchange',
        lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'wrong_size' }],
      })
    ).json();
    const byOrder = await (await list(`?q=${order.number}`, 'viewer')).json();
    expect(byOrder.data).toEqual([
      expect.objectContaining({
        id: data.id,
        kind: 'exchange',
        status: 'requested',
        order: { id: order.id, number: order.number },
        units: 1,
      }),
    ]);
    expect((await (await list(`?q=${order.number}&kind=reship`)).json()).data).toEqual([]);
    const filtered = (query: string) => list(`?q=${order.number}&${query}`).then((r) => r.json());
    expect((await filtered('reason=wrong_size&status=requested')).data).toHaveLength(1);
    // the seller has 48 hours to decide: not due within 24 hours until the clock says so
    expect((await filtered('due=1')).data).toEqual([]);
    await handle.db
      .update(afterSalesRequests)
      .set({ deadlineAt: new Date(Date.now() + 3_600_000) })
      .where(eq(afterSalesRequests.id, data.id));
    expect((await filtered('due=1')).data).toEqual([expect.objectContaining({ id: data.id, isOverdue: false })]);
    expect((await (await list(`?q=${order.number}&reason=quality_problem`)).json()).data).toEqual([]);
    expect((await (await list(`?q=${order.number}&to=2000-01-01`)).json()).data).toEqual([]);

    const all = await (await list('?kind=return_refund')).json();
    expect(all.data.every((r: { kind: string }) => r.kind === 'return_refund')).toBe(true);

    const bad = await list('?status=lost&page=2');
    expect(bad.status).toBe(422);
    const { error } = await bad.json();
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields).sort()).toEqual(['page', 'status']);
    expect((await list('?cursor=abc')).status).toBe(422);
  });
});
