import { getDb } from '@/db/client';
import { paymentsOrigin } from '@/domain/payments/notify-urls';
import type { PaymentsRequestContext } from '@/domain/payments/providers/resolve-provider';
import { getAuthSecret } from '@/lib/auth/secret';

/**
 * The payments context for server actions, route handlers and jobs alike. The origin providers
 * notify and buyers return to comes from configuration (PAYMENTS_PUBLIC_URL, else this server's
 * own address), never from a request's Host or X-Forwarded-Host: those are the caller's to forge.
 */
export function paymentsContext(
  env: Readonly<Record<string, string | undefined>> = process.env,
): PaymentsRequestContext {
  return { db: getDb(), authSecret: getAuthSecret(), env, ...paymentsOrigin(env) };
}

/** The payments context for a route handler: the request is deliberately not consulted for the origin. */
export const paymentsContextFor: (request: Request) => PaymentsRequestContext = () => paymentsContext();

/** The payments context of background jobs. */
export function paymentsContextForJobs(): PaymentsRequestContext {
  return paymentsContext();
}
