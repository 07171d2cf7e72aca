import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { apiKeys, staffUsers } from '@/db/schema/staff';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { STAFF_ROLES, type StaffRole } from '@/domain/staff/roles';
import { generateApiKey } from './api-key-token';

export const ZCreateApiKey = z.object({
  name: z
    .string('settings.apiKeys.validation.name')
    .trim()
    .min(1, 'settings.apiKeys.validation.name')
    .max(60, 'settings.apiKeys.validation.nameTooLong'),
  role: z.enum(STAFF_ROLES, 'settings.apiKeys.validation.role'),
});

export interface ApiKeyListRow {
  id: number;
  name: string;
  prefix: string;
  role: StaffRole;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * Creates a key acting with a role's permissions (an integration that only creates orders gets
 * `operations`, a read-only report `viewer`). The key is returned this once and never stored.
 */
export async function createApiKey(
  db: Database,
  input: z.input<typeof ZCreateApiKey> & { actor: Actor },
): Promise<Result<{ id: number; key: string; prefix: string }, 'invalid'>> {
  const parsed = ZCreateApiKey.safeParse(input);
  if (!parsed.success) return fail('invalid', 'The API key has invalid fields');
  const { key, prefix, hash } = generateApiKey();
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: parsed.data.name,
        role: parsed.data.role,
        prefix,
        keyHash: hash,
        createdBy: input.actor.type === 'staff' ? input.actor.id : null,
      })
      .returning({ id: apiKeys.id });
    await recordAudit(tx, {
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: 'api_key.create',
      targetType: 'api_key',
      targetId: row.id,
      details: { name: parsed.data.name, role: parsed.data.role, prefix },
    });
    return ok({ id: row.id, key, prefix });
  });
}

/** Revoking is immediate: the next request with the key is refused. Failure: `not_found` (or already revoked). */
export async function revokeApiKey(
  db: Database,
  input: { id: number; actor: Actor },
): Promise<Result<{ id: number }, 'not_found'>> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (!row) return fail('not_found', `API key #${input.id} does not exist or is already revoked`);
    await recordAudit(tx, {
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: 'api_key.revoke',
      targetType: 'api_key',
      targetId: row.id,
      details: { name: row.name },
    });
    return ok({ id: row.id });
  });
}

/** Every key, newest first (a store has a handful). */
export async function listApiKeys(db: Database): Promise<ApiKeyListRow[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      createdByName: staffUsers.name,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(staffUsers, eq(staffUsers.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.id));
}
