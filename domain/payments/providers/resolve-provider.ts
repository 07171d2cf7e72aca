import { inArray } from 'drizzle-orm';
import { CachedStatement, type Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import { fail, ok, type Result } from '@/domain/shared/result';
import { parsePaymentMethods } from '../get-payment-methods';
import {
  isSandboxAllowed,
  PAYMENT_METHODS_SETTING_KEY,
  SECRET_NAMES,
  secretEnvName,
  type PaymentsEnv,
  type ProviderMethod,
} from '../payment-methods-config';
import { paymentsOrigin } from '../notify-urls';
import { openSecret } from '../secret-box';
import { pluggedPaymentsSandbox } from './sandbox-slot';
import { fetchTransport } from './transport';
import type { ProviderSetup } from './types';

/** What the payments code needs from the app: the database, AUTH_SECRET (sealed secrets), the environment. */
export interface PaymentsContext {
  db: Database;
  authSecret: string;
  env: PaymentsEnv;
}

/**
 * ...plus the origin providers and buyers reach us on: PAYMENTS_PUBLIC_URL, or (development, e2e,
 * the sandbox) this server's configured origin. Never taken from a request's headers.
 */
export interface PaymentsRequestContext extends PaymentsContext {
  origin: string;
  /** true when the origin is a configured public URL, not this server's own loopback address */
  isPublicUrl?: boolean;
}

/**
 * Failure codes: `disabled` (the method is off in Settings and `requireEnabled` was asked),
 * `sandbox_refused` (sandbox mode where no sandbox is plugged in: production without PAYMENTS_SANDBOX=1),
 * `not_configured` (a live secret cannot be read: missing, or sealed under another AUTH_SECRET).
 */
export type ResolveProviderError = 'disabled' | 'sandbox_refused' | 'not_configured';

const readPaymentSettings = new CachedStatement((db) => ({
  body: db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [PAYMENT_METHODS_SETTING_KEY]))
    .getSQL(),
}));

const fromEnv = (value: string | undefined) => value?.replace(/\\n/g, '\n');

/**
 * THE one place a provider's configuration is resolved, for payments, refunds, notifications and
 * reconciliation alike: live keys from Settings (sealed) or the environment, reached over HTTP;
 * or, in sandbox mode, whatever the plugged-in sandbox provides. Notifications resolve without
 * `requireEnabled`: money taken on an attempt made before the method was switched off must still be recorded.
 */
export async function resolveProvider(
  ctx: PaymentsContext & Partial<Pick<PaymentsRequestContext, 'origin'>>,
  method: ProviderMethod,
  options: { requireEnabled?: boolean } = {},
): Promise<Result<ProviderSetup, ResolveProviderError>> {
  // one prepared read: this runs for every notification
  const rows = await readPaymentSettings.rows<{ key: string; value: unknown }>(ctx.db, {});
  const config = parsePaymentMethods(rows.find((r) => r.key === PAYMENT_METHODS_SETTING_KEY)?.value, ctx.env)[method];
  if (options.requireEnabled && !config.enabled) return fail('disabled', `${method} is switched off in Settings`);
  if (config.mode === 'sandbox') {
    const sandbox = isSandboxAllowed(ctx.env) ? pluggedPaymentsSandbox() : undefined;
    if (!sandbox)
      return fail(
        'sandbox_refused',
        'The payment sandbox is not available on this server (a production server needs PAYMENTS_SANDBOX=1)',
      );
    return ok(await sandbox.resolve(ctx, method));
  }

  const secrets: Record<string, string> = {};
  for (const name of SECRET_NAMES[method]) {
    const value =
      fromEnv(ctx.env[secretEnvName(method, name)]) ??
      (config.secrets[name] ? openSecret(config.secrets[name], ctx.authSecret) : undefined);
    if (!value)
      return fail('not_configured', `${method} ${name} is not set (Settings or ${secretEnvName(method, name)})`);
    secrets[name] = value;
  }
  if (!/^https?:\/\//.test(config.gatewayUrl))
    return fail('not_configured', `${method} gateway URL is not set in Settings`);
  return ok({
    transport: fetchTransport,
    config: {
      method,
      mode: 'live',
      merchantId: config.merchantId,
      appId: config.appId,
      gatewayUrl: config.gatewayUrl,
      merchantSerial: config.merchantSerial,
      providerSerial: config.providerSerial,
      merchantPrivateKeyPem: secrets.merchantPrivateKey,
      providerPublicKeyPem: config.providerPublicKey,
      apiV3Key: secrets.apiV3Key ?? '',
      unionPayTrust: (now) => ({
        kind: 'certificate',
        rootCertPem: config.rootCertPem,
        intermediateCertPem: config.middleCertPem,
        now,
      }),
    },
  });
}

/**
 * For callers that hold only a database handle: the context from this process's environment.
 * Sealed secrets need the same AUTH_SECRET the app uses, so without AUTH_SECRET set the app must
 * pass its own context (lib/payments/context.ts) instead.
 */
export function paymentsContextFromEnv(
  db: Database,
  env: PaymentsEnv,
): Result<PaymentsRequestContext, 'not_configured'> {
  const authSecret = env.AUTH_SECRET?.trim();
  if (!authSecret)
    return fail('not_configured', 'AUTH_SECRET is not set here: pass the payments context to reach a provider');
  return ok({ db, authSecret, env, ...paymentsOrigin(env) });
}
