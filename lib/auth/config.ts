import type { NextAuthConfig } from 'next-auth';
import { SESSION_MAX_AGE_SECONDS } from '@/domain/staff/session-lifetime';
import { getAuthSecret } from './secret';

declare module 'next-auth' {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}
declare module '@auth/core/jwt' {
  interface JWT {
    sid?: string;
  }
}

/**
 * The part of the next-auth setup the proxy shares with the app: no providers, no database.
 * The JWT carries only the staff_sessions row id; who the person is and what they may do is read
 * from the database on every request (lib/auth/current-staff.ts).
 */
export function baseAuthConfig(): NextAuthConfig {
  return {
    trustHost: true,
    secret: getAuthSecret(),
    pages: { signIn: '/sign-in', error: '/sign-in' },
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user?.sessionId) token.sid = user.sessionId;
        return token;
      },
      session({ session, token }) {
        session.sessionId = token.sid;
        return session;
      },
    },
  };
}
