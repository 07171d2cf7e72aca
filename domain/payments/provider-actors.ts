import type { Actor } from '@/domain/shared/actor';
import type { ProviderMethod } from './payment-methods-config';

/** Who moved the order when a provider's word did: the timeline shows the provider as an integration. */
export const PROVIDER_ACTORS: Record<ProviderMethod, Actor> = {
  alipay: { type: 'integration', id: null, name: 'Alipay 支付宝' },
  wechat_pay: { type: 'integration', id: null, name: 'WeChat Pay 微信支付' },
  unionpay: { type: 'integration', id: null, name: 'UnionPay 银联' },
};
