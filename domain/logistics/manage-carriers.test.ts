import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { auditLog } from '@/db/schema/staff';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { shipOrder } from '@/domain/orders/ship-order';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { listActiveCarriers } from './list-shipments';
import { listCarriers, saveCarrier } from './manage-carriers';

let handle: DatabaseHandle;
let f: Factories;
let staffId: number;
beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 606 });
  staffId = (await f.staff({ role: 'admin' })).id;
});
afterAll(async () => handle?.close());

const zjs = {
  code: 'ZhaiJiSong',
  name: '宅急送',
  nameEn: 'ZJS Express',
  trackingPattern: 'ZJS\\d{10}',
  trackingUrlTemplate: 'https://www.kuaidi100.com/chaxun?com=zhaijisong&nu={number}',
  isActive: true,
};

describe(`carriers added in Settings (${testDatabaseKind})`, () => {
  it('adds a carrier whose tracking-number rule then checks its parcels, and refuses a second with the same code', async () => {
    const added = await saveCarrier(handle.db, { ...zjs, staffId });
    if (!added.ok) throw new Error(added.message);
    // codes are the aggregator's, lower-case; the rule checks the whole number
    expect(added.data).toMatchObject({ code: 'zhaijisong', trackingPattern: '^ZJS\\d{10}$', isActive: true });
    expect(await saveCarrier(handle.db, { ...zjs, staffId })).toMatchObject({
      ok: false,
      code: 'code_taken',
      params: { code: 'zhaijisong' },
    });

    const warehouse = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 5 });
    const { order } = await f.order({
      status: 'awaiting_shipment',
      warehouseId: warehouse.id,
      lines: [{ skuId: sku.id, quantity: 1 }],
    });
    expect(
      await shipOrder(handle.db, {
        orderId: order.id,
        carrierId: added.data.id,
        trackingNumber: 'ZJS12345',
        actor: SYSTEM_ACTOR,
      }),
    ).toMatchObject({ ok: false, code: 'invalid_tracking_number' });
    expect(
      await shipOrder(handle.db, {
        orderId: order.id,
        carrierId: added.data.id,
        trackingNumber: 'ZJS0123456789',
        actor: SYSTEM_ACTOR,
      }),
    ).toMatchObject({ ok: true });
    const audit = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, String(added.data.id)));
    expect(audit.map((a) => a.action)).toEqual(['carrier.create']);
  });

  it('edits names, rule, page and active, never the code; deactivated carriers leave the pickers', async () => {
    const [row] = (await listCarriers(handle.db)).filter((c) => c.code === 'zhaijisong');
    const edited = await saveCarrier(handle.db, {
      ...zjs,
      id: row.id,
      code: 'other',
      name: '宅急送快运',
      trackingPattern: '^ZJS\\d{10,12}$',
      isActive: false,
      staffId,
    });
    expect(edited).toMatchObject({
      ok: true,
      data: { code: 'zhaijisong', name: '宅急送快运', trackingPattern: '^ZJS\\d{10,12}$', isActive: false },
    });
    expect((await listActiveCarriers(handle.db)).map((c) => c.id)).not.toContain(row.id);
    expect((await listCarriers(handle.db)).at(-1)?.id).toBe(row.id);
    expect(await saveCarrier(handle.db, { ...zjs, id: 987654, staffId })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('names each bad field and changes nothing', async () => {
    const before = (await listCarriers(handle.db)).length;
    const bad = await saveCarrier(handle.db, {
      code: 'x',
      name: '',
      nameEn: 'ok',
      trackingPattern: 'SF(\\d',
      trackingUrlTemplate: 'ftp://example.com/track',
      isActive: true,
      staffId,
    });
    expect(bad).toMatchObject({ ok: false, code: 'invalid' });
    expect(Object.keys(bad.ok ? {} : (bad.fieldErrors ?? {})).sort()).toEqual([
      'code',
      'name',
      'trackingPattern',
      'trackingUrlTemplate',
    ]);
    expect(bad.ok ? [] : bad.fieldErrors?.trackingPattern).toEqual(['shipping.carriers.validation.patternInvalid']);
    const noNumber = await saveCarrier(handle.db, {
      ...zjs,
      code: 'newco',
      trackingUrlTemplate: 'https://example.com/track',
      staffId,
    });
    expect(noNumber.ok ? [] : noNumber.fieldErrors?.trackingUrlTemplate).toEqual([
      'shipping.carriers.validation.urlInvalid',
    ]);
    expect((await listCarriers(handle.db)).length).toBe(before);
  });
});
