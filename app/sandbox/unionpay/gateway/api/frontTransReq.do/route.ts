import { openUnionPayCheckout } from '@/domain/payments/sandbox/sandbox-checkout';
import { paymentsContextFor } from '@/lib/payments/context';
import { plainError, sandboxRefused } from '../../../../_lib/sandbox-route';

/** The sandbox UnionPay front gateway: the buyer's browser posts the merchant's signed form here. */
export async function POST(request: Request) {
  const refused = sandboxRefused();
  if (refused) return refused;
  const opened = await openUnionPayCheckout(paymentsContextFor(request), await request.text());
  if (!opened.ok) return plainError(400, opened.message);
  return Response.redirect(new URL(`/sandbox/unionpay/pay/${opened.data.tradeId}`, request.url), 303);
}
