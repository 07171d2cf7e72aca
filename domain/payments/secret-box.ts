import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Provider secrets (private keys, the WeChat APIv3 key) are stored sealed with AES-256-GCM under a
 * key derived from the console's AUTH_SECRET, so a database dump alone does not leak them.
 */
export interface SealedSecret {
  /** base64 of iv(12) | ciphertext | tag(16) */
  sealed: string;
  /** the last 4 characters, enough for a person to recognise which key is set */
  hint: string;
}

const INFO = 'order-console/payment-secrets/v1';

function keyFrom(authSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(authSecret, 'utf8'), Buffer.alloc(0), INFO, 32));
}

export function sealSecret(plaintext: string, authSecret: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(authSecret), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { sealed: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64'), hint: maskSecret(plaintext) };
}

/** The plaintext, or undefined when the box was sealed under another AUTH_SECRET or altered. */
export function openSecret(secret: SealedSecret, authSecret: string): string | undefined {
  const raw = Buffer.from(secret.sealed, 'base64');
  if (raw.length < 12 + 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(authSecret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** "••••abcd": never more than the last four characters of a secret leave the server. */
export function maskSecret(plaintext: string): string {
  const trimmed = plaintext
    .trim()
    .replace(/-----END [A-Z ]+-----\s*$/, '')
    .trim();
  return `••••${trimmed.slice(-4)}`;
}
