import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import type { CurrentStaff } from '@/lib/auth/current-staff';

const auth = vi.hoisted(() => ({ staff: null as CurrentStaff | null }));
let handle: DatabaseHandle;

vi.mock('@/lib/auth/current-staff', () => ({ getCurrentStaff: async () => auth.staff }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));
// the handlers answer in the caller's language; outside a request that comes from this stub
const MESSAGES: Record<string, string> = {
  'common.signedOut': 'Please sign in first.',
  'common.forbidden': 'Your role is not allowed to do this.',
  'orders.entry.lookup.queryRequired': 'Type something to search for.',
  'orders.entry.lookup.queryTooLong': 'The search is too long.',
  'common.validation.unsafeText': 'Remove control characters.',
};
vi.mock('next-intl/server', () => ({
  getTranslations: async () =>
    Object.assign((key: string) => MESSAGES[key] ?? key, { has: (key: string) => key in MESSAGES }),
}));

const customersRoute = await import('../customers/route');
const skusRoute = await import('../skus/route');
const get = (route: { GET: (r: Request) => Promise<Response> }, query: string) =>
  route.GET(new Request(`http://localhost/api/internal/x${query}`));

describe(`order form lookups (${testDatabaseKind})`, () => {
  beforeAll(async () => {
    handle = await openTestDatabase();
    const f = createFactories(handle.db, { seed: 5 });
    const w = await f.warehouse();
    const sku = await f.sku({ code: 'LOOKUP-1', priceCents: 1_990 });
    await f.stock({ skuId: sku.id, warehouseId: w.id, onHand: 8, reserved: 2 });
    await f.customer({ name: '查找客户', phone: '13811112222' });
  });
  afterAll(async () => handle?.close());
  beforeEach(() => {
    auth.staff = { id: 7, name: 'Ops', email: 'ops@example.com', role: 'operations' };
  });

  for (const [name, route] of [
    ['customers', customersRoute],
    ['skus', skusRoute],
  ] as const) {
    it(`${name}: 401 signed out, 403 without orders.write, 400 on a bad query`, async () => {
      auth.staff = null;
      let response = await get(route, '?q=x');
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ code: 'unauthenticated', message: 'Please sign in first.' });

      auth.staff = { id: 8, name: 'Viewer', email: 'v@example.com', role: 'viewer' };
      response = await get(route, '?q=x');
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ code: 'forbidden', message: 'Your role is not allowed to do this.' });

      auth.staff = { id: 7, name: 'Ops', email: 'ops@example.com', role: 'operations' };
      response = await get(route, '');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: 'invalid', message: 'Type something to search for.' });
      response = await get(route, `?q=${'x'.repeat(61)}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: 'invalid', message: 'The search is too long.' });
      // PostgreSQL refuses a NUL in a text parameter: it must stop here, not in the database (was a 500)
      response = await get(route, '?q=ab%00');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: 'invalid', message: 'Remove control characters.' });
    });
  }

  it('customers: finds by name prefix, uncached', async () => {
    const response = await get(customersRoute, `?q=${encodeURIComponent('查找')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.customers).toHaveLength(1);
    expect(body.customers[0]).toMatchObject({ name: '查找客户', phone: '13811112222' });
    expect(body.customers[0].defaultAddress.street).toBeTruthy();
  });

  it('skus: finds by code with price and available stock', async () => {
    const response = await get(skusRoute, '?q=lookup');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.skus).toHaveLength(1);
    expect(body.skus[0]).toMatchObject({ code: 'LOOKUP-1', priceCents: 1_990, available: 6 });
  });
});
