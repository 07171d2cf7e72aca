import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { baseAuthConfig } from '@/lib/auth/config';
import {
  API_CONTENT_SECURITY_POLICY,
  applySecurityHeaders,
  createNonce,
  isHttpsRequest,
  pageContentSecurityPolicy,
} from '@/lib/http/security-headers';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/log/request-id';

// Kept in step with PATHNAME_HEADER in lib/auth/current-staff.ts (not imported: that module pulls in the database).
const PATHNAME_HEADER = 'x-oms-pathname';

// Paths that need no session here: sign-in, the load balancers' health and readiness checks, next-auth's own
// routes, the REST API, webhooks (tracking pushes, payment and refund notifications) and internal JSON routes
// (they authenticate themselves), the provider sandboxes (they play the payment providers and the tracking
// aggregator, for buyers and servers without a staff session; their staff pages check the session themselves),
// and files with an extension (CSV and PDF routes check the session themselves).
const NO_SESSION =
  /^\/(?:sign-in|api\/health|api\/ready|api\/auth|api\/v1|api\/webhooks|api\/logistics|api\/payments\/notify|api\/payments\/refund-notify|api\/internal|api\/e2e|sandbox)|^\/.*\.[a-zA-Z0-9]+$/;
// JSON, CSV and PDF answers: they get the policy that allows nothing (sandbox routes get the page policy: harmless)
const ROUTE_HANDLER = /^\/api\/|^\/.*\.(?:csv|pdf)$/;

const { auth } = NextAuth(() => baseAuthConfig());

interface Security {
  nonce: string;
  csp: string;
  isHttps: boolean;
  requestId: string;
}

/** Forwards the request with the page's CSP on it (Next takes the nonce from there for its own scripts). */
function forward(request: NextRequest, security: Security, extra: Record<string, string> = {}): NextResponse {
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', security.csp);
  headers.set('x-nonce', security.nonce);
  headers.set(REQUEST_ID_HEADER, security.requestId);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return NextResponse.next({ request: { headers } });
}

/**
 * Sends signed-out page requests to sign-in. This only checks that the session cookie decrypts;
 * whether the session is still valid is checked against the database by the page
 * (requireStaff), which also redirects to sign-in when it is not.
 */
function withSession(security: Security) {
  return auth((request) => {
    const { pathname, search } = request.nextUrl;
    if (!request.auth?.sessionId) {
      const signIn = new URL('/sign-in', request.nextUrl.origin);
      if (pathname !== '/') signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
      return NextResponse.redirect(signIn);
    }
    return forward(request, security, { [PATHNAME_HEADER]: `${pathname}${search}` });
  });
}

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  const isHttps = isHttpsRequest(request.nextUrl, request.headers.get('x-forwarded-proto'));
  // one id per request, for every log line the request causes and the answer's X-Request-Id
  const requestId = requestIdFrom(request.headers);
  if (ROUTE_HANDLER.test(pathname)) {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    const response = NextResponse.next({ request: { headers } });
    applySecurityHeaders(response.headers, API_CONTENT_SECURITY_POLICY, isHttps);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }
  const nonce = createNonce();
  const security = {
    nonce,
    isHttps,
    requestId,
    csp: pageContentSecurityPolicy({
      nonce,
      isHttps,
      isDev: process.env.NODE_ENV === 'development',
      isSandbox: pathname.startsWith('/sandbox/'),
    }),
  };
  let response: Response;
  if (NO_SESSION.test(pathname)) {
    response = forward(request, security);
  } else {
    // With a lazily built config next-auth hands back the wrapped handler as a promise (its types say otherwise).
    const handler = await withSession(security);
    response = (await handler(request, event as unknown as Parameters<typeof handler>[1])) as Response;
  }
  applySecurityHeaders(response.headers, security.csp, isHttps);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Everything but Next's build assets: every page and route handler gets the security headers.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
