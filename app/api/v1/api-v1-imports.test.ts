import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { createApiKey } from '@/domain/api-keys/manage-api-keys';
import { runPendingImports } from '@/domain/import/run-pending-imports';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { createFactories } from '@/testing/factories/factories';

let handle: DatabaseHandle;
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));
// the job that after() would start once the answer is sent: run by hand below
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: () => {},
}));

const importsRoute = await import('./imports/route');
const importRoute = await import('./imports/[importId]/route');
const actionRoute = await import('./imports/[importId]/[action]/route');

let operationsKey: string;
let viewerKey: string;
let skuCode: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const f = createFactories(handle.db, { seed: 1818 });
  for (const role of ['operations', 'viewer'] as const) {
    const created = await createApiKey(handle.db, { name: `imports ${role}`, role, actor: SYSTEM_ACTOR });
    if (!created.ok) throw new Error(created.message);
    if (role === 'operations') operationsKey = created.data.key;
    else viewerKey = created.data.key;
  }
  const warehouse = await f.warehouse();
  const sku = await f.sku({ priceCents: 1000 });
  skuCode = sku.code;
  await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 10 });
});
afterAll(async () => handle?.close());

const BASE = 'http://console.test/api/v1';
const request = (path: string, init: { method?: string; key?: string; body?: string } = {}) =>
  new Request(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${init.key ?? operationsKey}`, 'accept-language': 'en' },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describe('REST API: imports', () => {
  it('uploads, checks, commits and reports progress', async () => {
    const csv = [
      '订单号 Order number,下单时间 Placed at,订单状态 Status,买家姓名 Buyer name,买家手机 Buyer phone,收货人 Recipient,收货电话 Recipient phone,省份 Province,城市 City,详细地址 Street address,商家编码 SKU code,商品名称 Product name,数量 Quantity,单价(元) Unit price (CNY)',
      `API-1,2026-05-23 22:02,已完成,王五,13600136000,王五,13600136000,江苏省,南京市,中山路1号,${skuCode},杯子,2,10.00`,
    ].join('\n');
    const uploaded = await importsRoute.POST(
      request('/imports?fileName=api.csv', { method: 'POST', body: csv }),
      params({}),
    );
    expect(uploaded.status).toBe(202);
    const { id, status } = (await uploaded.json()) as { id: number; status: string };
    expect(status).toBe('uploaded');
    await runPendingImports(handle.db);
    const checked = await (await importRoute.GET(request(`/imports/${id}`), params({ importId: String(id) }))).json();
    expect(checked).toMatchObject({ status: 'checked', format: 'template', summary: { newOrders: 1 } });

    const committed = await actionRoute.POST(
      request(`/imports/${id}/commit`, { method: 'POST' }),
      params({ importId: String(id), action: 'commit' }),
    );
    expect(committed.status).toBe(202);
    await runPendingImports(handle.db);
    const done = await (await importRoute.GET(request(`/imports/${id}`), params({ importId: String(id) }))).json();
    expect(done).toMatchObject({ status: 'completed', ordersCreated: 1, rowsDone: 1, totalRows: 1 });

    const again = await actionRoute.POST(
      request(`/imports/${id}/commit`, { method: 'POST' }),
      params({ importId: String(id), action: 'commit' }),
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'not_checked' } });
  });

  it('refuses a role without orders.import, bad names, unknown actions and unknown imports', async () => {
    const forbidden = await importsRoute.POST(
      request('/imports?fileName=a.csv', { method: 'POST', key: viewerKey, body: 'a,b\n1,2' }),
      params({}),
    );
    expect(forbidden.status).toBe(403);
    const badName = await importsRoute.POST(
      request(`/imports?fileName=${encodeURIComponent('a\u0000.csv')}`, { method: 'POST', body: 'a,b\n1,2' }),
      params({}),
    );
    expect(badName.status).toBe(422);
    const unknownAction = await actionRoute.POST(
      request('/imports/1/explode', { method: 'POST' }),
      params({ importId: '1', action: 'explode' }),
    );
    expect(unknownAction.status).toBe(404);
    const missing = await importRoute.GET(request('/imports/999999'), params({ importId: '999999' }));
    expect(missing.status).toBe(404);
    const garbage = await importRoute.GET(request('/imports/abc'), params({ importId: 'abc' }));
    expect(garbage.status).toBe(404);
  });
});
