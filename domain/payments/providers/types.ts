import type { Payment, PaymentCheckout, Refund } from '@/db/schema/payments';
import type { Result } from '@/domain/shared/result';
import type { ProviderPaymentReport } from '../apply-payment-result';
import type { ProviderMethod, ProviderMode } from '../payment-methods-config';
import type { UnionPayTrust } from './unionpay/protocol';
import type { ProviderTransport } from './transport';

/**
 * THE interface every payment provider implements (Alipay, WeChat Pay, UnionPay): everything its
 * protocol is, for payments and refunds alike. Live providers and the sandbox differ only in the
 * configuration and transport they are handed (resolve-provider.ts), never inside an adapter.
 */
export interface PaymentProvider {
  readonly method: ProviderMethod;
  /** Builds what the buyer is sent to (a signed redirect, form or QR code); WeChat Pay asks the provider for it. */
  createCheckout(setup: ProviderSetup, input: CheckoutRequest): Promise<Result<PaymentCheckout, 'provider_error'>>;
  /** The provider's signed word on one attempt, as a report for applyPaymentResult. */
  queryPayment(setup: ProviderSetup, payment: Payment, now: Date): Promise<PaymentQuery>;
  /** Verifies and reads a payment notification, exactly as received. */
  readPaymentNotification(config: ProviderConfig, input: IncomingMessage, now: Date): NotificationRead;
  /** What the provider expects back from our webhook. */
  readonly notificationAnswers: {
    accepted: NotificationAnswer;
    refused: (rejection: Rejection) => NotificationAnswer;
    error: NotificationAnswer;
  };
  submitRefund(
    setup: ProviderSetup,
    context: RefundContext,
    input: { notifyUrl: string; now: Date },
  ): Promise<RefundAnswer>;
  queryRefund(setup: ProviderSetup, context: RefundContext, now: Date): Promise<RefundAnswer>;
  /** Verifies and reads a refund notification (providers that answer refunds synchronously have none). */
  readRefundNotification(config: ProviderConfig, input: IncomingMessage, now: Date): RefundNotificationRead;
  refundNotificationAnswer(isAccepted: boolean): NotificationAnswer;
}

/** Everything needed to talk to one provider, keys opened: from Settings/env (live) or from the sandbox. */
export interface ProviderConfig {
  method: ProviderMethod;
  mode: ProviderMode;
  /** Alipay app_id, WeChat Pay mchid, UnionPay merId */
  merchantId: string;
  /** WeChat Pay appid */
  appId: string;
  /** absolute: Alipay gateway.do, WeChat Pay API base, UnionPay frontTransReq.do (back/query beside it) */
  gatewayUrl: string;
  merchantSerial: string;
  providerSerial: string;
  merchantPrivateKeyPem: string;
  /** Alipay / WeChat Pay key that signs what the provider sends */
  providerPublicKeyPem: string;
  apiV3Key: string;
  /** how UnionPay messages are trusted; the certificate check needs the time of the check */
  unionPayTrust: (now: Date) => UnionPayTrust;
}

/** A provider's configuration and the transport that reaches it. */
export interface ProviderSetup {
  config: ProviderConfig;
  transport: ProviderTransport;
}

export interface CheckoutRequest {
  payment: Payment;
  subject: string;
  notifyUrl: string;
  returnUrl: string;
  now: Date;
}

/** What a webhook receives, as received: raw body (never re-serialised) and headers. */
export interface IncomingMessage {
  headers: Record<string, string>;
  body: string;
}

/** What a webhook answers, in the provider's own terms. */
export interface NotificationAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Why a notification was refused; stored in payment_notifications.error. */
export type Rejection = {
  reason: string;
  detail?: string;
  kind: 'unauthentic' | 'invalid' | 'unavailable';
  isVerified: boolean;
};
export type NotificationRead = { ok: true; report: ProviderPaymentReport } | { ok: false; rejection: Rejection };

export const rejectUnverified = (reason: string, kind: Rejection['kind'], detail?: string): NotificationRead => ({
  ok: false,
  rejection: { reason, kind, detail, isVerified: false },
});
/** Refused after the signature checked out: authentic, but not something we can accept. */
export const refuseVerified = (reason: string, detail?: string): NotificationRead => ({
  ok: false,
  rejection: { reason, kind: 'invalid', detail, isVerified: true },
});

/**
 * Failure codes of a status query: `provider_error` (unreachable or unreadable; params.detail),
 * `bad_signature`, `unknown_out_trade_no` (the provider has no such trade), `merchant_mismatch`.
 */
export type PaymentQueryError = 'provider_error' | 'bad_signature' | 'unknown_out_trade_no' | 'merchant_mismatch';
export type PaymentQuery = Result<{ report: ProviderPaymentReport; providerState: string }, PaymentQueryError>;

/**
 * What a provider said about a refund, once its answer was verified:
 * - `succeeded` / `failed`: final;
 * - `processing`: accepted, the result comes in a notification or a later query;
 * - `not_found` (queries): the provider has no such refund;
 * - `error`: no trustworthy answer (unreachable, bad signature, malformed): nothing changes, try again.
 */
export type RefundAnswer =
  | { kind: 'succeeded'; providerRefundId: string | null; amountCents: number | null }
  | { kind: 'processing'; providerRefundId: string | null }
  | { kind: 'failed'; providerRefundId: string | null; detail: string }
  | { kind: 'not_found'; detail: string }
  | { kind: 'error'; detail: string };

/** The refund and the payment it pays back, as a provider adapter needs them. */
export interface RefundContext {
  refund: Refund;
  payment: Payment;
}

/** What a verified refund notification says. */
export interface RefundNews {
  outRefundNo: string;
  providerRefundId: string | null;
  amountCents: number;
  outcome: 'succeeded' | 'failed' | 'processing';
  detail: string;
}
export type RefundNotificationRead =
  { ok: true; news: RefundNews } | { ok: false; reason: string; isVerified: boolean };
