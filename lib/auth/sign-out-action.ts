'use server';

import { getDb } from '@/db/client';
import { revokeStaffSession } from '@/domain/staff/revoke-staff-session';
import { auth, signOut } from './auth';

/** Ends the session on the server (the cookie alone is no longer accepted) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) await revokeStaffSession(getDb(), session.sessionId);
  await signOut({ redirectTo: '/sign-in' });
}
