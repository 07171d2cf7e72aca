import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { orders } from '@/db/schema';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import type { CurrentStaff } from '@/lib/auth/current-staff';

const auth = vi.hoisted(() => ({ staff: null as CurrentStaff | null, allowed: true }));
let handle: DatabaseHandle;

vi.mock('@/lib/auth/current-staff', () => ({ getCurrentStaff: async () => auth.staff }));
vi.mock('@/domain/staff/permissions', () => ({ can: (actor: unknown) => Boolean(actor) && auth.allowed }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));
// the handler answers in the caller's language; outside a request that comes from this stub
vi.mock('next-intl/server', () => ({
  getTranslations: async () => (key: string) =>
    ({ signedOut: 'Please sign in first.', forbidden: 'Your role is not allowed to do this.' })[key] ?? key,
}));

const { GET } = await import('./route');

describe(`GET /api/internal/dashboard (${testDatabaseKind})`, () => {
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(() => {
    auth.staff = { id: 7, name: '运营 Ops', email: 'ops@example.com', role: 'operations' };
    auth.allowed = true;
  });

  it('answers 401 with a message when nobody is signed in', async () => {
    auth.staff = null;
    const response = await GET();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 'unauthenticated', message: 'Please sign in first.' });
  });

  it('answers 403 when the role may not read orders', async () => {
    auth.allowed = false;
    const response = await GET();
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'forbidden' });
  });

  it('returns the current summary, uncached', async () => {
    await handle.db.insert(orders).values({
      number: 'SO-ROUTE-1',
      source: 'manual',
      status: 'pending_payment',
      subtotalCents: 2_500,
      totalCents: 2_500,
      itemCount: 1,
      shipName: '王五',
      shipPhone: '13700000000',
      shipProvince: '北京市',
      shipCity: '北京市',
      shipStreet: '长安街 1 号',
    });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.todayOrderCount).toBe(1);
    expect(body.todaySalesCents).toBe(2_500);
    expect(body.awaitingPaymentCount).toBe(1);
    expect(body.series).toHaveLength(30);
  });
});
