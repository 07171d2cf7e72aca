import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { revokeStaffSession } from '@/domain/staff/revoke-staff-session';
import { signInStaff } from '@/domain/staff/sign-in';
import { baseAuthConfig } from './config';
import { clientIpFromHeaders } from './client-ip';
import { getAuthSecret } from './secret';
import { StaffSignInError } from './sign-in-error';

const ZCredentials = z.object({
  email: z.string().max(320),
  password: z.string().max(1024),
  code: z.string().max(64).optional(),
});

/** The app's next-auth instance; built lazily so the secret is read at the first request, not at build. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = baseAuthConfig();
  return {
    ...base,
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, code: {} },
        async authorize(credentials, request) {
          const parsed = ZCredentials.safeParse(credentials);
          if (!parsed.success) throw new StaffSignInError('invalid_credentials');
          const result = await signInStaff(getDb(), {
            email: parsed.data.email,
            password: parsed.data.password,
            code: parsed.data.code,
            authSecret: getAuthSecret(),
            ip: clientIpFromHeaders(request.headers),
            userAgent: request.headers.get('user-agent'),
          });
          if (!result.ok) {
            throw new StaffSignInError(result.code, result.code === 'throttled' ? result.retryAfterMinutes : undefined);
          }
          const { staff, sessionId } = result.data;
          return { id: String(staff.id), name: staff.name, email: staff.email, sessionId };
        },
      }),
    ],
    events: {
      // covers a sign-out through /api/auth/signout as well as signOutAction
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (sid) await revokeStaffSession(getDb(), sid);
      },
    },
    logger: {
      // a wrong password is an expected outcome, not a server error worth a stack trace
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error(error);
      },
    },
  };
});
