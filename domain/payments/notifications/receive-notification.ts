import { applyPaymentResult } from '../apply-payment-result';
import type { ProviderMethod } from '../payment-methods-config';
import { PAYMENT_PROVIDERS } from '../providers';
import { resolveProvider, type PaymentsContext } from '../providers/resolve-provider';
import type { IncomingMessage, NotificationAnswer, PaymentProvider } from '../providers/types';
import { recordNotification } from './record-notification';

export type { NotificationAnswer } from '../providers/types';

/** What a webhook receives, as received: raw body (never re-serialised) and headers. */
export interface IncomingNotification extends IncomingMessage {
  now?: Date;
}

/**
 * The webhook flow for every provider: resolve our keys, verify and read the message with the
 * provider's rules, apply it through applyPaymentResult storing the notification in the same
 * transaction, and only then acknowledge. Anything refused is stored with its reason and changes nothing.
 */
async function receive(
  ctx: PaymentsContext,
  provider: PaymentProvider,
  input: IncomingNotification,
): Promise<NotificationAnswer> {
  const log = (entry: Omit<Parameters<typeof recordNotification>[1], 'method' | 'headers' | 'body'>) =>
    recordNotification(ctx.db, { method: provider.method, headers: input.headers, body: input.body, ...entry });
  const resolved = await resolveProvider(ctx, provider.method);
  if (!resolved.ok) {
    await log({ isVerified: false, outcome: 'rejected', error: resolved.code });
    return provider.notificationAnswers.refused({ reason: resolved.code, kind: 'unavailable', isVerified: false });
  }
  const read = provider.readPaymentNotification(resolved.data.config, input, input.now ?? new Date());
  if (!read.ok) {
    const { reason, detail } = read.rejection;
    await log({
      isVerified: read.rejection.isVerified,
      outcome: 'rejected',
      error: detail ? `${reason}: ${detail}` : reason,
    });
    return provider.notificationAnswers.refused(read.rejection);
  }
  const { report } = read;
  const applied = await applyPaymentResult(ctx.db, report, {
    record: (tx, result) =>
      recordNotification(tx, {
        method: provider.method,
        headers: input.headers,
        body: input.body,
        isVerified: true,
        outcome: result.outcome,
        outTradeNo: report.outTradeNo,
        providerTxnId: report.providerTxnId,
        paymentId: result.payment.id,
      }),
  });
  if (!applied.ok) {
    await log({
      isVerified: true,
      outcome: 'rejected',
      error: `${applied.code}: ${applied.message}`,
      outTradeNo: report.outTradeNo,
      providerTxnId: report.providerTxnId,
    });
    return provider.notificationAnswers.refused({ reason: applied.code, kind: 'invalid', isVerified: true });
  }
  return provider.notificationAnswers.accepted;
}

/** Receives one provider notification; a thrown error (database down) is answered as a failure so the provider retries. */
export async function receivePaymentNotification(
  ctx: PaymentsContext,
  method: ProviderMethod,
  input: IncomingNotification,
): Promise<NotificationAnswer> {
  const provider = PAYMENT_PROVIDERS[method];
  try {
    return await receive(ctx, provider, input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    try {
      await recordNotification(ctx.db, {
        method,
        headers: input.headers,
        body: input.body,
        isVerified: false,
        outcome: 'error',
        error: message.slice(0, 500),
      });
    } catch {
      // the database itself is failing; the provider's retry will bring this notification again
    }
    return provider.notificationAnswers.error;
  }
}
