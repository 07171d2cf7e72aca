import { after, NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { getRefundSandboxKeys, isSandboxEnabled, type RefundSandboxKeys } from '@/domain/payments/refunds/gateway-config';
import type { GatewayRequest } from '@/domain/payments/refunds/providers/types';
import type { SandboxExchange } from '@/domain/payments/sandbox/refunds/sandbox-book';

const NOTIFY_ATTEMPTS = 3;

/** Delivers the sandbox's notification after the answer, retrying like a provider (briefly) until acknowledged. */
async function deliver(notification: GatewayRequest) {
  for (let attempt = 1; attempt <= NOTIFY_ATTEMPTS; attempt++) {
    try {
      const response = await fetch(notification.url, { method: notification.method, headers: notification.headers, body: notification.body, signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // unreachable: try again, as the provider would
    }
    await new Promise((resolve) => setTimeout(resolve, attempt * 500));
  }
}

/** Runs a sandbox refund endpoint: 404 when the sandbox is off; the answer now, the notification after. */
export async function runRefundSandbox(handle: (keys: RefundSandboxKeys) => Promise<SandboxExchange>): Promise<Response> {
  if (!isSandboxEnabled()) return new NextResponse(null, { status: 404 });
  const exchange = await handle(await getRefundSandboxKeys(getDb()));
  const { notification } = exchange;
  if (notification) after(() => deliver(notification));
  return new NextResponse(exchange.response.body || null, { status: exchange.response.status, headers: exchange.response.headers });
}

export function headersOf(request: Request): Record<string, string> {
  return Object.fromEntries(request.headers.entries());
}
