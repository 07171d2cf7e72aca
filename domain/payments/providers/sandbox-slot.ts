import type { ProviderMethod } from '../payment-methods-config';
import type { PaymentsContext, PaymentsRequestContext } from './resolve-provider';
import type { ProviderSetup } from './types';

/**
 * Where a sandbox plugs in: one more source of provider configuration (and its own transport),
 * filled by the composition root (instrumentation.ts, tests) only where the sandbox is allowed.
 * Production code never imports the sandbox; without it, sandbox mode is simply unavailable.
 */
export interface SandboxProviderSource {
  resolve(
    ctx: PaymentsContext & Partial<Pick<PaymentsRequestContext, 'origin'>>,
    method: ProviderMethod,
  ): Promise<ProviderSetup>;
}

// on globalThis: instrumentation and the route bundles are separate module graphs in one process
const SLOT = Symbol.for('order-console.payments.sandbox-source');
type Slot = { [SLOT]?: SandboxProviderSource };

export function plugInPaymentsSandbox(source: SandboxProviderSource | undefined): void {
  (globalThis as Slot)[SLOT] = source;
}

export function pluggedPaymentsSandbox(): SandboxProviderSource | undefined {
  return (globalThis as Slot)[SLOT];
}
