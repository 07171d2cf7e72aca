import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog } from '@/db/schema/staff';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { withAuditContext } from './audit-context';
import { recordAudit } from './record-audit';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

const lastIp = async () =>
  (await handle.db.select({ ip: auditLog.ip }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0].ip;

describe(`recordAudit and the request's address (${testDatabaseKind})`, () => {
  it('records the address of the request being served, an explicit one first, none outside a request', async () => {
    await withAuditContext({ ip: '203.0.113.7' }, () => recordAudit(handle.db, { actorType: 'staff', action: 'x.a' }));
    expect(await lastIp()).toBe('203.0.113.7');
    await withAuditContext({ ip: '203.0.113.7' }, () =>
      recordAudit(handle.db, { actorType: 'staff', action: 'x.b', ip: '2001:db8::1' }),
    );
    expect(await lastIp()).toBe('2001:db8::1');
    await recordAudit(handle.db, { actorType: 'system', action: 'x.c' });
    expect(await lastIp()).toBeNull();
    await withAuditContext({ ip: 'unknown' }, () => recordAudit(handle.db, { actorType: 'staff', action: 'x.d' }));
    expect(await lastIp()).toBeNull();
  });
});
