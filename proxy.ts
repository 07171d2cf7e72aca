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
  // Not for: sign-in, the load balancers' health and readiness checks, next-auth's own routes, the REST API, webhooks (tracking pushes, payment and refund
  // notifications) and internal JSON routes (they authenticate themselves), the provider sandboxes (they play the
  // payment providers and the tracking aggregator, for buyers and servers without a staff session; their staff
  // pages check the session themselves), Next's assets, and files with an extension (public/ assets).
  matcher: ['/((?!sign-in|api/health|api/ready|api/auth|api/v1|api/webhooks|api/logistics|api/payments/notify|api/payments/refund-notify|api/internal|api/e2e|sandbox|_next|favicon|.*\\.[a-zA-Z0-9]+$).*)'],
};
