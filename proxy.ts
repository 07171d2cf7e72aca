import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { baseAuthConfig } from '@/lib/auth/config';

// Kept in step with PATHNAME_HEADER in lib/auth/current-staff.ts (not imported: that module pulls in the database).
const PATHNAME_HEADER = 'x-oms-pathname';

const { auth } = NextAuth(() => baseAuthConfig());

/**
 * Sends signed-out page requests to sign-in. This only checks that the session cookie decrypts;
 * whether the session is still valid is checked against the database by the page
 * (requireStaff), which also redirects to sign-in when it is not.
 */
const withSession = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (!request.auth?.sessionId) {
    const signIn = new URL('/sign-in', request.nextUrl.origin);
    if (pathname !== '/') signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const headers = new Headers(request.headers);
  headers.set(PATHNAME_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
});

// With a lazily built config next-auth hands back the wrapped handler as a promise (its types say otherwise).
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handler = await withSession;
  return handler(request, event as unknown as Parameters<typeof handler>[1]);
}

export const config = {
  // Not for: sign-in, next-auth's own routes, the REST API, webhooks, payment notifications, the provider sandbox's
  // refund endpoints and internal JSON routes (they authenticate themselves or check signatures), Next's assets, and files with an extension (public/ assets).
  matcher: ['/((?!sign-in|api/auth|api/v1|api/webhooks|api/internal|api/e2e|api/payments|sandbox/[a-z-]+/refund|_next|favicon|.*\\.[a-zA-Z0-9]+$).*)'],
};
