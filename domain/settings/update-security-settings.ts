import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import { recordAudit } from '@/domain/shared/record-audit';
import { ok, type Result } from '@/domain/shared/result';
import { getSetting } from './get-setting';
import { ZSecuritySettings, type TSecuritySettings } from './setting-defaults';

export { ZSecuritySettings };

/**
 * Saves the session lifetimes and the roles that must use two-factor sign-in, audited with before
 * and after. Shorter lifetimes apply to open sessions on their next request.
 */
export async function updateSecuritySettings(
  db: Database,
  input: TSecuritySettings & { staffId: number; ip?: string | null },
): Promise<Result<TSecuritySettings>> {
  const value = ZSecuritySettings.parse({
    sessionIdleMinutes: input.sessionIdleMinutes,
    sessionAbsoluteDays: input.sessionAbsoluteDays,
    totpRequiredRoles: [...new Set(input.totpRequiredRoles)],
  });
  return db.transaction(async (tx) => {
    const before = await getSetting(tx, 'security');
    await tx
      .insert(settings)
      .values({ key: 'security', value, updatedBy: input.staffId, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: sql`excluded.value`, updatedBy: input.staffId, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.staffId,
      action: 'settings.security.update',
      targetType: 'settings',
      targetId: 'security',
      details: { before, after: value },
      ip: input.ip,
    });
    return ok(value);
  });
}
