import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * WeChat Pay API v3 message rules, as wechatpay-go's WechatPayNotifyValidator and AesGcm apply
 * them: the platform signs `timestamp\nnonce\nbody\n` with SHA256withRSA, and the payload is an
 * AEAD_AES_256_GCM resource keyed with the merchant's APIv3 key.
 */

/** Why a notification was refused. */
export type WechatVerifyFailure =
  | 'missing_header' // Wechatpay-Timestamp, -Nonce or -Signature absent
  | 'unsupported_signature_type' // Wechatpay-Signature-Type present and not WECHATPAY2-SHA256-RSA2048
  | 'unknown_serial' // Wechatpay-Serial is not the platform certificate/key we were configured with
  | 'stale_timestamp' // more than 5 minutes from now, either way (replay window)
  | 'bad_signature'
  | 'malformed'; // timestamp not an integer, body not the notification JSON

export type WechatDecryptFailure = 'unsupported_algorithm' | 'bad_key' | 'decrypt_failed' | 'malformed';

const SIGN_ALGORITHM = 'RSA-SHA256';
const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';
// wechatpay-go core/consts FiveMinute: |now - timestamp| >= 300 s is refused
const MAX_CLOCK_SKEW_SECONDS = 300;
const GCM_TAG_BYTES = 16;

/** The text WeChat Pay signs for a request, response or notification. */
export function wechatSignContent(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** SHA256withRSA (base64) of the message, as the platform (or the sandbox) signs a notification. */
export function signWechatMessage(timestamp: string, nonce: string, body: string, privateKeyPem: string): string {
  return createSign(SIGN_ALGORITHM)
    .update(wechatSignContent(timestamp, nonce, body), 'utf8')
    .sign(privateKeyPem, 'base64');
}

export const ZWechatResource = z.object({
  original_type: z.string().optional(),
  algorithm: z.string(),
  ciphertext: z.string().min(1),
  associated_data: z.string().optional(),
  nonce: z.string().min(1),
});
export type TWechatResource = z.infer<typeof ZWechatResource>;

export const ZWechatNotification = z.object({
  id: z.string().min(1),
  create_time: z.string(),
  event_type: z.string(),
  resource_type: z.string(),
  summary: z.string().optional(),
  resource: ZWechatResource,
});
export type TWechatNotification = z.infer<typeof ZWechatNotification>;

export type WechatHeaders = Headers | Readonly<Record<string, string | string[] | undefined>>;

function readHeader(headers: WechatHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export type WechatVerifyResult =
  | { ok: true; notification: TWechatNotification; serial: string | undefined }
  | { ok: false; reason: WechatVerifyFailure; detail?: string };

/**
 * Verifies a notification's headers and signature over the raw body (the exact bytes received:
 * parse it only after this passes). `platformSerial`, when given, must equal Wechatpay-Serial.
 */
export function verifyWechatNotification(input: {
  headers: WechatHeaders;
  body: string;
  platformPublicKeyPem: string;
  now: Date;
  platformSerial?: string;
}): WechatVerifyResult {
  const timestamp = readHeader(input.headers, 'Wechatpay-Timestamp');
  const nonce = readHeader(input.headers, 'Wechatpay-Nonce');
  const signature = readHeader(input.headers, 'Wechatpay-Signature');
  const serial = readHeader(input.headers, 'Wechatpay-Serial');
  const signatureType = readHeader(input.headers, 'Wechatpay-Signature-Type');
  if (!timestamp || !nonce || !signature) return { ok: false, reason: 'missing_header' };
  if (signatureType !== undefined && signatureType !== SIGNATURE_TYPE) {
    return { ok: false, reason: 'unsupported_signature_type', detail: signatureType };
  }
  if (input.platformSerial !== undefined && serial !== input.platformSerial) {
    return { ok: false, reason: 'unknown_serial', detail: serial ?? '(none)' };
  }
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed', detail: 'timestamp' };
  const skew = Math.abs(Math.floor(input.now.getTime() / 1000) - Number(timestamp));
  if (skew >= MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'stale_timestamp', detail: `${skew}s` };

  let valid = false;
  try {
    valid = createVerify(SIGN_ALGORITHM)
      .update(wechatSignContent(timestamp, nonce, input.body), 'utf8')
      .verify(input.platformPublicKeyPem, signature, 'base64');
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad_signature' };

  let json: unknown;
  try {
    json = JSON.parse(input.body);
  } catch {
    return { ok: false, reason: 'malformed', detail: 'body is not JSON' };
  }
  const parsed = ZWechatNotification.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: parsed.error.issues[0]?.message };
  return { ok: true, notification: parsed.data, serial };
}

function apiV3KeyBytes(apiV3Key: string): Buffer | undefined {
  // the APIv3 key is a 32-character string set in the merchant platform; its bytes are the AES-256 key
  const key = Buffer.from(apiV3Key, 'utf8');
  return key.length === 32 ? key : undefined;
}

/** Decrypts an AEAD_AES_256_GCM resource to its plaintext (the transaction JSON for payment notifications). */
export function decryptWechatResource(
  resource: TWechatResource,
  apiV3Key: string,
): { ok: true; plaintext: string } | { ok: false; reason: WechatDecryptFailure } {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') return { ok: false, reason: 'unsupported_algorithm' };
  const key = apiV3KeyBytes(apiV3Key);
  if (!key) return { ok: false, reason: 'bad_key' };
  const sealed = Buffer.from(resource.ciphertext, 'base64');
  if (sealed.length <= GCM_TAG_BYTES) return { ok: false, reason: 'malformed' };
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'), {
      authTagLength: GCM_TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - GCM_TAG_BYTES));
    const plaintext = Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - GCM_TAG_BYTES)),
      decipher.final(),
    ]);
    return { ok: true, plaintext: plaintext.toString('utf8') };
  } catch {
    // GCM authentication failed: wrong key, or ciphertext / nonce / associated data changed in transit
    return { ok: false, reason: 'decrypt_failed' };
  }
}

/** Seals a resource as the platform does (sandbox): a fresh 12-character nonce unless one is given. */
export function encryptWechatResource(input: {
  plaintext: string;
  apiV3Key: string;
  associatedData: string;
  originalType?: string;
  nonce?: string;
}): TWechatResource {
  const key = apiV3KeyBytes(input.apiV3Key);
  if (!key) throw new RangeError('the WeChat Pay APIv3 key must be 32 bytes');
  const nonce = input.nonce ?? randomBytes(9).toString('base64url');
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(nonce, 'utf8'), { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(Buffer.from(input.associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(input.plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: input.originalType ?? 'transaction',
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.toString('base64'),
    associated_data: input.associatedData,
    nonce,
  };
}

export const WECHAT_TRADE_STATES = [
  'SUCCESS',
  'REFUND',
  'NOTPAY',
  'CLOSED',
  'REVOKED',
  'USERPAYING',
  'PAYERROR',
] as const;

/** The decrypted transaction of a TRANSACTION.* notification or a query; amounts in fen. */
export const ZWechatTransaction = z
  .object({
    appid: z.string().min(1),
    mchid: z.string().min(1),
    out_trade_no: z.string().min(1),
    transaction_id: z.string().optional(),
    trade_type: z.string().optional(),
    trade_state: z.enum(WECHAT_TRADE_STATES),
    trade_state_desc: z.string().optional(),
    bank_type: z.string().optional(),
    attach: z.string().optional(),
    success_time: z.string().optional(),
    payer: z.object({ openid: z.string() }).partial().optional(),
    amount: z.object({
      total: z.number().int().nonnegative(),
      payer_total: z.number().int().nonnegative().optional(),
      currency: z.string().length(3),
      payer_currency: z.string().optional(),
    }),
  })
  .refine((transaction) => transaction.trade_state !== 'SUCCESS' || !!transaction.transaction_id, {
    message: 'a successful transaction carries transaction_id',
    path: ['transaction_id'],
  });
export type TWechatTransaction = z.infer<typeof ZWechatTransaction>;

/** Reads the decrypted transaction JSON. */
export function parseWechatTransaction(
  plaintext: string,
): { ok: true; transaction: TWechatTransaction } | { ok: false; reason: 'malformed'; detail?: string } {
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    return { ok: false, reason: 'malformed', detail: 'not JSON' };
  }
  const parsed = ZWechatTransaction.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'malformed', detail: issue ? `${issue.path.join('.')}: ${issue.message}` : undefined };
  }
  return { ok: true, transaction: parsed.data };
}

/**
 * The whole read of a payment notification: headers and signature, then the sealed resource,
 * then the transaction. Each step's failure reason is passed through unchanged.
 */
export function readWechatTransactionNotification(input: {
  headers: WechatHeaders;
  body: string;
  platformPublicKeyPem: string;
  apiV3Key: string;
  now: Date;
  platformSerial?: string;
}):
  | { ok: true; notification: TWechatNotification; transaction: TWechatTransaction }
  | { ok: false; reason: WechatVerifyFailure | WechatDecryptFailure; detail?: string } {
  const verified = verifyWechatNotification(input);
  if (!verified.ok) return verified;
  const { notification } = verified;
  // refund notifications carry another resource shape; they are read by their own parser
  if (notification.resource.original_type !== undefined && notification.resource.original_type !== 'transaction') {
    return { ok: false, reason: 'malformed', detail: `original_type ${notification.resource.original_type}` };
  }
  const opened = decryptWechatResource(notification.resource, input.apiV3Key);
  if (!opened.ok) return opened;
  const parsed = parseWechatTransaction(opened.plaintext);
  if (!parsed.ok) return parsed;
  return { ok: true, notification, transaction: parsed.transaction };
}
