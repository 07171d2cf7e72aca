import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { apiKeys, auditLog } from '@/db/schema/staff';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { staffActor } from '@/domain/shared/actor';
import { apiKeyMatches, apiKeyPrefix, generateApiKey, hashApiKey } from './api-key-token';
import { authenticateApiKey } from './authenticate-api-key';
import { createApiKey, listApiKeys, revokeApiKey } from './manage-api-keys';

let handle: DatabaseHandle;
let f: Factories;
beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 77 });
});
afterAll(async () => handle?.close());

describe('API key tokens', () => {
  it('have a public prefix, a 256-bit secret, and are stored only as a hash', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^oc_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyPrefix(key)).toBe(prefix);
    expect(hash).toBe(hashApiKey(key));
    expect(hash).not.toContain(key.slice(-43));
    expect(apiKeyMatches(key, hash)).toBe(true);
    expect(apiKeyMatches(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, hash)).toBe(false);
    expect(apiKeyPrefix('oc_123_abc')).toBeNull();
    expect(generateApiKey().key).not.toBe(key);
  });
});

describe(`API keys (${testDatabaseKind})`, () => {
  it('creates a key shown once, authenticates it with its role, records use, and refuses it once revoked', async () => {
    const admin = await f.staff({ role: 'admin' });
    const created = await createApiKey(handle.db, {
      name: '店铺同步 Shop sync',
      role: 'operations',
      actor: staffActor(admin),
    });
    if (!created.ok) throw new Error(created.message);
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.data.id));
    expect(row.keyHash).toBe(hashApiKey(created.data.key));
    expect(JSON.stringify(row)).not.toContain(created.data.key.slice(-43));

    const caller = await authenticateApiKey(handle.db, `Bearer ${created.data.key}`);
    expect(caller).toMatchObject({
      apiKeyId: created.data.id,
      role: 'operations',
      actor: { type: 'api_key', id: created.data.id },
    });
    expect(
      (await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.data.id)))[0].lastUsedAt,
    ).not.toBeNull();

    expect(await authenticateApiKey(handle.db, null)).toBeNull();
    expect(await authenticateApiKey(handle.db, created.data.key)).toBeNull(); // no "Bearer"
    expect(await authenticateApiKey(handle.db, `Bearer ${created.data.key.slice(0, -2)}xx`)).toBeNull();
    expect(await authenticateApiKey(handle.db, `Bearer ${generateApiKey().key}`)).toBeNull();

    expect(await revokeApiKey(handle.db, { id: created.data.id, actor: staffActor(admin) })).toMatchObject({
      ok: true,
    });
    expect(await authenticateApiKey(handle.db, `Bearer ${created.data.key}`)).toBeNull();
    expect(await revokeApiKey(handle.db, { id: created.data.id, actor: staffActor(admin) })).toMatchObject({
      ok: false,
      code: 'not_found',
    });

    const listed = (await listApiKeys(handle.db)).find((k) => k.id === created.data.id);
    expect(listed).toMatchObject({ name: '店铺同步 Shop sync', createdByName: admin.name, role: 'operations' });
    expect(listed?.revokedAt).not.toBeNull();
    const audit = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, String(created.data.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['api_key.create', 'api_key.revoke']);
  });

  it('refuses a nameless key or an unknown role', async () => {
    const admin = await f.staff({ role: 'admin' });
    expect(await createApiKey(handle.db, { name: '  ', role: 'viewer', actor: staffActor(admin) })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await createApiKey(handle.db, { name: 'x', role: 'root' as never, actor: staffActor(admin) })).toMatchObject(
      { ok: false, code: 'invalid' },
    );
  });
});
