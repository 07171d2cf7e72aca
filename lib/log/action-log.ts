import { headers } from 'next/headers';
import type { Permission } from '@/domain/staff/permissions';
import { requestIdFrom } from './request-id';
import { logRequest } from './request-log';

// Kept in step with PATHNAME_HEADER in lib/auth/current-staff.ts (the proxy sets it on page requests).
const PATHNAME_HEADER = 'x-oms-pathname';

/** redirect() and notFound() travel as thrown errors with a NEXT_ digest: outcomes, not failures. */
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_');
}

/** One line per server action: the page it was posted from, the permission it needs, its outcome code. */
export async function logServerAction(entry: {
  permission: Permission | null;
  started: number;
  status: string;
  actor?: { id: number };
  error?: unknown;
}): Promise<void> {
  // outside a request (scripts, tests) there are no headers; a log line must never break the action
  let requestHeaders: Headers;
  try {
    requestHeaders = new Headers(await headers());
  } catch {
    requestHeaders = new Headers();
  }
  const page = (requestHeaders.get(PATHNAME_HEADER) ?? '').split('?')[0];
  const navigated = entry.error !== undefined && isNavigation(entry.error);
  logRequest({
    requestId: requestIdFrom(requestHeaders),
    route: `action ${entry.permission ?? 'signed-in'} ${page}`.trim(),
    status: navigated ? 'redirect' : entry.status,
    durationMs: performance.now() - entry.started,
    actor: entry.actor ? { type: 'staff', id: entry.actor.id } : null,
    error: navigated ? undefined : entry.error,
  });
}
