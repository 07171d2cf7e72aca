import { z } from 'zod';
import {
  PROVIDER_METHODS,
  PROVIDER_MODES,
  SECRET_NAMES,
  type ProviderMethod,
} from '@/domain/payments/payment-methods-config';
import type { ProviderInput } from '@/domain/payments/update-payment-methods';

// a checkbox is "on" when ticked and absent otherwise
const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.boolean()])
  .optional()
  .transform((value) => value === 'on' || value === 'true' || value === true);
const text = (max: number) =>
  z
    .string()
    .max(max, 'payments.settings.validation.tooLong')
    .optional()
    .transform((value) => value ?? '');

const PROVIDER_FIELDS = {
  enabled: checkbox,
  mode: z.enum(PROVIDER_MODES, 'payments.settings.validation.mode'),
  merchantId: text(64),
  appId: text(64),
  gatewayUrl: text(500),
  merchantSerial: text(128),
  providerPublicKey: text(5000),
  providerSerial: text(128),
  rootCertPem: text(10000),
  middleCertPem: text(10000),
} as const;

/** Form field names are flat ("alipay.merchantId") so field errors map straight onto inputs. */
const shape: Record<string, z.ZodType> = { 'bank_transfer.enabled': checkbox, 'cash_on_delivery.enabled': checkbox };
for (const method of PROVIDER_METHODS) {
  for (const [field, schema] of Object.entries(PROVIDER_FIELDS)) shape[`${method}.${field}`] = schema;
  for (const secret of SECRET_NAMES[method]) shape[`${method}.${secret}`] = text(10000);
}

export const ZPaymentMethodsForm = z.object(shape).transform((values) => {
  const read = (key: string) => values[key] as string;
  const providers = Object.fromEntries(
    PROVIDER_METHODS.map((method): [ProviderMethod, ProviderInput] => [
      method,
      {
        enabled: values[`${method}.enabled`] as boolean,
        mode: values[`${method}.mode`] as ProviderInput['mode'],
        merchantId: read(`${method}.merchantId`),
        appId: read(`${method}.appId`),
        gatewayUrl: read(`${method}.gatewayUrl`),
        merchantSerial: read(`${method}.merchantSerial`),
        providerPublicKey: read(`${method}.providerPublicKey`),
        providerSerial: read(`${method}.providerSerial`),
        rootCertPem: read(`${method}.rootCertPem`),
        middleCertPem: read(`${method}.middleCertPem`),
        newSecrets: Object.fromEntries(SECRET_NAMES[method].map((secret) => [secret, read(`${method}.${secret}`)])),
      },
    ]),
  ) as Record<ProviderMethod, ProviderInput>;
  return {
    providers,
    bankTransfer: values['bank_transfer.enabled'] as boolean,
    cashOnDelivery: values['cash_on_delivery.enabled'] as boolean,
  };
});
