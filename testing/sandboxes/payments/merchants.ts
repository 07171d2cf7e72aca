import type { ProviderMethod } from '@/domain/payments/payment-methods-config';

/**
 * The merchant the console is at each sandbox provider. Ids have the providers' shapes (Alipay
 * sandbox app ids start 9021, WeChat Pay mchid 10 digits, UnionPay merId 15 digits).
 */
export const SANDBOX_MERCHANTS = {
  alipay: {
    merchantId: '9021000122600001',
    appId: '',
    merchantSerial: '',
    providerSerial: '',
    name: '订单控制台 沙箱商户',
  },
  wechat_pay: {
    merchantId: '1900000109',
    appId: 'wx5a8d0sandbox001',
    merchantSerial: '5157F09EFDC096DE15EBE81A47057A72',
    providerSerial: '3775B6A45ACD588826D15E583A95F5DD',
    name: '订单控制台 沙箱商户',
  },
  unionpay: {
    merchantId: '777290058110048',
    appId: '',
    merchantSerial: '69629715588',
    providerSerial: '',
    name: '订单控制台 沙箱商户',
  },
} as const satisfies Record<
  ProviderMethod,
  { merchantId: string; appId: string; merchantSerial: string; providerSerial: string; name: string }
>;

/** Where each sandbox provider's gateway is mounted in this app. */
export const SANDBOX_GATEWAY_PATHS = {
  alipay: '/sandbox/alipay/gateway.do',
  wechat_pay: '/sandbox/wechat-pay',
  unionpay: '/sandbox/unionpay/gateway/api/frontTransReq.do',
} as const satisfies Record<ProviderMethod, string>;

export type SandboxMerchant = {
  merchantId: string;
  appId: string;
  merchantSerial: string;
  providerSerial: string;
  name: string;
};
export type SandboxMerchants = Record<ProviderMethod, SandboxMerchant>;
