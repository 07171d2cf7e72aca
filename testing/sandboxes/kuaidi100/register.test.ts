import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { listJobNames, runAllJobs } from '@/domain/automation/run-jobs';
import { isSandboxTrackingRegistered } from '@/domain/logistics/tracking/sandbox-slot';
import { appBaseUrl, getTrackingProvider, pushUrlOf } from '@/domain/logistics/tracking/tracking-settings';
import { DEFAULT_SETTINGS } from '@/domain/settings/setting-defaults';
import { isTrackingSandboxEnabled } from './enabled';
import { KUAIDI100_SANDBOX_PATH, registerTrackingSandbox, unregisterTrackingSandbox } from './register';
import { handleSandboxSubscribe } from './sandbox-aggregator';
import { postSandboxSubscribe } from './sandbox-route';
import { ensureSandboxTables } from './sandbox-tables';

let handle: DatabaseHandle;
const parcel = { carrierCode: 'shunfeng', trackingNumber: 'SF1400000000017' };
const tablesIn = (schema: string) =>
  queryRows<{ table_name: string }>(
    handle.db,
    sql`
  select table_name from information_schema.tables where table_schema = ${schema} order by table_name`,
  );

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterEach(() => unregisterTrackingSandbox());
afterAll(async () => handle?.close());

describe(`the tracking sandbox plugs in from outside production code (${testDatabaseKind})`, () => {
  it('the production schema has no sandbox tables; the sandbox creates its own, idempotently', async () => {
    expect(
      (await tablesIn('public'))
        .map((t) => t.table_name)
        .filter((name) => name.includes('sandbox') && name.startsWith('kuaidi100')),
    ).toEqual([]);
    expect(await tablesIn('kuaidi100_sandbox')).toEqual([]);
    await ensureSandboxTables(handle.db);
    // another database object runs the DDL again, several at once: nothing fails, nothing doubles
    await Promise.all([1, 2, 3].map(() => handle.db.transaction((tx) => ensureSandboxTables(tx))));
    expect((await tablesIn('kuaidi100_sandbox')).map((t) => t.table_name)).toEqual(['parcels', 'pushes']);
  });

  it('without the sandbox, sandbox mode refuses with a reason, its routes are not found and its clock does not run', async () => {
    expect(isSandboxTrackingRegistered()).toBe(false);
    const provider = await getTrackingProvider(handle.db);
    expect(await provider.subscribe(parcel)).toMatchObject({
      ok: false,
      code: 'subscribe_failed',
      message: expect.stringContaining('TRACKING_SANDBOX=1'),
    });
    expect(await provider.query(parcel)).toMatchObject({ ok: false, code: 'query_failed' });
    expect(provider.parsePush({ param: '{}', sign: 'x' })).toMatchObject({ ok: false, code: 'sandbox_off' });
    const answer = await postSandboxSubscribe(
      new Request('http://console.test/sandbox/kuaidi100/poll', { method: 'POST', body: 'schema=json' }),
    );
    expect(answer.status).toBe(404);
    expect(listJobNames()).not.toContain('sandbox_tracking_pushes');
    expect((await runAllJobs(handle.db)).map((o) => o.name)).not.toContain('sandbox_tracking_pushes');
  });

  it("registered, it is the Kuaidi100 adapter at this server's sandbox address, and its clock is one more job", async () => {
    await registerTrackingSandbox(handle.db);
    const config = DEFAULT_SETTINGS.kuaidi100;
    const calls: string[] = [];
    const provider = await getTrackingProvider(handle.db, {
      fetch: async (url, init) => {
        calls.push(String(url));
        const form = Object.fromEntries(new URLSearchParams(String(init?.body ?? '')));
        return Response.json((await handleSandboxSubscribe(handle.db, config, form, pushUrlOf(config))).body);
      },
    });
    expect(await provider.subscribe(parcel)).toEqual({ ok: true, data: undefined });
    expect(calls).toEqual([`${appBaseUrl()}${KUAIDI100_SANDBOX_PATH}/poll`]);
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from kuaidi100_sandbox.pushes`,
    );
    expect(row.n).toBe(4);
    expect(listJobNames().at(-1)).toBe('sandbox_tracking_pushes');
    const outcomes = await runAllJobs(handle.db);
    // the scripted pushes are not due yet: the clock ran and sent nothing
    expect(outcomes.find((o) => o.name === 'sandbox_tracking_pushes')).toMatchObject({
      result: { sent: 0, failed: 0 },
    });
  });

  it('is on in development and tests, on a production server only when asked for', () => {
    expect(isTrackingSandboxEnabled({ NODE_ENV: 'development' })).toBe(true);
    expect(isTrackingSandboxEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(isTrackingSandboxEnabled({ NODE_ENV: 'production', TRACKING_SANDBOX: '1' })).toBe(true);
    expect(isTrackingSandboxEnabled({ NODE_ENV: 'development', TRACKING_SANDBOX: '0' })).toBe(false);
  });
});
