import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import { getSetting } from '@/domain/settings/get-setting';
import { DEFAULT_SETTINGS, SETTING_SCHEMAS, type TKuaidi100Settings } from '@/domain/settings/setting-defaults';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { createKuaidi100Provider, KUAIDI100_LIVE_BASE_URL } from './kuaidi100-provider';
import { sandboxTrackingProvider } from './sandbox-slot';
import type { TrackingProvider } from './tracking-provider';

/** Where the webhook lives in this app. */
export const KUAIDI100_PUSH_PATH = '/api/logistics/kuaidi100/push';
/** This server's own address, for the sandbox and the default push URL: APP_URL, else loopback and PORT. */
export function appBaseUrl(): string {
  return (process.env.APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`).replace(/\/+$/, '');
}

/** The push URL we subscribe with: the one set in Settings, else our own webhook. */
export function pushUrlOf(config: TKuaidi100Settings): string {
  return config.callbackUrl || `${appBaseUrl()}${KUAIDI100_PUSH_PATH}`;
}

export async function getKuaidi100Settings(db: Database): Promise<TKuaidi100Settings> {
  return getSetting(db, 'kuaidi100');
}

/** The tracking aggregator as configured: live Kuaidi100, or the sandbox plugged in at start (sandbox-slot.ts). */
export async function getTrackingProvider(
  db: Database,
  options: { fetch?: typeof fetch } = {},
): Promise<TrackingProvider> {
  const config = await getKuaidi100Settings(db);
  if (config.mode !== 'live') return sandboxTrackingProvider(config, options);
  return createKuaidi100Provider({
    baseUrl: KUAIDI100_LIVE_BASE_URL,
    key: config.key,
    customer: config.customer,
    salt: config.salt,
    callbackUrl: pushUrlOf(config),
    fetch: options.fetch,
  });
}

/** A secret as Settings shows it: only its last four characters. */
export function maskSecret(value: string): string {
  if (!value) return '';
  return `••••${value.length > 8 ? value.slice(-4) : ''}`;
}

/** The settings as a page may see them: secrets masked. */
export function maskedKuaidi100Settings(config: TKuaidi100Settings) {
  return {
    mode: config.mode,
    customer: config.customer,
    callbackUrl: config.callbackUrl,
    key: maskSecret(config.key),
    salt: maskSecret(config.salt),
    hasKey: config.key !== '',
    hasSalt: config.salt !== '',
  };
}

/**
 * Input of {@link updateKuaidi100Settings}: key and salt omitted or empty keep the stored secret,
 * so the form never has to show one.
 */
export type UpdateKuaidi100Input = Omit<TKuaidi100Settings, 'key' | 'salt'> & {
  key?: string;
  salt?: string;
  staffId: number;
};

/** Failure code: `secret_required` (live mode without its own key or salt: pushes could not be trusted). */
export async function updateKuaidi100Settings(
  db: Database,
  input: UpdateKuaidi100Input,
): Promise<Result<TKuaidi100Settings, 'secret_required'>> {
  return db.transaction(async (tx) => {
    const before = await getKuaidi100Settings(tx);
    const next = SETTING_SCHEMAS.kuaidi100.parse({
      mode: input.mode,
      customer: input.customer.trim(),
      callbackUrl: input.callbackUrl.trim(),
      key: input.key?.trim() || before.key,
      salt: input.salt?.trim() || before.salt,
    });
    // the sandbox's credentials are public (they ship in the code): live pushes signed with them could be forged
    const sandbox = DEFAULT_SETTINGS.kuaidi100;
    const isKeyMissing = !next.key || next.key === sandbox.key;
    const isSaltMissing = !next.salt || next.salt === sandbox.salt;
    if (next.mode === 'live' && (isKeyMissing || isSaltMissing)) {
      return fail('secret_required', 'live tracking needs its own aggregator key and push salt', {
        ...(isKeyMissing ? { key: ['secret_required'] } : {}),
        ...(isSaltMissing ? { salt: ['secret_required'] } : {}),
      });
    }
    await tx
      .insert(settings)
      .values({ key: 'kuaidi100', value: next, updatedBy: input.staffId, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: sql`excluded.value`, updatedBy: input.staffId, updatedAt: sql`now()` },
      });
    // the audit names which secrets changed, never their values
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.staffId,
      action: 'settings.kuaidi100.update',
      targetType: 'settings',
      targetId: 'kuaidi100',
      details: {
        before: maskedKuaidi100Settings(before),
        after: maskedKuaidi100Settings(next),
        keyChanged: next.key !== before.key,
        saltChanged: next.salt !== before.salt,
      },
    });
    return ok(next);
  });
}
