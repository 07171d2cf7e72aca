import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { afterSalesRequests } from '@/db/schema/after-sales';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createAfterSalesRequest } from '@/domain/after-sales/create-after-sales-request';
import type { CurrentStaff } from '@/lib/auth/current-staff';
import { loadMessages } from '@/lib/i18n/messages';
import { createFactories, type Factories } from '@/testing/factories/factories';

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

const { bulkDecideAfterSalesAction } = await import('./actions');

let f: Factories;
let warehouseId: number;

beforeAll(async () => {
  env.handle = await openTestDatabase();
  f = createFactories(env.handle.db, { seed: 1717 });
  warehouseId = (await f.warehouse()).id;
  const agent = await f.staff({ role: 'operations', name: 'Olga' });
  env.staff = { id: agent.id, name: agent.name, email: agent.email, role: 'operations' };
});
afterAll(async () => env.handle?.close());

async function requested() {
  const sku = await f.sku({ priceCents: 5_000 });
  await f.stock({ skuId: sku.id, warehouseId, onHand: 10 });
  const { order, lines } = await f.order({ status: 'shipped', warehouseId, lines: [{ skuId: sku.id, quantity: 1 }] });
  const created = await createAfterSalesRequest(env.handle!.db, {
    orderId: order.id,
    kind: 'return_refund',
    actor: { type: 'staff', id: null, name: 'test' },
    lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'wrong_size' }],
  });
  if (!created.ok) throw new Error(created.message);
  return created.data;
}
const statusOf = async (id: number) =>
  (
    await env
      .handle!.db.select({ status: afterSalesRequests.status })
      .from(afterSalesRequests)
      .where(eq(afterSalesRequests.id, id))
  )[0].status;

describe(`after-sales bulk decisions (${testDatabaseKind})`, () => {
  it('approves each selected request on its own and reports every outcome', async () => {
    const [a, b, c] = [await requested(), await requested(), await requested()];
    const rejected = await bulkDecideAfterSalesAction({ decision: 'reject', reason: '超过七天', requestIds: [c.id] });
    expect(rejected).toEqual({ ok: true, data: { results: [{ requestId: c.id, number: c.number, ok: true }] } });

    const result = await bulkDecideAfterSalesAction({ decision: 'approve', requestIds: [a.id, c.id, b.id, 987_654] });
    expect(result).toEqual({
      ok: true,
      data: {
        results: [
          { requestId: a.id, number: a.number, ok: true },
          {
            requestId: c.id,
            number: c.number,
            ok: false,
            message: 'The request is rejected: that action is not possible now.',
          },
          { requestId: b.id, number: b.number, ok: true },
          { requestId: 987_654, number: '#987654', ok: false, message: 'This request or order does not exist.' },
        ],
      },
    });
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(c.id)]).toEqual([
      'awaiting_return',
      'awaiting_return',
      'rejected',
    ]);
  });

  it('needs a reason to reject and a role that may decide, changing nothing otherwise', async () => {
    const r = await requested();
    const noReason = await bulkDecideAfterSalesAction({ decision: 'reject', reason: ' ', requestIds: [r.id] });
    expect(noReason).toMatchObject({ ok: false, code: 'invalid' });
    expect(Object.keys(noReason.ok ? {} : (noReason.fieldErrors ?? {}))).toEqual(['reason']);
    const agent = env.staff;
    env.staff = { ...agent!, role: 'warehouse' };
    expect(await bulkDecideAfterSalesAction({ decision: 'approve', requestIds: [r.id] })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    env.staff = agent;
    expect(await statusOf(r.id)).toBe('requested');
  });
});
