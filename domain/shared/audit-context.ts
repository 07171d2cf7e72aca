import { AsyncLocalStorage } from 'node:async_hooks';

/** What the audit log learns from the request an actor acted through (the client's address). */
export interface AuditContext {
  ip: string | null;
}

const storage = new AsyncLocalStorage<AuditContext>();

/**
 * Runs one request's operation with its audit context, so every audit row it writes records where
 * the actor acted from without each domain operation taking the address as a parameter. The
 * action and API wrappers call it; timers and scripts run without one (no address).
 */
export function withAuditContext<T>(context: AuditContext, run: () => Promise<T>): Promise<T> {
  return storage.run(context, run);
}

/** The audit context of the operation running now, if it came through a request. */
export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}
