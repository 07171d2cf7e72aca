import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { getPaymentMethods, viewPaymentMethods } from './get-payment-methods';
import {
  isSandboxAllowed,
  PAYMENT_METHODS_SETTING_KEY,
  PROVIDER_METHODS,
  SECRET_NAMES,
  secretEnvName,
  type PaymentsEnv,
  type ProviderMethod,
  type ProviderMode,
  type TPaymentMethodsSettings,
  type TProviderSettings,
} from './payment-methods-config';
import { sealSecret } from './secret-box';

export interface ProviderInput {
  enabled: boolean;
  mode: ProviderMode;
  merchantId: string;
  appId: string;
  gatewayUrl: string;
  merchantSerial: string;
  providerPublicKey: string;
  providerSerial: string;
  rootCertPem: string;
  middleCertPem: string;
  /** a new value replaces the stored one; blank keeps it */
  newSecrets: Partial<Record<string, string>>;
}

export interface UpdatePaymentMethodsInput {
  providers: Record<ProviderMethod, ProviderInput>;
  bankTransfer: boolean;
  cashOnDelivery: boolean;
  staffId: number;
  authSecret: string;
  env: PaymentsEnv;
}

/**
 * Failure codes: `sandbox_refused` (a provider set to sandbox on a production server without
 * PAYMENTS_SANDBOX=1), `invalid` (a live provider misses what it needs or has an unreadable key;
 * fieldErrors name `<method>.<field>` with message keys under payments.settings.validation).
 */
export type UpdatePaymentMethodsError = 'sandbox_refused' | 'invalid';

const isPem = (pem: string, read: (pem: string) => unknown) => {
  try {
    read(pem);
    return true;
  } catch {
    return false;
  }
};

function checkLive(
  method: ProviderMethod,
  input: ProviderInput,
  stored: TProviderSettings,
  env: PaymentsEnv,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, key: string) =>
    (errors[`${method}.${field}`] ??= []).push(`payments.settings.validation.${key}`);
  if (!input.merchantId.trim()) add('merchantId', 'required');
  if (method === 'wechat_pay' && !input.appId.trim()) add('appId', 'required');
  if (!/^https:\/\/[^\s]+$/.test(input.gatewayUrl.trim())) add('gatewayUrl', 'httpsUrl');
  if (method === 'unionpay') {
    if (!isPem(input.rootCertPem, (p) => new X509Certificate(p))) add('rootCertPem', 'certificate');
    if (!isPem(input.middleCertPem, (p) => new X509Certificate(p))) add('middleCertPem', 'certificate');
    if (!input.merchantSerial.trim()) add('merchantSerial', 'required');
  } else {
    if (!isPem(input.providerPublicKey, createPublicKey)) add('providerPublicKey', 'publicKey');
    if (method === 'wechat_pay' && !input.merchantSerial.trim()) add('merchantSerial', 'required');
    if (method === 'wechat_pay' && !input.providerSerial.trim()) add('providerSerial', 'required');
  }
  for (const name of SECRET_NAMES[method]) {
    const typed = input.newSecrets[name]?.trim();
    if (typed) {
      if (name === 'apiV3Key' ? Buffer.byteLength(typed, 'utf8') !== 32 : !isPem(typed, createPrivateKey))
        add(name, name === 'apiV3Key' ? 'apiV3Key' : 'privateKey');
    } else if (!env[secretEnvName(method, name)] && !stored.secrets[name]) {
      add(name, 'required');
    }
  }
  return errors;
}

/** Saves the payment methods (one settings row) and audits the change with secrets masked. */
export async function updatePaymentMethods(
  db: Database,
  input: UpdatePaymentMethodsInput,
): Promise<Result<TPaymentMethodsSettings, UpdatePaymentMethodsError>> {
  const before = await getPaymentMethods(db, input.env);
  const sandboxAllowed = isSandboxAllowed(input.env);
  const errors: Record<string, string[]> = {};
  const next = {
    ...before,
    bank_transfer: { enabled: input.bankTransfer },
    cash_on_delivery: { enabled: input.cashOnDelivery },
  };

  for (const method of PROVIDER_METHODS) {
    const given = input.providers[method];
    if (given.mode === 'sandbox' && !sandboxAllowed) {
      return fail('sandbox_refused', 'The sandbox is refused on a production server unless PAYMENTS_SANDBOX=1 is set', {
        [`${method}.mode`]: ['payments.settings.validation.sandboxRefused'],
      });
    }
    if (given.enabled && given.mode === 'live')
      Object.assign(errors, checkLive(method, given, before[method], input.env));
    const secrets = { ...before[method].secrets };
    for (const name of SECRET_NAMES[method]) {
      const typed = given.newSecrets[name]?.trim();
      if (typed) secrets[name] = sealSecret(typed, input.authSecret);
    }
    next[method] = {
      enabled: given.enabled,
      mode: given.mode,
      merchantId: given.merchantId.trim(),
      appId: given.appId.trim(),
      gatewayUrl: given.gatewayUrl.trim(),
      merchantSerial: given.merchantSerial.trim(),
      providerPublicKey: given.providerPublicKey.trim(),
      providerSerial: given.providerSerial.trim(),
      rootCertPem: given.rootCertPem.trim(),
      middleCertPem: given.middleCertPem.trim(),
      secrets,
    };
  }
  if (Object.keys(errors).length > 0) return fail('invalid', 'Some payment settings are missing or unreadable', errors);

  return db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: PAYMENT_METHODS_SETTING_KEY, value: next, updatedBy: input.staffId, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: sql`excluded.value`, updatedBy: input.staffId, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.staffId,
      action: 'settings.payment_methods.update',
      targetType: 'settings',
      targetId: PAYMENT_METHODS_SETTING_KEY,
      // the view carries only masked secrets
      details: { before: viewPaymentMethods(before, input.env), after: viewPaymentMethods(next, input.env) },
    });
    return ok(next);
  });
}
