import { openAlipayCheckout } from '@/domain/payments/sandbox/sandbox-checkout';
import { paymentsContextFor } from '@/lib/payments/context';
import { plainError, sandboxRefused, serveSandboxApi } from '../../_lib/sandbox-route';

/** The sandbox Alipay gateway: GET opens the cashier for alipay.trade.page.pay, POST serves the API (alipay.trade.query). */
export async function GET(request: Request) {
  const refused = sandboxRefused();
  if (refused) return refused;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const opened = await openAlipayCheckout(paymentsContextFor(request), params);
  if (!opened.ok) return plainError(400, opened.message);
  return Response.redirect(new URL(`/sandbox/alipay/pay/${opened.data.tradeId}`, request.url), 303);
}

export const POST = serveSandboxApi;
