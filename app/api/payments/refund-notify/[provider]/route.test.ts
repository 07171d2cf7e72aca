import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { paymentNotifications } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { TEST_AUTH_SECRET } from '@/testing/payments-testing';

let handle: DatabaseHandle;
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));
vi.mock('@/lib/auth/secret', () => ({ getAuthSecret: () => TEST_AUTH_SECRET }));
const route = await import('./route');

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

const post = (slug: string, body: string, headers: Record<string, string>) =>
  route.POST(
    new Request(`http://127.0.0.1:3999/api/payments/refund-notify/${slug}`, { method: 'POST', headers, body }),
    { params: Promise.resolve({ provider: slug }) },
  );

describe(`refund notification route (${testDatabaseKind})`, () => {
  it('404 for a provider without refund notifications; a malformed WeChat Pay body is refused in its format and logged', async () => {
    for (const slug of ['alipay', 'paypal']) expect((await post(slug, '{}', {})).status).toBe(404);
    const malformed = await post('wechat-pay', '{', { 'content-type': 'application/json' });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(await malformed.json()).toMatchObject({ code: 'FAIL' });
    const [logged] = await handle.db
      .select()
      .from(paymentNotifications)
      .orderBy(desc(paymentNotifications.id))
      .limit(1);
    expect(logged).toMatchObject({ method: 'wechat_pay', kind: 'refund', body: '{', isVerified: false });
  });
});
