import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { auditLog } from '@/db/schema/staff';
import { settings } from '@/db/schema/system';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { getSetting } from './get-setting';
import { DEFAULT_SETTINGS } from './setting-defaults';
import { getOrderRules, updateOrderRules } from './update-order-rules';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

describe(`settings (${testDatabaseKind})`, () => {
  it('reads defaults when nothing is stored, and when a stored value is malformed', async () => {
    expect(await getSetting(handle.db, 'unpaid_timeout_minutes')).toBe(30);
    await handle.db.insert(settings).values({ key: 'auto_complete_days', value: 'lots' });
    expect(await getSetting(handle.db, 'auto_complete_days')).toBe(DEFAULT_SETTINGS.auto_complete_days);
    expect(await getOrderRules(handle.db)).toEqual({
      unpaidTimeoutMinutes: 30,
      autoCompleteDays: 10,
      autoReview: DEFAULT_SETTINGS.auto_review,
      reconcileAfterMinutes: 15,
    });
  });

  it('saves the order rules together and audits before and after', async () => {
    const staff = await createFactories(handle.db).staff({ role: 'admin' });
    const rules = {
      unpaidTimeoutMinutes: 45,
      autoCompleteDays: 7,
      autoReview: { enabled: false, maxTotalCents: null, holdFlaggedCustomers: true, holdWithBuyerNote: true },
      reconcileAfterMinutes: 60,
    };
    expect(await updateOrderRules(handle.db, { ...rules, staffId: staff.id })).toEqual({ ok: true, data: rules });
    expect(await getOrderRules(handle.db)).toEqual(rules);
    const [audit] = await handle.db.select().from(auditLog);
    expect(audit).toMatchObject({
      action: 'settings.order_rules.update',
      actorId: staff.id,
      details: { after: rules },
    });
    await expect(
      updateOrderRules(handle.db, { ...rules, unpaidTimeoutMinutes: 0, staffId: staff.id }),
    ).rejects.toThrow();
    await expect(
      updateOrderRules(handle.db, { ...rules, reconcileAfterMinutes: 7 * 24 * 60 + 1, staffId: staff.id }),
    ).rejects.toThrow();
    expect(await getSetting(handle.db, 'reconcile_after_minutes')).toBe(60);
  });
});
