import type { ProviderMethod } from '../payment-methods-config';
import { alipayProvider } from './alipay';
import type { PaymentProvider } from './types';
import { unionPayProvider } from './unionpay';
import { wechatPayProvider } from './wechat-pay';

/** Every provider's adapter, by payment method: THE place payments, refunds and reconciliation find a protocol. */
export const PAYMENT_PROVIDERS: Record<ProviderMethod, PaymentProvider> = {
  alipay: alipayProvider,
  wechat_pay: wechatPayProvider,
  unionpay: unionPayProvider,
};
