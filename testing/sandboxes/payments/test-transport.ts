import { plugInPaymentsSandbox } from '@/domain/payments/providers/sandbox-slot';
import { sandboxProviderSource } from './source';
import type { SandboxNotification } from './world';

/** Notifications the sandbox "sent" during a test, in order; tests deliver them (or drop them) themselves. */
const outbox: SandboxNotification[] = [];

/** Plugs the sandbox in for a test file, keeping its notifications instead of posting them. */
export function plugInTestSandbox(): void {
  plugInPaymentsSandbox(
    sandboxProviderSource((notification) => {
      outbox.push(notification);
    }),
  );
}

/** The notifications sent since the last call. */
export function takeSandboxNotifications(): SandboxNotification[] {
  return outbox.splice(0);
}
