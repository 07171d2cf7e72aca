import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { listPayments, parsePaymentListParams } from './payment-list';

let handle: DatabaseHandle;
let ids: { alipay: number[]; wechat: number[] };

beforeAll(async () => {
  handle = await openTestDatabase();
  const f = createFactories(handle.db, { seed: 77 });
  const warehouseId = (await f.warehouse()).id;
  const sku = await f.sku({ priceCents: 1_000 });
  await f.stock({ skuId: sku.id, warehouseId, onHand: 100 });
  ids = { alipay: [], wechat: [] };
  for (let i = 0; i < 5; i++) {
    const paid = await f.order({
      status: 'paid',
      lines: [{ skuId: sku.id, quantity: 1 }],
      paymentMethod: i % 2 ? 'wechat_pay' : 'alipay',
    });
    (i % 2 ? ids.wechat : ids.alipay).push(paid.payments[0].id);
  }
  await f.order({ status: 'pending_payment', lines: [{ skuId: sku.id, quantity: 1 }] });
});
afterAll(async () => handle?.close());

describe(`payments list (${testDatabaseKind})`, () => {
  it('filters by method and state, walks keyset pages without gaps or repeats', async () => {
    const { filters } = parsePaymentListParams({ state: 'succeeded' });
    const first = await listPayments(handle.db, filters, 2);
    expect(first.rows).toHaveLength(2);
    const seen = [...first.rows.map((r) => r.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await listPayments(handle.db, parsePaymentListParams({ state: 'succeeded', cursor }).filters, 2);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual([...ids.alipay, ...ids.wechat].sort());
    const wechat = await listPayments(handle.db, parsePaymentListParams({ method: 'wechat_pay' }).filters);
    expect(wechat.rows.map((r) => r.id).sort()).toEqual(ids.wechat.sort());
    expect(wechat.rows[0]).toMatchObject({ orderNumber: expect.stringMatching(/^SO/), refundedCents: 0 });
  });

  it('drops garbage in the URL and says which value was not used', () => {
    const { filters, rejected } = parsePaymentListParams({
      method: 'paypal',
      state: 'done',
      from: '2026-02-30',
      to: '2026-01-01',
      cursor: 'zzz',
    });
    expect(filters).toEqual({
      method: undefined,
      state: undefined,
      from: undefined,
      to: '2026-01-01',
      cursor: undefined,
    });
    expect(rejected.map((r) => `${r.param}:${r.reason}`)).toEqual([
      'method:invalid',
      'state:invalid',
      'from:invalid',
      'cursor:invalid',
    ]);
    const reversed = parsePaymentListParams({ from: '2026-03-02', to: '2026-03-01' });
    expect(reversed.rejected).toEqual([{ param: 'to', value: '2026-03-01', reason: 'reversed_range' }]);
  });
});
