import type { PaymentMethod } from '@/db/schema/payments';
import { alipayRefundClient } from './alipay';
import { unionPayRefundClient } from './unionpay';
import type { ProviderRefundClient } from './types';
import { wechatRefundClient } from './wechat-pay';

/** The refund client of each provider method; manual methods have none (a person pays them back). */
export const REFUND_CLIENTS: Partial<Record<PaymentMethod, ProviderRefundClient>> = {
  alipay: alipayRefundClient,
  wechat_pay: wechatRefundClient,
  unionpay: unionPayRefundClient,
};
