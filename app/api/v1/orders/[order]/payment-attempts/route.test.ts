import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createApiKey } from '@/domain/api-keys/manage-api-keys';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { paymentsFactories, pendingOrder, TEST_AUTH_SECRET } from '@/testing/payments-testing';
import { plugInTestSandbox } from '@/testing/sandboxes/payments/test-transport';

let handle: DatabaseHandle;
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));
vi.mock('@/lib/auth/secret', () => ({ getAuthSecret: () => TEST_AUTH_SECRET }));
const route = await import('./route');

let financeKey: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  plugInTestSandbox();
  const created = await createApiKey(handle.db, { name: 'finance', role: 'finance', actor: SYSTEM_ACTOR });
  if (!created.ok) throw new Error(created.message);
  financeKey = created.data.key;
});
afterAll(async () => handle?.close());

describe(`payment attempts over the API (${testDatabaseKind})`, () => {
  it("never builds a URL given to a provider or a buyer from the request's Host or X-Forwarded-Host", async () => {
    const order = await pendingOrder(paymentsFactories(handle, 3131));
    for (const method of ['alipay', 'wechat_pay', 'unionpay'] as const) {
      const forged = await route.POST(
        new Request(`http://evil.example/api/v1/orders/${order.id}/payment-attempts`, {
          method: 'POST',
          body: JSON.stringify({ method }),
          headers: {
            authorization: `Bearer ${financeKey}`,
            'content-type': 'application/json',
            host: 'evil.example',
            'x-forwarded-host': 'evil.example',
            'x-forwarded-proto': 'https',
          },
        }),
        { params: Promise.resolve({ order: String(order.id) }) },
      );
      expect(forged.status).toBe(201);
      const { data } = await forged.json();
      const text = JSON.stringify(data.checkout);
      expect(text).not.toContain('evil.example');
      // the configured origin instead (this server's own address when PAYMENTS_PUBLIC_URL is unset)
      if (data.checkout.kind === 'redirect') {
        const params = new URL(data.checkout.url).searchParams;
        expect(params.get('notify_url')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/payments\/notify\/alipay$/);
        expect(params.get('return_url')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/orders\/\d+$/);
      }
      if (data.checkout.kind === 'form')
        expect(data.checkout.fields.backUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/payments\/notify\/unionpay$/);
    }
  });
});
