import { z } from 'zod';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { PROVIDER_SLUGS } from '@/domain/payments/notify-urls';
import { completeSandboxCheckout } from '@/domain/payments/sandbox/sandbox-checkout';
import { paymentsContextFor } from '@/lib/payments/context';
import { plainError, sandboxRefused } from './sandbox-route';

const ZAction = z.object({ action: z.enum(['pay', 'fail', 'abandon']) });

/** POST /sandbox/<provider>/pay/<id>/complete: the buyer's button; notifies the merchant, then sends the buyer back. */
export function completeRoute(provider: ProviderMethod) {
  return async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const refused = sandboxRefused();
    if (refused) return refused;
    const id = Number((await params).id);
    const parsed = ZAction.safeParse(Object.fromEntries(await request.formData()));
    if (!Number.isSafeInteger(id) || id <= 0 || !parsed.success) return plainError(400, 'action must be pay, fail or abandon');
    const done = await completeSandboxCheckout(paymentsContextFor(request), { provider, tradeId: id, action: parsed.data.action });
    if (!done.ok) return plainError(404, done.message);
    const next = done.data.redirectTo ?? `/sandbox/${PROVIDER_SLUGS[provider]}/pay/${id}`;
    return Response.redirect(new URL(next, request.url), 303);
  };
}
