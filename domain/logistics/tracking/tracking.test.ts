import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { logisticsPushLog, shipmentExceptions, shipments, trackingEvents } from '@/db/schema/logistics';
import { orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { autoCompleteOrders } from '@/domain/automation/auto-complete-orders';
import { shipOrder } from '@/domain/orders/ship-order';
import { DEFAULT_SETTINGS } from '@/domain/settings/setting-defaults';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { signKuaidi100Push } from '../kuaidi100';
import { resolveShipmentException } from '../resolve-shipment-exception';
import { createKuaidi100Provider } from './kuaidi100-provider';
import { receiveTrackingPush } from './receive-tracking-push';
import {
  handleSandboxQuery,
  handleSandboxSubscribe,
  lastResultOf,
} from '@/testing/sandboxes/kuaidi100/sandbox-aggregator';
import { sendDueSandboxPushes, sendNextSandboxPush } from '@/testing/sandboxes/kuaidi100/send-sandbox-pushes';
import { kuaidi100SandboxParcels, kuaidi100SandboxPushes } from '@/testing/sandboxes/kuaidi100/sandbox-tables';
import { queryShipmentTracking, subscribePendingShipments, subscribeShipmentTracking } from './shipment-tracking';
import type { TrackingProvider } from './tracking-provider';

/*
 * The tracking path end to end without a server: the provider's HTTP calls and the sandbox's pushes
 * go through a fetch that hands each request to the handler the route would call.
 */
const concurrent = testDatabaseKind === 'postgres';
const config = DEFAULT_SETTINGS.kuaidi100;
const BASE = 'http://sandbox.test/sandbox/kuaidi100';
const PUSH_URL = 'http://console.test/api/logistics/kuaidi100/push';

let handle: DatabaseHandle;
let f: Factories;
let provider: TrackingProvider;

const fakeFetch: typeof fetch = async (url, init) => {
  const form = Object.fromEntries(new URLSearchParams(String(init?.body ?? '')));
  const path = String(url);
  if (path === `${BASE}/poll`)
    return Response.json((await handleSandboxSubscribe(handle.db, config, form, PUSH_URL)).body);
  if (path === `${BASE}/poll/query.do`) return Response.json((await handleSandboxQuery(handle.db, config, form)).body);
  if (path === PUSH_URL) return Response.json((await receiveTrackingPush(handle.db, provider, form)).reply);
  return new Response('not found', { status: 404 });
};

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 55 });
  provider = createKuaidi100Provider({
    baseUrl: BASE,
    key: config.key,
    customer: config.customer,
    salt: config.salt,
    callbackUrl: PUSH_URL,
    fetch: fakeFetch,
  });
});
afterAll(async () => handle?.close());

let serial = 0;
/** A shipped parcel whose SF number ends in `lastDigit` (4: refused, 2: problem, else delivered). */
async function shipParcel(lastDigit: number) {
  const warehouse = await f.warehouse();
  const sku = await f.sku();
  await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 10 });
  const { order } = await f.order({
    status: 'awaiting_shipment',
    warehouseId: warehouse.id,
    lines: [{ skuId: sku.id, quantity: 1 }],
  });
  const carrier = await f.carrier('shunfeng');
  serial += 1;
  const trackingNumber = `SF14${String(Date.now() % 1e6).padStart(6, '0')}${String(serial).padStart(4, '0')}${lastDigit}`;
  const shipped = await shipOrder(handle.db, {
    orderId: order.id,
    carrierId: carrier.id,
    trackingNumber,
    actor: SYSTEM_ACTOR,
  });
  if (!shipped.ok) throw new Error(shipped.message);
  return { order, shipment: shipped.data.shipment, trackingNumber };
}
const shipmentRow = async (id: number) => (await handle.db.select().from(shipments).where(eq(shipments.id, id)))[0];
const eventCount = async (id: number) =>
  Number((await handle.db.select({ n: count() }).from(trackingEvents).where(eq(trackingEvents.shipmentId, id)))[0].n);
const parcelOf = async (number: string) =>
  (await handle.db.select().from(kuaidi100SandboxParcels).where(eq(kuaidi100SandboxParcels.number, number)))[0];

/** A push as the sandbox would sign it, with the parcel's first `steps` steps. */
async function pushForm(number: string, steps: number, salt = config.salt) {
  const parcel = await parcelOf(number);
  const rows = (
    await handle.db.select().from(kuaidi100SandboxPushes).where(eq(kuaidi100SandboxPushes.parcelId, parcel.id))
  ).filter((s) => s.step < steps);
  const param = JSON.stringify({ status: 'polling', message: '', lastResult: lastResultOf(parcel, rows) });
  return { param, sign: signKuaidi100Push(param, salt) };
}

describe(`tracking through the sandbox aggregator (${testDatabaseKind})`, () => {
  it('subscribes a shipment, then plays picked up -> in transit -> out for delivery -> signed; delivery starts the auto-complete clock', async () => {
    const { order, shipment, trackingNumber } = await shipParcel(7);
    expect(await subscribeShipmentTracking(handle.db, provider, shipment.id)).toEqual({ ok: true, data: undefined });
    expect((await shipmentRow(shipment.id)).trackingSubscribedAt).not.toBeNull();
    // a second subscription is answered 501 (already subscribed), which is fine
    expect(await subscribeShipmentTracking(handle.db, provider, shipment.id)).toMatchObject({ ok: true });
    const parcel = await parcelOf(trackingNumber);
    expect(parcel).toMatchObject({ company: 'shunfeng', script: 'delivered', callbackUrl: PUSH_URL });

    const seen: string[] = [];
    for (;;) {
      const sent = await sendNextSandboxPush(handle.db, parcel.id, { fetch: fakeFetch });
      if (!sent.ok) {
        expect(sent.code).toBe('nothing_left');
        break;
      }
      seen.push((await shipmentRow(shipment.id)).status);
    }
    expect(seen).toEqual(['picked_up', 'in_transit', 'out_for_delivery', 'delivered']);
    const delivered = await shipmentRow(shipment.id);
    expect(delivered.deliveredAt).not.toBeNull();
    expect(await eventCount(shipment.id)).toBe(4);
    const [orderRow] = await handle.db.select().from(orders).where(eq(orders.id, order.id));
    expect(orderRow.deliveredAt?.toISOString()).toBe(delivered.deliveredAt?.toISOString());

    // the auto-complete clock runs from delivery: not due a day before delivery + N days, due a day after
    const days = DEFAULT_SETTINGS.auto_complete_days;
    const deliveredMs = delivered.deliveredAt!.getTime();
    await autoCompleteOrders(handle.db, { now: new Date(deliveredMs + (days - 1) * 86_400_000) });
    expect((await handle.db.select().from(orders).where(eq(orders.id, order.id)))[0].status).toBe('shipped');
    await autoCompleteOrders(handle.db, { now: new Date(deliveredMs + (days + 1) * 86_400_000) });
    expect((await handle.db.select().from(orders).where(eq(orders.id, order.id)))[0].status).toBe('completed');
  });

  it('a number ending in 4 is refused: the shipment gets an exception a person resolves with a note', async () => {
    const { shipment, trackingNumber } = await shipParcel(4);
    await subscribeShipmentTracking(handle.db, provider, shipment.id);
    const parcel = await parcelOf(trackingNumber);
    expect(parcel.script).toBe('refused');
    while ((await sendNextSandboxPush(handle.db, parcel.id, { fetch: fakeFetch })).ok) {
      /* play the whole script */
    }
    const refused = await shipmentRow(shipment.id);
    expect(refused).toMatchObject({ status: 'returned', hasException: true, deliveredAt: null });
    const open = await handle.db
      .select()
      .from(shipmentExceptions)
      .where(eq(shipmentExceptions.shipmentId, shipment.id));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: 'refused', resolvedAt: null });

    // the same final push again raises nothing new
    await receiveTrackingPush(handle.db, provider, await pushForm(trackingNumber, 4));
    expect(
      await handle.db.select().from(shipmentExceptions).where(eq(shipmentExceptions.shipmentId, shipment.id)),
    ).toHaveLength(1);

    expect(
      await resolveShipmentException(handle.db, {
        exceptionId: open[0].id,
        note: '已联系买家，退款处理',
        actor: SYSTEM_ACTOR,
      }),
    ).toMatchObject({ ok: true });
    expect(await shipmentRow(shipment.id)).toMatchObject({ hasException: false, status: 'returned' });
    expect(
      await resolveShipmentException(handle.db, { exceptionId: open[0].id, note: 'again', actor: SYSTEM_ACTOR }),
    ).toMatchObject({ ok: false, code: 'already_resolved' });
  });

  it(`the same push ${concurrent ? '20 times at once' : '20 times'} stores one set of events`, async () => {
    const { shipment, trackingNumber } = await shipParcel(5);
    await subscribeShipmentTracking(handle.db, provider, shipment.id);
    const form = await pushForm(trackingNumber, 3);
    const send = () => receiveTrackingPush(handle.db, provider, form);
    const outcomes = concurrent
      ? await Promise.all(Array.from({ length: 20 }, send))
      : await Array.from({ length: 20 }).reduce<Promise<Awaited<ReturnType<typeof send>>[]>>(
          async (acc) => [...(await acc), await send()],
          Promise.resolve([]),
        );
    expect(outcomes.every((o) => o.outcome === 'accepted' && o.reply.result === true)).toBe(true);
    expect(outcomes.reduce((sum, o) => sum + o.eventsAdded, 0)).toBe(3);
    expect(await eventCount(shipment.id)).toBe(3);
    expect(await shipmentRow(shipment.id)).toMatchObject({ status: 'out_for_delivery' });
    const logged = await handle.db
      .select({ n: count() })
      .from(logisticsPushLog)
      .where(and(eq(logisticsPushLog.shipmentId, shipment.id), eq(logisticsPushLog.outcome, 'accepted')));
    expect(Number(logged[0].n)).toBe(20);
  });

  it('a signed push that arrives before the in-transit push stays delivered', async () => {
    const { shipment, trackingNumber } = await shipParcel(9);
    await subscribeShipmentTracking(handle.db, provider, shipment.id);
    const signed = await pushForm(trackingNumber, 4);
    const inTransit = await pushForm(trackingNumber, 2);
    expect((await receiveTrackingPush(handle.db, provider, signed)).outcome).toBe('accepted');
    expect(await shipmentRow(shipment.id)).toMatchObject({ status: 'delivered' });
    expect((await receiveTrackingPush(handle.db, provider, inTransit)).outcome).toBe('accepted');
    const after = await shipmentRow(shipment.id);
    expect(after.status).toBe('delivered');
    expect(after.deliveredAt).not.toBeNull();
  });

  it('a wrong sign or a malformed body is refused, logged, and changes nothing', async () => {
    const { shipment, trackingNumber } = await shipParcel(1);
    await subscribeShipmentTracking(handle.db, provider, shipment.id);
    const good = await pushForm(trackingNumber, 4);
    const forged = await receiveTrackingPush(handle.db, provider, {
      param: good.param,
      sign: signKuaidi100Push(good.param, 'not-the-salt'),
    });
    expect(forged).toMatchObject({
      outcome: 'bad_signature',
      reply: { result: false, returnCode: '500', message: 'bad_signature' },
    });
    const tampered = await receiveTrackingPush(handle.db, provider, {
      param: good.param.replace('"state":"3"', '"state":"0"'),
      sign: good.sign,
    });
    expect(tampered.outcome).toBe('bad_signature');
    const notJson = '{"status":"polling"';
    expect(
      (
        await receiveTrackingPush(handle.db, provider, {
          param: notJson,
          sign: signKuaidi100Push(notJson, config.salt),
        })
      ).outcome,
    ).toBe('malformed_push');
    expect((await receiveTrackingPush(handle.db, provider, { sign: good.sign })).outcome).toBe('missing_param');
    expect(await eventCount(shipment.id)).toBe(0);
    expect(await shipmentRow(shipment.id)).toMatchObject({ status: 'shipped', hasException: false });
    const log = await handle.db.select().from(logisticsPushLog).orderBy(logisticsPushLog.id);
    expect(log.slice(-4).map((l) => l.outcome)).toEqual([
      'bad_signature',
      'bad_signature',
      'malformed_push',
      'missing_param',
    ]);
    expect(log.at(-4)?.body).toContain('param=');

    // a control character, raw or escaped inside the JSON, is refused before anything is stored
    const escaped = good.param.replace(/"context":"/, '"context":"\\u0000');
    expect(escaped).not.toBe(good.param);
    for (const form of [
      { param: `${good.param}\u0000`, sign: good.sign },
      { param: escaped, sign: signKuaidi100Push(escaped, config.salt) },
    ]) {
      expect((await receiveTrackingPush(handle.db, provider, form)).outcome).toBe('unsafe_text');
    }
    expect(await eventCount(shipment.id)).toBe(0);
  });

  it('"query now" applies the aggregator\'s answer through the same path, and the sweep sends due pushes', async () => {
    const { shipment, trackingNumber } = await shipParcel(3);
    await subscribeShipmentTracking(handle.db, provider, shipment.id);
    // nothing has happened yet: the aggregator says so, and nothing changes
    expect(
      await queryShipmentTracking(handle.db, provider, { shipmentId: shipment.id, actor: SYSTEM_ACTOR }),
    ).toMatchObject({ ok: false, code: 'query_failed' });
    const parcel = await parcelOf(trackingNumber);
    const later = new Date(parcel.subscribedAt.getTime() + 20 * 60_000);
    // two steps are due by then: the sweep sends them, whichever order they land in
    const swept = await sendDueSandboxPushes(handle.db, { fetch: fakeFetch, now: later });
    expect(swept.sent).toBeGreaterThanOrEqual(2);
    expect(await shipmentRow(shipment.id)).toMatchObject({ status: 'in_transit' });
    // a query after the whole script has happened brings the parcel to delivered
    await handle.db
      .update(kuaidi100SandboxPushes)
      .set({ dueAt: new Date(Date.now() - 1000) })
      .where(and(eq(kuaidi100SandboxPushes.parcelId, parcel.id), isNull(kuaidi100SandboxPushes.sentAt)));
    const queried = await queryShipmentTracking(handle.db, provider, { shipmentId: shipment.id, actor: SYSTEM_ACTOR });
    expect(queried).toMatchObject({ ok: true, data: { status: 'delivered', isStatusChanged: true } });
    expect(await eventCount(shipment.id)).toBe(4);
  });

  it('a subscription that failed when the parcel shipped is retried by the subscribe sweep', async () => {
    const { shipment, trackingNumber } = await shipParcel(8);
    const down = createKuaidi100Provider({
      baseUrl: BASE,
      key: config.key,
      customer: config.customer,
      salt: config.salt,
      callbackUrl: PUSH_URL,
      fetch: async () => {
        throw new Error('ECONNREFUSED');
      },
    });
    expect(await subscribeShipmentTracking(handle.db, down, shipment.id)).toMatchObject({
      ok: false,
      code: 'subscribe_failed',
    });
    expect((await shipmentRow(shipment.id)).trackingSubscribedAt).toBeNull();
    const swept = await subscribePendingShipments(handle.db, provider);
    expect(swept.succeeded).toBeGreaterThanOrEqual(1);
    expect((await shipmentRow(shipment.id)).trackingSubscribedAt).not.toBeNull();
    expect(await parcelOf(trackingNumber)).toBeDefined();
    // nothing left to do on the next run for this parcel
    const again = await subscribePendingShipments(handle.db, provider);
    expect(again.succeeded + again.failed).toBe(0);
  });

  it('the sandbox refuses a wrong key and a wrongly signed query', async () => {
    expect(
      (
        await handleSandboxSubscribe(
          handle.db,
          config,
          {
            schema: 'json',
            param: JSON.stringify({
              company: 'shunfeng',
              number: 'SF1400000000001',
              key: 'wrong',
              parameters: { callbackurl: PUSH_URL },
            }),
          },
          PUSH_URL,
        )
      ).body,
    ).toMatchObject({ result: false, returnCode: '600' });
    // it pushes only to our own webhook, never to an address a caller names
    expect(
      (
        await handleSandboxSubscribe(
          handle.db,
          config,
          {
            schema: 'json',
            param: JSON.stringify({
              company: 'shunfeng',
              number: 'SF1400000000001',
              key: config.key,
              parameters: { callbackurl: 'http://169.254.169.254/latest' },
            }),
          },
          PUSH_URL,
        )
      ).body,
    ).toMatchObject({ result: false, returnCode: '700' });
    const param = JSON.stringify({ com: 'shunfeng', num: 'SF1400000000001' });
    expect(
      (await handleSandboxQuery(handle.db, config, { customer: config.customer, sign: '0'.repeat(32), param })).body,
    ).toMatchObject({ result: false, returnCode: '601' });
  });
});
