import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { auditLog } from '@/db/schema/staff';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import {
  getKuaidi100Settings,
  maskedKuaidi100Settings,
  maskSecret,
  updateKuaidi100Settings,
} from './tracking-settings';

let handle: DatabaseHandle;
let staffId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  staffId = (await createFactories(handle.db).staff({ role: 'admin' })).id;
});
afterAll(async () => handle?.close());

describe(`tracking aggregator settings (${testDatabaseKind})`, () => {
  it('refuses live mode with no secrets or with the public sandbox ones, changing nothing', async () => {
    const refused = await updateKuaidi100Settings(handle.db, { staffId, mode: 'live', customer: 'C', callbackUrl: '' });
    expect(refused).toMatchObject({
      ok: false,
      code: 'secret_required',
      fieldErrors: { key: ['secret_required'], salt: ['secret_required'] },
    });
    expect(
      await updateKuaidi100Settings(handle.db, {
        staffId,
        mode: 'live',
        customer: 'C',
        callbackUrl: '',
        key: 'my-own-key-123456',
      }),
    ).toMatchObject({ ok: false, fieldErrors: { salt: ['secret_required'] } });
    expect(await getKuaidi100Settings(handle.db)).toMatchObject({ mode: 'sandbox', key: 'sandbox-key' });
  });

  it('keeps stored secrets when the form leaves them empty, and never writes them to the audit log', async () => {
    const saved = await updateKuaidi100Settings(handle.db, {
      staffId,
      mode: 'sandbox',
      customer: 'CUST1',
      callbackUrl: '',
      key: 'live-key-1234567890',
      salt: 'salt-abcdefghij',
    });
    expect(saved).toMatchObject({ ok: true });
    const again = await updateKuaidi100Settings(handle.db, {
      staffId,
      mode: 'live',
      customer: 'CUST2',
      callbackUrl: 'https://shop.example.com/api/logistics/kuaidi100/push',
      key: '',
      salt: undefined,
    });
    expect(again).toMatchObject({
      ok: true,
      data: { mode: 'live', key: 'live-key-1234567890', salt: 'salt-abcdefghij', customer: 'CUST2' },
    });
    expect(await getKuaidi100Settings(handle.db)).toMatchObject({ mode: 'live', key: 'live-key-1234567890' });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'settings.kuaidi100.update'));
    expect(audits).toHaveLength(2);
    const text = JSON.stringify(audits.map((a) => a.details));
    expect(text).not.toContain('live-key-1234567890');
    expect(text).not.toContain('salt-abcdefghij');
    expect(audits[0].details).toMatchObject({ keyChanged: true, saltChanged: true });
    expect(audits[1].details).toMatchObject({ keyChanged: false, saltChanged: false });
  });

  it('masks secrets for pages: only the last four characters of a long one', () => {
    expect(maskSecret('')).toBe('');
    expect(maskSecret('short')).toBe('••••');
    expect(maskSecret('live-key-1234567890')).toBe('••••7890');
    const masked = maskedKuaidi100Settings({
      mode: 'live',
      key: 'live-key-1234567890',
      customer: 'C',
      salt: 'salt-abcdefghij',
      callbackUrl: '',
    });
    expect(JSON.stringify(masked)).not.toMatch(/live-key|salt-abc/);
  });
});
