import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import type { PaymentsRequestContext } from '@/domain/payments/attempts';
import { getAuthSecret } from '@/lib/auth/secret';

/**
 * The origin buyers and providers reach this console on: PAYMENTS_PUBLIC_URL when set (behind a
 * proxy or CDN), otherwise the host of the current request.
 */
export function originFromHeaders(requestHeaders: Headers): string {
  const configured = process.env.PAYMENTS_PUBLIC_URL?.replace(/\/$/, '');
  if (configured) return configured;
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost:3000';
  const proto = requestHeaders.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

/** The payments context for a server action or page. */
export async function paymentsContext(): Promise<PaymentsRequestContext> {
  return { db: getDb(), authSecret: getAuthSecret(), env: process.env, origin: originFromHeaders(await headers()) };
}

/** The payments context for a route handler, from its request. */
export function paymentsContextFor(request: Request): PaymentsRequestContext {
  return { db: getDb(), authSecret: getAuthSecret(), env: process.env, origin: originFromHeaders(request.headers) };
}

/** The payments context of background jobs: no request, so the origin is PAYMENTS_PUBLIC_URL or this server's own port. */
export function paymentsContextForJobs(): PaymentsRequestContext {
  const origin = process.env.PAYMENTS_PUBLIC_URL?.replace(/\/$/, '') ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  return { db: getDb(), authSecret: getAuthSecret(), env: process.env, origin };
}
