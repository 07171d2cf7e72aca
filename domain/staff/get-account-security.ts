import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffUsers } from '@/db/schema/staff';
import { getSetting } from '@/domain/settings/get-setting';
import { countUnusedRecoveryCodes } from './second-factor';

export interface AccountSecurity {
  totpEnabled: boolean;
  /** the person's role must use two-factor sign-in (Settings → Staff → Security) */
  totpRequired: boolean;
  unusedRecoveryCodes: number;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  sessionIdleMinutes: number;
  sessionAbsoluteDays: number;
}

/** What the account page shows about a person's sign-in security. */
export async function getAccountSecurity(db: Database, staffId: number): Promise<AccountSecurity | null> {
  const [user] = await db
    .select({
      role: staffUsers.role,
      totpEnabledAt: staffUsers.totpEnabledAt,
      mustChangePassword: staffUsers.mustChangePassword,
      passwordChangedAt: staffUsers.passwordChangedAt,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId));
  if (!user) return null;
  const [security, unusedRecoveryCodes] = await Promise.all([
    getSetting(db, 'security'),
    countUnusedRecoveryCodes(db, staffId),
  ]);
  return {
    totpEnabled: Boolean(user.totpEnabledAt),
    totpRequired: security.totpRequiredRoles.includes(user.role),
    unusedRecoveryCodes: user.totpEnabledAt ? unusedRecoveryCodes : 0,
    mustChangePassword: user.mustChangePassword,
    passwordChangedAt: user.passwordChangedAt,
    sessionIdleMinutes: security.sessionIdleMinutes,
    sessionAbsoluteDays: security.sessionAbsoluteDays,
  };
}
