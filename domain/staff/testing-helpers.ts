import type { Database } from '@/db/client';
import { staffUsers } from '@/db/schema/staff';
import type { Clock } from '@/domain/shared/clock';
import { hashPassword } from './password';
import type { StaffRole } from './roles';

/** Inserts a staff account directly, for tests and scripts that need one before any admin exists. */
export async function insertStaffForTest(
  db: Database,
  values: { email: string; password: string; role: StaffRole; name?: string; isActive?: boolean },
): Promise<number> {
  const [row] = await db
    .insert(staffUsers)
    .values({
      email: values.email,
      name: values.name ?? values.email,
      role: values.role,
      passwordHash: await hashPassword(values.password),
      isActive: values.isActive ?? true,
    })
    .returning({ id: staffUsers.id });
  return row.id;
}

/** A clock that only moves when told to; sleeping advances it and is recorded. */
export function fakeClock(
  start = new Date('2026-03-02T09:00:00Z'),
): Clock & { sleeps: number[]; advance: (ms: number) => void } {
  let now = start.getTime();
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(now),
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** The AUTH_SECRET tests seal TOTP secrets with. */
export const TEST_AUTH_SECRET = 'test-auth-secret-not-for-production';
