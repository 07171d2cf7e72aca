import type { ProviderHttpResponse } from '@/domain/payments/provider-transport';
import { handleSandboxApi } from '@/domain/payments/sandbox/sandbox-api';
import { isSandboxAllowed } from '@/domain/payments/payment-methods-config';
import { paymentsContextFor } from '@/lib/payments/context';

/** The sandbox does not exist on a production server unless PAYMENTS_SANDBOX=1. */
export function sandboxRefused(): Response | null {
  return isSandboxAllowed(process.env) ? null : new Response('not found', { status: 404 });
}

export function toResponse(answer: ProviderHttpResponse): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** A sandbox provider API over HTTP: the same handler the console calls in-process. */
export async function serveSandboxApi(request: Request): Promise<Response> {
  const refused = sandboxRefused();
  if (refused) return refused;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => { headers[name] = value; });
  const method = request.method === 'GET' ? 'GET' : 'POST';
  const body = method === 'GET' ? '' : await request.text();
  return toResponse(await handleSandboxApi(paymentsContextFor(request), { method, url: request.url, headers, body }));
}

export const plainError = (status: number, message: string) => new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
