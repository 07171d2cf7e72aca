import { eq } from 'drizzle-orm';
import { payments, type Payment } from '@/db/schema/payments';
import { fail, ok, type Result } from '@/domain/shared/result';
import {
  applyPaymentResult,
  type ApplyOutcome,
  type ApplyPaymentError,
  type ProviderPaymentReport,
} from './apply-payment-result';
import { isProviderMethod } from './attempts';
import { PAYMENT_PROVIDERS } from './providers';
import { resolveProvider, type PaymentsRequestContext, type ResolveProviderError } from './providers/resolve-provider';
import type { ProviderTransport } from './providers/transport';
import type { PaymentQueryError } from './providers/types';

/**
 * Failure codes: `not_found`, `manual_method`, the resolveProvider codes, `provider_error`
 * (unreachable or an answer we cannot read), `bad_signature` (the answer is not signed by the
 * provider), `unknown_out_trade_no` (the provider has no such trade: the buyer never opened the
 * pay page), and applyPaymentResult's codes. Nothing changes on any failure.
 */
export type QueryPaymentStatusError =
  'not_found' | 'manual_method' | ResolveProviderError | PaymentQueryError | ApplyPaymentError;

export interface QueriedStatus {
  /** the provider's own word (TRADE_SUCCESS, NOTPAY, origRespCode 00...) */
  providerState: string;
  outcome: ApplyOutcome;
}

type Read = Result<{ report: ProviderPaymentReport; providerState: string }, QueryPaymentStatusError>;

/**
 * Asks the provider for the attempt's current state (alipay.trade.query, WeChat Pay query by
 * out_trade_no, UnionPay queryTrans), verifies the signed answer, and applies it through the same
 * idempotent path as a notification.
 */
export async function queryPaymentStatus(
  ctx: PaymentsRequestContext,
  input: { paymentId: number; transport?: ProviderTransport; now?: Date },
): Promise<Result<QueriedStatus, QueryPaymentStatusError>> {
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, input.paymentId));
  if (!payment) return fail('not_found', `payment ${input.paymentId} does not exist`);
  const read = await readProviderStatus(ctx, payment, input);
  if (!read.ok) return read;
  const applied = await applyPaymentResult(ctx.db, read.data.report);
  if (!applied.ok) return applied;
  return ok({ providerState: read.data.providerState, outcome: applied.data.outcome });
}

/**
 * Only the asking part of queryPaymentStatus: the provider's verified word on one attempt, as a
 * report for applyPaymentResult, changing nothing (reconciliation asks first and applies later).
 */
export async function readProviderStatus(
  ctx: PaymentsRequestContext,
  payment: Payment,
  input: { transport?: ProviderTransport; now?: Date } = {},
): Promise<Read> {
  if (!isProviderMethod(payment.method)) return fail('manual_method', `${payment.method} has no provider to ask`);
  const resolved = await resolveProvider(ctx, payment.method);
  if (!resolved.ok) return resolved;
  const setup = input.transport ? { ...resolved.data, transport: input.transport } : resolved.data;
  return PAYMENT_PROVIDERS[payment.method].queryPayment(setup, payment, input.now ?? new Date());
}
