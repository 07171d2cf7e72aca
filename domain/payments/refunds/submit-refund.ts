import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { payments, refunds, type Refund } from '@/db/schema/payments';
import { appendOrderEvent } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { isProviderMethod } from '../attempts';
import { refundNotifyUrl } from '../notify-urls';
import { PAYMENT_PROVIDERS } from '../providers';
import { paymentsContextFromEnv, resolveProvider, type PaymentsRequestContext } from '../providers/resolve-provider';
import type { ProviderTransport } from '../providers/transport';
import type { ProviderSetup, RefundAnswer, RefundContext } from '../providers/types';
import { settleRefund } from './settle-refund';

export type { RefundAnswer, RefundContext } from '../providers/types';

/**
 * Failure codes: `not_found`; `not_pending` (already ended: params.status); `manual_method` (paid
 * back by a person: record the transfer instead); `not_configured` (the provider cannot be reached
 * with its configuration: see resolveProvider); `gateway_error` (no trustworthy answer: nothing
 * changed, try again; params.detail); `conflict` (ended meanwhile).
 */
export type RefundGatewayFailure =
  'not_found' | 'not_pending' | 'manual_method' | 'not_configured' | 'gateway_error' | 'conflict';

export interface RefundGatewayOutcome {
  refund: Refund;
  answer: RefundAnswer;
}

/** How a refund operation reaches the provider: the app's payments context; a transport only in tests. */
export interface RefundProviderOptions {
  payments?: PaymentsRequestContext;
  transport?: ProviderTransport;
}

async function loadContext(db: Database, refundId: number): Promise<RefundContext | null> {
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund) return null;
  const [payment] = await db.select().from(payments).where(eq(payments.id, refund.paymentId));
  return { refund, payment };
}

/** The provider that took the payment, with the same configuration its payments use (live or sandbox). */
export async function refundSetup(
  db: Database,
  context: RefundContext,
  options: RefundProviderOptions,
): Promise<Result<{ setup: ProviderSetup; payments: PaymentsRequestContext }, 'manual_method' | 'not_configured'>> {
  const { method } = context.payment;
  if (!isProviderMethod(method))
    return fail('manual_method', 'This payment is paid back by a person: record the transfer reference');
  const ctx = options.payments ? ok(options.payments) : paymentsContextFromEnv(db, process.env);
  if (!ctx.ok) return ctx;
  const resolved = await resolveProvider({ ...ctx.data, db }, method);
  if (!resolved.ok) return fail('not_configured', resolved.message);
  const setup = options.transport ? { ...resolved.data, transport: options.transport } : resolved.data;
  return ok({ setup, payments: ctx.data });
}

/**
 * Applies a provider's answer to a pending refund: final answers settle it (once, however many
 * answers race); an accepted refund keeps waiting for its notification, with the provider's id.
 */
export async function applyRefundAnswer(
  db: Database,
  refund: Refund,
  answer: RefundAnswer,
  source: 'gateway' | 'query' | 'reconciliation',
  actor: Actor,
): Promise<Result<RefundGatewayOutcome, RefundGatewayFailure>> {
  if (answer.kind === 'error') return fail('gateway_error', answer.detail, undefined, { detail: answer.detail });
  if (answer.kind === 'succeeded' || answer.kind === 'failed') {
    const settled = await settleRefund(db, {
      refundId: refund.id,
      outcome: answer.kind,
      providerRefundId: answer.providerRefundId,
      source,
      actor,
      detail: answer.kind === 'failed' ? answer.detail : undefined,
    });
    return settled.ok ? ok({ refund: settled.data.refund, answer }) : settled;
  }
  if (answer.kind === 'processing' && answer.providerRefundId && !refund.providerRefundId) {
    const [updated] = await db
      .update(refunds)
      .set({ providerRefundId: answer.providerRefundId })
      .where(sql`${refunds.id} = ${refund.id} and ${refunds.status} = 'pending'`)
      .returning();
    return ok({ refund: updated ?? refund, answer });
  }
  return ok({ refund, answer });
}

/**
 * Sends a pending refund to the provider that took the payment (outside any transaction: the
 * network is slow). Safe to repeat: providers treat the same out_refund_no as the same refund.
 */
export async function submitRefund(
  db: Database,
  input: { refundId: number; actor: Actor } & RefundProviderOptions,
): Promise<Result<RefundGatewayOutcome, RefundGatewayFailure>> {
  const context = await loadContext(db, input.refundId);
  if (!context) return fail('not_found', `No refund ${input.refundId}`);
  const { refund, payment } = context;
  if (refund.status !== 'pending')
    return fail('not_pending', `Refund ${refund.outRefundNo} is already ${refund.status}`, undefined, {
      status: refund.status,
    });
  const reached = await refundSetup(db, context, input);
  if (!reached.ok) return reached;
  const { setup, payments: ctx } = reached.data;
  const answer = await PAYMENT_PROVIDERS[setup.config.method].submitRefund(setup, context, {
    notifyUrl: refundNotifyUrl(ctx.origin, setup.config.method),
    now: new Date(),
  });
  if (answer.kind !== 'error') {
    await appendOrderEvent(db, {
      orderId: refund.orderId,
      kind: 'refund',
      actor: input.actor,
      message: null,
      details: {
        refundId: refund.id,
        amountCents: refund.amountCents,
        currency: refund.currency,
        submitted: payment.method,
        answer: answer.kind,
      },
    });
  }
  return applyRefundAnswer(db, refund, answer, 'gateway', input.actor);
}

/** Asks the provider where a refund stands and settles it when the answer is final. */
export async function queryRefund(
  db: Database,
  input: { refundId: number; actor: Actor; source?: 'query' | 'reconciliation' } & RefundProviderOptions,
): Promise<Result<RefundGatewayOutcome, RefundGatewayFailure>> {
  const context = await loadContext(db, input.refundId);
  if (!context) return fail('not_found', `No refund ${input.refundId}`);
  const reached = await refundSetup(db, context, input);
  if (!reached.ok)
    return reached.code === 'manual_method'
      ? fail('manual_method', 'This payment is paid back by a person: there is no provider to ask')
      : reached;
  const { setup } = reached.data;
  const answer = await PAYMENT_PROVIDERS[setup.config.method].queryRefund(setup, context, new Date());
  if (context.refund.status !== 'pending')
    return answer.kind === 'error'
      ? fail('gateway_error', answer.detail, undefined, { detail: answer.detail })
      : ok({ refund: context.refund, answer });
  return applyRefundAnswer(db, context.refund, answer, input.source ?? 'query', input.actor);
}
