import { z } from 'zod';
import { getDb } from '@/db/client';
import { PROVIDER_SLUGS } from '@/domain/payments/notify-urls';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { getAuthSecret } from '@/lib/auth/secret';
import { handleSandboxApi } from './api';
import { SANDBOX_TRADE_ID } from './books';
import { completeSandboxCheckout, openAlipayCheckout, openUnionPayCheckout } from './checkout';
import { isSandboxEnabled } from './register';
import { appSandboxWorld, deliverOverHttp } from './source';

/** What the thin /sandbox route files run: the sandbox providers over HTTP, 404 wherever the sandbox is off. */
const notFound = () => new Response('not found', { status: 404 });
const plainError = (status: number, message: string) =>
  new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
const world = () => appSandboxWorld({ db: getDb(), authSecret: getAuthSecret(), env: process.env });

/** A sandbox provider API (WeChat Pay v3, Alipay gateway POST, UnionPay back channel): the same handler the console calls in-process. */
export async function serveSandboxApi(request: Request): Promise<Response> {
  if (!isSandboxEnabled()) return notFound();
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const method = request.method === 'GET' ? 'GET' : 'POST';
  const body = method === 'GET' ? '' : await request.text();
  const exchange = await handleSandboxApi(await world(), { method, url: request.url, headers, body });
  if (exchange.notification) deliverOverHttp(exchange.notification);
  const { response } = exchange;
  return new Response(response.body || null, { status: response.status, headers: response.headers });
}

/** GET gateway.do?method=alipay.trade.page.pay&...: the buyer arrives with the merchant's signed request. */
export async function openAlipayCashier(request: Request): Promise<Response> {
  if (!isSandboxEnabled()) return notFound();
  const opened = await openAlipayCheckout(await world(), Object.fromEntries(new URL(request.url).searchParams));
  if (!opened.ok) return plainError(400, opened.message);
  return Response.redirect(new URL(`/sandbox/alipay/pay/${opened.data.tradeId}`, request.url), 303);
}

/** POST frontTransReq.do: the buyer's browser posts the merchant's signed form. */
export async function openUnionPayCashier(request: Request): Promise<Response> {
  if (!isSandboxEnabled()) return notFound();
  const opened = await openUnionPayCheckout(await world(), await request.text());
  if (!opened.ok) return plainError(400, opened.message);
  return Response.redirect(new URL(`/sandbox/unionpay/pay/${opened.data.tradeId}`, request.url), 303);
}

const ZAction = z.object({ action: z.enum(['pay', 'fail', 'abandon']) });

/** POST /sandbox/<provider>/pay/<trade id>/complete: the buyer's button; notifies the merchant, then sends the buyer back. */
export function completeRoute(provider: ProviderMethod) {
  return async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    if (!isSandboxEnabled()) return notFound();
    const { id } = await params;
    // a body that is not a form (wrong content type, broken encoding) is a bad request, not a crash
    const form = await request.formData().catch(() => new FormData());
    const parsed = ZAction.safeParse(Object.fromEntries(form));
    if (!SANDBOX_TRADE_ID.test(id) || !parsed.success) return plainError(400, 'action must be pay, fail or abandon');
    const done = await completeSandboxCheckout(await world(), { provider, tradeId: id, action: parsed.data.action });
    if (!done.ok) return plainError(404, done.message);
    const next = done.data.redirectTo ?? `/sandbox/${PROVIDER_SLUGS[provider]}/pay/${id}`;
    return Response.redirect(new URL(next, request.url), 303);
  };
}
