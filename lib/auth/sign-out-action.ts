'use server';

// TEMPORARY placeholder so the shell's sign-out button compiles; the auth branch replaces this
// file with the real action (revoke the session row, clear the cookie).
import { redirect } from 'next/navigation';

export async function signOutAction(): Promise<void> {
  redirect('/sign-in');
}
