import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import {
  generateSandboxKeyPair,
  generateSandboxProviderKeys,
  type SandboxKeyPair,
  type SandboxProviderKeys,
} from './keys';
import { openSecret, sealSecret, type SealedSecret } from '@/domain/payments/secret-box';

/** The sandbox's keys plus the merchant pair the console signs UnionPay requests with. */
export interface SandboxKeys extends SandboxProviderKeys {
  unionPayMerchant: SandboxKeyPair;
}

export const SANDBOX_KEYS_SETTING_KEY = 'payments_sandbox_keys';
const SETTING_KEY = SANDBOX_KEYS_SETTING_KEY;
// opening the box costs an AES pass and a JSON parse; the value only changes when keys are regenerated
const opened = new Map<string, SandboxKeys>();

async function readStored(
  db: Database,
  authSecret: string,
): Promise<{ keys: SandboxKeys | undefined; exists: boolean }> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SETTING_KEY));
  return openStored(row?.value, authSecret);
}

function openStored(value: unknown, authSecret: string): { keys: SandboxKeys | undefined; exists: boolean } {
  if (value === undefined) return { keys: undefined, exists: false };
  const box = value as SealedSecret;
  const cached = opened.get(box.sealed);
  if (cached) return { keys: cached, exists: true };
  const text = openSecret(box, authSecret);
  if (text === undefined) return { keys: undefined, exists: true };
  const keys = JSON.parse(text) as SandboxKeys;
  opened.set(box.sealed, keys);
  return { keys, exists: true };
}

/**
 * The sandbox keys, generated on first use and kept sealed in settings. Two servers starting at
 * once both generate; the first insert wins and both read the winner. A box sealed under another
 * AUTH_SECRET cannot be opened and is replaced (sandbox attempts made before then stop verifying).
 */
export async function getSandboxKeys(
  db: Database,
  authSecret: string,
  stored?: { value: unknown },
): Promise<SandboxKeys> {
  // a caller that already read the settings row (resolveProvider) passes it in: one query less per notification
  const first = stored ? openStored(stored.value, authSecret) : await readStored(db, authSecret);
  if (first.keys) return first.keys;
  const [providerKeys, unionPayMerchant] = await Promise.all([generateSandboxProviderKeys(), generateSandboxKeyPair()]);
  const box = sealSecret(JSON.stringify({ ...providerKeys, unionPayMerchant }), authSecret);
  if (first.exists) {
    await db.update(settings).set({ value: box, updatedAt: new Date() }).where(eq(settings.key, SETTING_KEY));
  } else {
    await db.insert(settings).values({ key: SETTING_KEY, value: box }).onConflictDoNothing({ target: settings.key });
  }
  const again = await readStored(db, authSecret);
  if (!again.keys) throw new Error('sandbox keys could not be stored');
  return again.keys;
}
