import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import {
  defaultPaymentMethods,
  PAYMENT_METHODS_SETTING_KEY,
  PROVIDER_METHODS,
  SECRET_NAMES,
  secretEnvName,
  ZPaymentMethodsSettings,
  type PaymentsEnv,
  type ProviderMethod,
  type TPaymentMethodsSettings,
  type TProviderSettings,
} from './payment-methods-config';
import { maskSecret } from './secret-box';

/** The stored payment methods, or the defaults when none (or an unreadable row) is stored. */
export async function getPaymentMethods(db: Database, env: PaymentsEnv): Promise<TPaymentMethodsSettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, PAYMENT_METHODS_SETTING_KEY));
  return parsePaymentMethods(row?.value, env);
}

/** A stored settings value as payment methods; missing or unreadable: the defaults. */
export function parsePaymentMethods(value: unknown, env: PaymentsEnv): TPaymentMethodsSettings {
  if (value === undefined) return defaultPaymentMethods(env);
  const parsed = ZPaymentMethodsSettings.safeParse(value);
  return parsed.success ? parsed.data : defaultPaymentMethods(env);
}

/** A secret as Settings shows it: where it comes from and its last four characters, never more. */
export interface SecretView {
  source: 'env' | 'stored' | 'none';
  masked: string | null;
  envName: string;
}

export type ProviderView = Omit<TProviderSettings, 'secrets'> & { secrets: Record<string, SecretView> };
export type PaymentMethodsView = Omit<TPaymentMethodsSettings, ProviderMethod> & Record<ProviderMethod, ProviderView>;

/** What the Settings page may send to the browser. */
export function viewPaymentMethods(config: TPaymentMethodsSettings, env: PaymentsEnv): PaymentMethodsView {
  const view = { ...config } as unknown as PaymentMethodsView;
  for (const method of PROVIDER_METHODS) {
    const { secrets, ...rest } = config[method];
    const shown: Record<string, SecretView> = {};
    for (const name of SECRET_NAMES[method]) {
      const envName = secretEnvName(method, name);
      const fromEnv = env[envName];
      if (fromEnv) shown[name] = { source: 'env', masked: maskSecret(fromEnv), envName };
      else if (secrets[name]) shown[name] = { source: 'stored', masked: secrets[name].hint, envName };
      else shown[name] = { source: 'none', masked: null, envName };
    }
    view[method] = { ...rest, secrets: shown };
  }
  return view;
}
