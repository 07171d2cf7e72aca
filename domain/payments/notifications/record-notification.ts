import type { Database } from '@/db/client';
import { toStorableText } from '@/domain/shared/safe-text';
import { paymentNotifications } from '@/db/schema/payments';
import type { ProviderMethod } from '../payment-methods-config';

/** Headers that authenticate a caller: never stored in the clear. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization', 'x-api-key']);

export function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    out[lower] = SECRET_HEADERS.has(lower) ? `••••${value.slice(-4)}` : value;
  }
  return out;
}

/** Keeps what we could not read small: a body is stored up to 64 KB. */
const MAX_BODY = 64 * 1024;

/** One row per notification received, whatever became of it. */
export async function recordNotification(
  db: Database,
  entry: {
    method: ProviderMethod;
    headers: Readonly<Record<string, string>>;
    body: string;
    isVerified: boolean;
    /** the apply outcome (paid, duplicate...), or `rejected` / `error` */
    outcome: string;
    error?: string | null;
    outTradeNo?: string | null;
    providerTxnId?: string | null;
    paymentId?: number | null;
  },
): Promise<void> {
  await db.insert(paymentNotifications).values({
    method: entry.method,
    kind: 'payment',
    headers: maskHeaders(entry.headers),
    body: toStorableText(entry.body.slice(0, MAX_BODY)),
    isVerified: entry.isVerified,
    outcome: entry.outcome,
    error: entry.error ?? null,
    outTradeNo: entry.outTradeNo ?? null,
    providerTxnId: entry.providerTxnId ?? null,
    paymentId: entry.paymentId ?? null,
  });
}
