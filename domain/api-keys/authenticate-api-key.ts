import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiKeys } from '@/db/schema/staff';
import type { Actor } from '@/domain/shared/actor';
import type { StaffRole } from '@/domain/staff/roles';
import { apiKeyMatches, apiKeyPrefix } from './api-key-token';

export interface ApiCaller {
  apiKeyId: number;
  name: string;
  role: StaffRole;
  actor: Actor;
}

/** last_used_at is a hint for people, not a log: written at most once a minute per key. */
const LAST_USED_RESOLUTION = sql`now() - interval '1 minute'`;

/**
 * The caller of an API request from its `Authorization: Bearer oc_...` header, or null when the
 * header is missing, malformed, names no key, the secret does not match, or the key is revoked.
 */
export async function authenticateApiKey(db: Database, authorization: string | null): Promise<ApiCaller | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  const key = match?.[1];
  const prefix = key ? apiKeyPrefix(key) : null;
  if (!key || !prefix) return null;
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role, keyHash: apiKeys.keyHash })
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)));
  if (!row || !apiKeyMatches(key, row.keyHash)) return null;
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, LAST_USED_RESOLUTION))));
  return {
    apiKeyId: row.id,
    name: row.name,
    role: row.role,
    actor: { type: 'api_key', id: row.id, name: `API: ${row.name}` },
  };
}
