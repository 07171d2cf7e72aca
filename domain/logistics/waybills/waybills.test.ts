import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { waybills } from '@/db/schema/logistics';
import { orders } from '@/db/schema/orders';
import { validateTrackingNumber } from '@/domain/logistics/carriers';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { createFactories, type Factories } from '@/testing/factories/factories';
import {
  createWaybillSandbox,
  SANDBOX_WAYBILL_KEY,
  SANDBOX_WAYBILL_SECRET,
  type WaybillSandbox,
} from '@/testing/sandboxes/kuaidi100-waybill/sandbox-waybill';
import { startWaybillHttpFake } from '@/testing/sandboxes/kuaidi100-waybill/http-fake';
import { loadPrintBatch } from '../printing/load-print-batch';
import { buildShippingLabels } from '../printing/shipping-labels';
import { cancelOrder } from '@/domain/orders/cancel-order';
import { shipOrder } from '@/domain/orders/ship-order';
import { cancelWaybill } from './cancel-waybill';
import { createKuaidi100WaybillProvider } from './kuaidi100';
import { requestWaybills } from './request-waybills';
import type { WaybillSetup } from './waybill-config';
import type { WaybillAccount } from './waybill-provider';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 23 });
});
afterAll(async () => handle?.close());

const SF_ACCOUNT: WaybillAccount = { carrierCode: 'shunfeng', partnerId: '0200012345', partnerKey: 'sf-pass' };

function sandboxSetup(sandbox: WaybillSandbox): WaybillSetup {
  return {
    provider: createKuaidi100WaybillProvider({
      url: 'http://sandbox.invalid/label/order',
      key: SANDBOX_WAYBILL_KEY,
      secret: SANDBOX_WAYBILL_SECRET,
      fetch: sandbox.fetch,
    }),
    accounts: new Map([['shunfeng', SF_ACCOUNT]]),
  };
}

async function ordersAwaiting(count: number) {
  const warehouse = await f.warehouse();
  const sku = await f.sku();
  await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: count * 3 + 10 });
  const sf = await f.carrier('shunfeng');
  const made = [];
  for (let i = 0; i < count; i++) {
    const { order } = await f.order({
      status: 'awaiting_shipment',
      lines: [{ skuId: sku.id, quantity: 1 + (i % 2), warehouseId: warehouse.id }],
    });
    made.push(order);
  }
  await handle.db
    .update(orders)
    .set({ assignedCarrierId: sf.id })
    .where(
      inArray(
        orders.id,
        made.map((o) => o.id),
      ),
    );
  return { warehouse, orders: made };
}

describe(`e-waybills (${testDatabaseKind})`, () => {
  it('takes waybills for 50 orders in bulk with 2 refusals; a reprint gets the same numbers; cancel frees one', async () => {
    const sandbox = createWaybillSandbox({ accounts: [SF_ACCOUNT] });
    const setup = sandboxSetup(sandbox);
    const { orders: made } = await ordersAwaiting(50);
    // two parcels the carrier will not take: no usable phone, no province/city in the address
    const [bad1, bad2] = [made[7], made[31]];
    await handle.db.update(orders).set({ shipPhone: '12' }).where(eq(orders.id, bad1.id));
    await handle.db
      .update(orders)
      .set({ shipProvince: '', shipCity: '', shipDistrict: null, shipStreet: '某处' })
      .where(eq(orders.id, bad2.id));

    const first = await requestWaybills(handle.db, { orderIds: made.map((o) => o.id), actor: SYSTEM_ACTOR, setup });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data).toHaveLength(50);
    const refused = first.data.filter((o) => !o.result.ok);
    expect(refused.map((o) => o.orderId).sort()).toEqual([bad1.id, bad2.id].sort());
    for (const o of refused) {
      expect(o.result.ok || o.result.code).toBe('refused');
      expect(o.result.ok || o.result.message).toContain('收件人信息不完整');
    }
    const numbers = first.data.flatMap((o) => (o.result.ok ? [o.result.data.waybill.trackingNumber!] : []));
    expect(numbers).toHaveLength(48);
    expect(new Set(numbers).size).toBe(48);
    for (const number of numbers) expect(validateTrackingNumber('shunfeng', number).ok).toBe(true);
    const rows = await handle.db
      .select()
      .from(waybills)
      .where(
        inArray(
          waybills.orderId,
          made.map((o) => o.id),
        ),
      );
    expect(rows.filter((r) => r.status === 'assigned')).toHaveLength(48);
    expect(
      rows
        .filter((r) => r.status === 'failed')
        .map((r) => r.orderId)
        .sort(),
    ).toEqual([bad1.id, bad2.id].sort());
    expect(rows.filter((r) => r.status === 'failed').every((r) => r.trackingNumber === null)).toBe(true);
    expect(rows.find((r) => r.status === 'assigned')?.sortingCode).toBeTruthy();

    // the labels print the assigned number and the carrier's sorting code; the refused parcel stays blank
    const batch = await loadPrintBatch(handle.db, { kind: 'orders', orderIds: made.map((o) => o.id) });
    const labels = buildShippingLabels(batch, null);
    const good = first.data.find((o) => o.result.ok)!;
    const goodLabel = labels.find((l) => l.orderNumber === good.orderNumber)!;
    expect(goodLabel.trackingNumber).toBe(good.result.ok && good.result.data.waybill.trackingNumber);
    expect(goodLabel.sortingCode).toBe(good.result.ok && good.result.data.waybill.sortingCode);
    expect(goodLabel.carrier?.code).toBe('shunfeng');
    expect(labels.find((l) => l.orderNumber === bad1.number)?.trackingNumber).toBeNull();

    // a reprint asks nobody: the same numbers come back
    const issued = sandbox.issuedCount();
    const again = await requestWaybills(handle.db, { orderIds: made.map((o) => o.id), actor: SYSTEM_ACTOR, setup });
    if (!again.ok) throw new Error(again.message);
    const againNumbers = again.data.flatMap((o) => (o.result.ok ? [o.result.data.waybill.trackingNumber!] : []));
    expect(againNumbers).toEqual(numbers);
    expect(again.data.filter((o) => o.result.ok).every((o) => o.result.ok && o.result.data.isReused)).toBe(true);
    expect(sandbox.issuedCount()).toBe(issued);

    // shipping with the waybill's number uses it, in the same transaction; a used waybill is never cancelled
    const toShip = rows.filter((r) => r.status === 'assigned')[1];
    const shipped = await shipOrder(handle.db, {
      orderId: toShip.orderId,
      carrierId: toShip.carrierId,
      trackingNumber: toShip.trackingNumber!,
      actor: SYSTEM_ACTOR,
      tracking: null,
    });
    expect(shipped.ok).toBe(true);
    const [used] = await handle.db.select().from(waybills).where(eq(waybills.id, toShip.id));
    expect([used.status, used.shipmentId]).toEqual(['used', shipped.ok ? shipped.data.shipment.id : -1]);
    const notUnused = await cancelWaybill(handle.db, { waybillId: toShip.id, reason: 'x', actor: SYSTEM_ACTOR, setup });
    expect(notUnused.ok || notUnused.code).toBe('not_cancellable');
    expect(sandbox.isCancelled('shunfeng', toShip.trackingNumber!)).toBe(false);

    // cancel an unused waybill: the provider cancels it and the parcel may take a new one
    const unused = rows.find((r) => r.status === 'assigned')!;
    const cancelled = await cancelWaybill(handle.db, {
      waybillId: unused.id,
      reason: '客户改地址',
      actor: SYSTEM_ACTOR,
      setup,
    });
    expect(cancelled.ok && cancelled.data.status).toBe('cancelled');
    expect(sandbox.isCancelled('shunfeng', unused.trackingNumber!)).toBe(true);
    const twice = await cancelWaybill(handle.db, { waybillId: unused.id, reason: 'again', actor: SYSTEM_ACTOR, setup });
    expect(twice.ok || twice.code).toBe('not_cancellable');
    const fresh = await requestWaybills(handle.db, { orderIds: [unused.orderId], actor: SYSTEM_ACTOR, setup });
    if (!fresh.ok || !fresh.data[0].result.ok) throw new Error('no new waybill');
    expect(fresh.data[0].result.data.waybill.trackingNumber).not.toBe(unused.trackingNumber);
  });

  it('an order cancelled after its waybill was taken cancels the waybill with the carrier', async () => {
    const sandbox = createWaybillSandbox({ accounts: [SF_ACCOUNT] });
    const setup = sandboxSetup(sandbox);
    const { orders: made } = await ordersAwaiting(1);
    const taken = await requestWaybills(handle.db, { orderIds: [made[0].id], actor: SYSTEM_ACTOR, setup });
    if (!taken.ok || !taken.data[0].result.ok) throw new Error('no waybill');
    const number = taken.data[0].result.data.waybill.trackingNumber!;
    const cancelled = await cancelOrder(handle.db, {
      orderId: made[0].id,
      reason: '买家不要了',
      actor: SYSTEM_ACTOR,
      waybills: setup,
    });
    expect(cancelled.ok).toBe(true);
    expect(sandbox.isCancelled('shunfeng', number)).toBe(true);
    const rows = await handle.db.select().from(waybills).where(eq(waybills.orderId, made[0].id));
    expect(rows.map((r) => r.status)).toEqual(['cancelled']);
  });

  it('gives one number to a parcel requested many times at once', async () => {
    const sandbox = createWaybillSandbox({ accounts: [SF_ACCOUNT] });
    const setup = sandboxSetup(sandbox);
    const { orders: made } = await ordersAwaiting(1);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        requestWaybills(handle.db, { orderIds: [made[0].id], actor: SYSTEM_ACTOR, setup }),
      ),
    );
    const numbers = new Set(
      results.flatMap((r) =>
        r.ok ? r.data.flatMap((o) => (o.result.ok ? [o.result.data.waybill.trackingNumber] : [])) : [],
      ),
    );
    expect(numbers.size).toBe(1);
    expect(sandbox.issuedCount()).toBe(1);
    const rows = await handle.db.select().from(waybills).where(eq(waybills.orderId, made[0].id));
    expect(rows.map((r) => r.status)).toEqual(['assigned']);
  });

  it('refuses what the carrier refuses: no account, out of numbers, a cancelled order', async () => {
    const sandbox = createWaybillSandbox({ accounts: [{ ...SF_ACCOUNT, numbersLeft: 1 }] });
    const setup = sandboxSetup(sandbox);
    const { orders: made } = await ordersAwaiting(2);
    const outcome = await requestWaybills(handle.db, { orderIds: made.map((o) => o.id), actor: SYSTEM_ACTOR, setup });
    if (!outcome.ok) throw new Error(outcome.message);
    // two in flight: whichever reaches the carrier second finds the account empty
    expect(outcome.data.map((o) => (o.result.ok ? 'ok' : o.result.message)).sort()).toEqual(
      ['30004 账号单量不足', 'ok'].sort(),
    );

    const unknownAccount: WaybillSetup = {
      ...setup,
      accounts: new Map([['shunfeng', { ...SF_ACCOUNT, partnerId: 'nobody' }]]),
    };
    const { orders: more } = await ordersAwaiting(1);
    const refused = await requestWaybills(handle.db, {
      orderIds: [more[0].id],
      actor: SYSTEM_ACTOR,
      setup: unknownAccount,
    });
    expect(refused.ok && !refused.data[0].result.ok && refused.data[0].result.message).toContain('账号或密码错误');
    const noAccount = await requestWaybills(handle.db, {
      orderIds: [more[0].id],
      actor: SYSTEM_ACTOR,
      setup: { ...setup, accounts: new Map() },
    });
    expect(noAccount.ok && !noAccount.data[0].result.ok && noAccount.data[0].result.code).toBe('no_account');

    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: (await f.warehouse()).id, onHand: 5 });
    const cancelled = await f.order({ status: 'cancelled', lines: [{ skuId: sku.id, quantity: 1 }] });
    const none = await requestWaybills(handle.db, { orderIds: [cancelled.order.id], actor: SYSTEM_ACTOR, setup });
    // a cancelled order may not ship: refused before anyone is asked
    expect(none.ok && !none.data[0].result.ok && none.data[0].result.code).toBe('not_shippable');
    expect(sandbox.callCount()).toBe(3);
  });

  it('live mode: signed requests over HTTP to a provider-faithful fake; a timeout is retried with the same request id', async () => {
    const key = 'live-key-7f3a';
    const secret = 'live-secret-91c2';
    const fake = createWaybillSandbox({ key, secret, accounts: [SF_ACCOUNT] });
    const server = await startWaybillHttpFake(fake, { delayFirstMs: 800, delayCount: 1 });
    try {
      const setupWith = (timeoutMs: number): WaybillSetup => ({
        provider: createKuaidi100WaybillProvider({ url: server.url, key, secret, timeoutMs }),
        accounts: new Map([['shunfeng', SF_ACCOUNT]]),
      });
      const setup = setupWith(10_000);
      const { orders: made } = await ordersAwaiting(1);
      const timedOut = await requestWaybills(handle.db, {
        orderIds: [made[0].id],
        actor: SYSTEM_ACTOR,
        setup: setupWith(300),
      });
      expect(timedOut.ok && !timedOut.data[0].result.ok && timedOut.data[0].result.code).toBe('unreachable');
      const [pending] = await handle.db.select().from(waybills).where(eq(waybills.orderId, made[0].id));
      expect(pending.status).toBe('requesting');
      // the slow answer still lands at the provider; the retry repeats the request id and gets that number
      await new Promise((resolve) => setTimeout(resolve, 700));
      const retried = await requestWaybills(handle.db, { orderIds: [made[0].id], actor: SYSTEM_ACTOR, setup });
      if (!retried.ok || !retried.data[0].result.ok) throw new Error(`retry failed: ${JSON.stringify(retried)}`);
      expect(retried.data[0].result.data.waybill.requestId).toBe(pending.requestId);
      expect(fake.issuedCount()).toBe(1);
      expect(server.requests()).toBe(2);

      // the wrong secret is refused by the provider's sign check, and nothing is written
      const wrong: WaybillSetup = {
        ...setup,
        provider: createKuaidi100WaybillProvider({ url: server.url, key, secret: 'not-it' }),
      };
      const { orders: other } = await ordersAwaiting(1);
      const refused = await requestWaybills(handle.db, { orderIds: [other[0].id], actor: SYSTEM_ACTOR, setup: wrong });
      expect(refused.ok && !refused.data[0].result.ok && refused.data[0].result.message).toBe('30002 验证签名失败');
      const rows = await handle.db.select().from(waybills).where(eq(waybills.orderId, other[0].id));
      expect(rows.map((r) => [r.status, r.trackingNumber])).toEqual([['failed', null]]);
    } finally {
      await server.close();
    }
  });
});
