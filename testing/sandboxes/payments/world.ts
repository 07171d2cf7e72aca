import type { Database } from '@/db/client';
import type { ProviderHttpResponse } from '@/domain/payments/providers/transport';
import type { SandboxKeys } from './keys-store';
import type { SandboxMerchants } from './merchants';

/**
 * Everything one sandbox "provider" needs to play its part: its books (a database), its keys and
 * the merchants it knows, and the base URL a buyer's browser reaches it on. The app's sandbox and
 * the live-mode fake in tests are two worlds running the same handlers.
 */
export interface SandboxWorld {
  db: Database;
  keys: SandboxKeys;
  merchants: SandboxMerchants;
  /** where the sandbox's cashier pages are served: `${baseUrl}/sandbox/<provider>/pay/<trade id>` */
  baseUrl: string;
  /** UnionPay's signing certificate, sent as signPubKeyCert (live trust checks it against the configured chain) */
  unionPaySignCertPem?: string;
}

/** The signPubKeyCert field UnionPay puts in every signed message, when this world has a certificate. */
export const unionPayCertField = (world: SandboxWorld): Record<string, string> =>
  world.unionPaySignCertPem ? { signPubKeyCert: world.unionPaySignCertPem } : {};

/** A notification the provider sends afterwards, signed as the provider signs it. */
export interface SandboxNotification {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What a sandbox endpoint answers, and the notification it sends afterwards (if the provider does). */
export interface SandboxExchange {
  response: ProviderHttpResponse;
  notification?: SandboxNotification;
}

export const header = (headers: Record<string, string>, name: string) => {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
};
