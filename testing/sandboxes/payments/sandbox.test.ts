import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { Factories } from '@/testing/factories/factories';
import { orders } from '@/db/schema/orders';
import { payments, type Payment } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createPaymentAttempt, type PaymentsRequestContext } from '@/domain/payments/attempts';
import { receivePaymentNotification } from '@/domain/payments/notifications/receive-notification';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { FINANCE, paymentsFactories, paymentsTestContext, pendingOrder } from '@/testing/payments-testing';
import { queryPaymentStatus } from '@/domain/payments/query-payment-status';
import { completeSandboxCheckout, openAlipayCheckout, openUnionPayCheckout, type NotificationSender } from './checkout';
import { findSandboxTrade, SANDBOX_TRADE_ID } from './books';
import { appSandboxWorld } from './source';
import type { SandboxWorld } from './world';
import { providerTradeQuery } from '@/domain/payments/reconciliation/provider-ports';
import { reconcilePayments } from '@/domain/payments/reconciliation/reconcile-payments';

let handle: DatabaseHandle;
let f: Factories;
let ctx: PaymentsRequestContext;
let world: SandboxWorld;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = paymentsFactories(handle, 93);
  ctx = paymentsTestContext(handle);
  world = await appSandboxWorld(ctx);
});
afterAll(async () => handle?.close());

const SLUG_METHOD: Record<string, ProviderMethod> = {
  alipay: 'alipay',
  'wechat-pay': 'wechat_pay',
  unionpay: 'unionpay',
};
/** Delivers to our webhook in-process, as the HTTP route would. */
const deliverHere: NotificationSender = async (url, notification) => {
  const method = SLUG_METHOD[url.split('/').pop() ?? ''];
  const answer = await receivePaymentNotification(ctx, method, {
    headers: notification.headers,
    body: notification.body,
  });
  return `${answer.status} ${answer.body}`.trim();
};
const dropped: NotificationSender = async () => 'dropped';

async function attempt(method: ProviderMethod): Promise<Payment> {
  const order = await pendingOrder(f);
  const created = await createPaymentAttempt(ctx, { orderId: order.id, method, actor: FINANCE });
  if (!created.ok) throw new Error(created.message);
  return created.data;
}

/** What the buyer's browser does with the checkout: open the sandbox cashier. */
async function openCheckout(payment: Payment): Promise<string> {
  const checkout = payment.checkout;
  if (checkout?.kind === 'redirect') {
    const opened = await openAlipayCheckout(world, Object.fromEntries(new URL(checkout.url).searchParams));
    if (!opened.ok) throw new Error(opened.message);
    return opened.data.tradeId;
  }
  if (checkout?.kind === 'form') {
    const opened = await openUnionPayCheckout(world, new URLSearchParams(checkout.fields).toString());
    if (!opened.ok) throw new Error(opened.message);
    return opened.data.tradeId;
  }
  if (checkout?.kind === 'qr') return checkout.codeUrl.split('/').pop() ?? '';
  throw new Error('no checkout');
}

const orderStatus = async (payment: Payment) =>
  (await handle.db.select().from(orders).where(eq(orders.id, payment.orderId)))[0].status;
const attemptStatus = async (payment: Payment) =>
  (await handle.db.select().from(payments).where(eq(payments.id, payment.id)))[0].status;

describe(`the provider sandbox (${testDatabaseKind})`, () => {
  for (const method of ['alipay', 'wechat_pay', 'unionpay'] as const) {
    it(`${method}: the buyer pays on the sandbox page, the sandbox notifies our webhook, the order is paid and the buyer goes back`, async () => {
      const payment = await attempt(method);
      const tradeId = await openCheckout(payment);
      // a trade token as real providers hand out: unguessable, never the next number
      expect(tradeId).toMatch(SANDBOX_TRADE_ID);
      const done = await completeSandboxCheckout(world, {
        provider: method,
        tradeId,
        action: 'pay',
        send: deliverHere,
      });
      expect(done.ok && done.data.notifyAnswer).toBe(
        { alipay: '200 success', wechat_pay: '204', unionpay: '200 ok' }[method],
      );
      expect(done.ok && done.data.redirectTo).toBe(
        method === 'wechat_pay' ? null : `${ctx.origin}/orders/${payment.orderId}`,
      );
      expect(await orderStatus(payment)).toBe('paid');
      // a status query afterwards finds the same transaction: nothing more to do
      expect(await queryPaymentStatus(ctx, { paymentId: payment.id })).toMatchObject({
        ok: true,
        data: { outcome: 'duplicate' },
      });
    });

    it(`${method}: a lost notification is made good by a status query answered from the sandbox's books`, async () => {
      const payment = await attempt(method);
      if (method !== 'wechat_pay') {
        expect(await queryPaymentStatus(ctx, { paymentId: payment.id })).toMatchObject({
          ok: false,
          code: 'unknown_out_trade_no',
        });
      }
      const tradeId = await openCheckout(payment);
      expect(await queryPaymentStatus(ctx, { paymentId: payment.id })).toMatchObject({
        ok: true,
        data: { outcome: 'still_pending' },
      });
      await completeSandboxCheckout(world, { provider: method, tradeId, action: 'pay', send: dropped });
      expect(await orderStatus(payment)).toBe('pending_payment');
      const queried = await queryPaymentStatus(ctx, { paymentId: payment.id });
      expect(queried).toMatchObject({
        ok: true,
        data: {
          outcome: 'paid',
          providerState: { alipay: 'TRADE_SUCCESS', wechat_pay: 'SUCCESS', unionpay: 'origRespCode 00' }[method],
        },
      });
      expect(await orderStatus(payment)).toBe('paid');
    });
  }

  it('the reconciliation job settles a stale attempt whose notification was lost, asking the provider as finance would', async () => {
    const payment = await attempt('alipay');
    const tradeId = await openCheckout(payment);
    await completeSandboxCheckout(world, { provider: 'alipay', tradeId, action: 'pay', send: dropped });
    await handle.db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - 30 * 60_000) })
      .where(eq(payments.id, payment.id));
    const first = await reconcilePayments(handle.db, { tradeQuery: providerTradeQuery(ctx) });
    expect(first.attempts.succeeded).toBeGreaterThanOrEqual(1);
    expect(await orderStatus(payment)).toBe('paid');
    expect(await attemptStatus(payment)).toBe('succeeded');
    // settled: the next run does not ask about it again
    const second = await reconcilePayments(handle.db, { tradeQuery: providerTradeQuery(ctx) });
    expect(second.attempts.succeeded).toBe(0);
  });

  it('Fail notifies a failure: the attempt is closed or failed, the order still waits for payment', async () => {
    const alipay = await attempt('alipay');
    await completeSandboxCheckout(world, {
      provider: 'alipay',
      tradeId: await openCheckout(alipay),
      action: 'fail',
      send: deliverHere,
    });
    expect(await attemptStatus(alipay)).toBe('closed');
    const unionpay = await attempt('unionpay');
    await completeSandboxCheckout(world, {
      provider: 'unionpay',
      tradeId: await openCheckout(unionpay),
      action: 'fail',
      send: deliverHere,
    });
    expect(await attemptStatus(unionpay)).toBe('failed');
    expect(await orderStatus(unionpay)).toBe('pending_payment');
  });

  it('Abandon sends nothing and leaves the trade open', async () => {
    const payment = await attempt('alipay');
    const tradeId = await openCheckout(payment);
    let sent = 0;
    const done = await completeSandboxCheckout(world, {
      provider: 'alipay',
      tradeId,
      action: 'abandon',
      send: async () => {
        sent += 1;
        return '';
      },
    });
    expect(done.ok && done.data.redirectTo).toBe(`${ctx.origin}/orders/${payment.orderId}`);
    expect(sent).toBe(0);
    expect((await findSandboxTrade(handle.db, 'alipay', payment.outTradeNo))?.status).toBe('open');
  });

  it('the sandbox refuses a pay request whose amount was changed after the merchant signed it', async () => {
    const payment = await attempt('alipay');
    if (payment.checkout?.kind !== 'redirect') throw new Error('expected a redirect');
    const params = Object.fromEntries(new URL(payment.checkout.url).searchParams);
    params.biz_content = params.biz_content.replace(/"total_amount":"[^"]+"/, '"total_amount":"0.01"');
    expect(await openAlipayCheckout(world, params)).toMatchObject({ ok: false, code: 'bad_signature' });
  });
});
