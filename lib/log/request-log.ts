import type { Actor } from '@/domain/shared/actor';
import { getLogger } from './logger';
import { requestIdFrom } from './request-id';

export interface RequestLogFields {
  requestId: string;
  /** what was asked: "GET /api/v1/orders", "action orders.write", "job cancel-unpaid-orders" */
  route: string;
  status: number | string;
  durationMs: number;
  actor?: Pick<Actor, 'type' | 'id'> | null;
  error?: unknown;
}

/** One line per request, action or webhook: errors (5xx or thrown) at error level, the rest at info. */
export function logRequest(fields: RequestLogFields): void {
  const { actor, error, durationMs, ...rest } = fields;
  const line = {
    ...rest,
    durationMs: Math.round(durationMs * 10) / 10,
    ...(actor ? { actorType: actor.type, actorId: actor.id } : {}),
    ...(error ? { err: error } : {}),
  };
  const failed = error !== undefined || (typeof fields.status === 'number' && fields.status >= 500);
  if (failed) getLogger().error(line, 'request failed');
  else getLogger().info(line, 'request');
}

/** The route as logged: method and path, never the query (it may carry a searched phone number). */
export function routeOf(request: Request): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}

/**
 * Wraps a route handler that has no other wrapper (webhooks, PDFs) so it logs one line per request;
 * a thrown error is logged and thrown on (Next answers 500).
 */
export function withRequestLog<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    const started = performance.now();
    const base = { requestId: requestIdFrom(request.headers), route: routeOf(request) };
    try {
      const response = await handler(request, ...rest);
      logRequest({ ...base, status: response.status, durationMs: performance.now() - started });
      return response;
    } catch (error) {
      logRequest({ ...base, status: 500, durationMs: performance.now() - started, error });
      throw error;
    }
  };
}
