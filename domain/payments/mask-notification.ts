/**
 * Notifications as staff may see them: signatures, certificates, ciphertext and buyer identifiers
 * are cut to their ends, so the page shows what arrived without handing out anything reusable.
 */
const SECRET_FIELDS = new Set([
  'sign',
  'signature',
  'signpubkeycert',
  'ciphertext',
  'buyer_id',
  'buyer_logon_id',
  'openid',
  'accno',
  'paycardno',
  'wechatpay-signature',
  'authorization',
  'cookie',
]);

export function maskSecret(value: string): string {
  if (value.length <= 8) return '****';
  return `${value.slice(0, 4)}…${value.slice(-4)} (${value.length})`;
}

const isSecret = (key: string) => SECRET_FIELDS.has(key.toLowerCase());

function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        typeof inner === 'string' && isSecret(key) ? maskSecret(inner) : maskJson(inner),
      ]),
    );
  }
  return value;
}

/** Masks a form body (k=v&...) or a JSON body; anything else is shown shortened. */
export function maskNotificationBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(maskJson(JSON.parse(trimmed)), null, 2);
    } catch {
      // not JSON after all: fall through
    }
  }
  if (/^[^=&\s]+=/.test(trimmed)) {
    const params = new URLSearchParams(trimmed);
    return [...params.entries()]
      .map(([key, value]) => `${key}=${isSecret(key) ? maskSecret(value) : value}`)
      .join('\n');
  }
  return trimmed.length > 2000 ? `${trimmed.slice(0, 2000)}…` : trimmed;
}

export function maskNotification(
  headers: Record<string, string>,
  body: string,
): { headers: Record<string, string>; body: string } {
  return {
    headers: Object.fromEntries(
      Object.entries(headers).map(([key, value]) => [key, isSecret(key) ? maskSecret(value) : value]),
    ),
    body: maskNotificationBody(body),
  };
}
