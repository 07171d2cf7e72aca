import type { Payment, Refund } from '@/db/schema/payments';
import type { RefundGatewayConfig } from '../gateway-config';

/** One HTTP exchange with a provider's gateway; injected so tests and the sandbox can stand in for the network. */
export interface GatewayRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}
export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
export type GatewayTransport = (request: GatewayRequest) => Promise<GatewayResponse>;

/**
 * What a provider said about a refund, once its answer was verified:
 * - `succeeded` / `failed`: final;
 * - `processing`: accepted, the result comes in a notification or a later query;
 * - `not_found` (queries): the provider has no such refund;
 * - `error`: no trustworthy answer (unreachable, bad signature, malformed): nothing changes, try again.
 */
export type RefundAnswer =
  | { kind: 'succeeded'; providerRefundId: string | null; amountCents: number | null }
  | { kind: 'processing'; providerRefundId: string | null }
  | { kind: 'failed'; providerRefundId: string | null; detail: string }
  | { kind: 'not_found'; detail: string }
  | { kind: 'error'; detail: string };

/** The refund and the payment it pays back, as a provider client needs them. */
export interface RefundContext {
  refund: Refund;
  payment: Payment;
}

/** Each provider's refund operations, all through the configured gateway. */
export interface ProviderRefundClient {
  submit(config: RefundGatewayConfig, context: RefundContext): Promise<RefundAnswer>;
  query(config: RefundGatewayConfig, context: RefundContext): Promise<RefundAnswer>;
}

/** Calls the transport; a network failure is an `error` answer, never a throw. */
export async function exchange(config: RefundGatewayConfig, request: GatewayRequest): Promise<GatewayResponse | { error: string }> {
  try {
    return await config.transport(request);
  } catch (error) {
    return { error: `gateway unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Asia/Shanghai wall-clock time (UTC+8, no DST) in the providers' formats. */
export function shanghaiTime(date: Date): { dateTime: string; compact: string } {
  const iso = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  return { dateTime: `${iso.slice(0, 10)} ${iso.slice(11, 19)}`, compact: iso.slice(0, 19).replace(/[-T:]/g, '') };
}
