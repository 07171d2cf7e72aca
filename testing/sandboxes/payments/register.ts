import { isSandboxAllowed } from '@/domain/payments/payment-methods-config';
import { plugInPaymentsSandbox } from '@/domain/payments/providers/sandbox-slot';
import { deliverOverHttp, sandboxProviderSource } from './source';

/** Plugs the payment sandbox into resolveProvider where it is allowed (development, tests, PAYMENTS_SANDBOX=1). */
export function registerPaymentsSandbox(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (!isSandboxEnabled(env)) return false;
  plugInPaymentsSandbox(sandboxProviderSource(deliverOverHttp));
  return true;
}

/** On in development and tests, in production only with PAYMENTS_SANDBOX=1; PAYMENTS_SANDBOX=0 turns it off anywhere. */
export function isSandboxEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.PAYMENTS_SANDBOX !== '0' && isSandboxAllowed(env);
}
