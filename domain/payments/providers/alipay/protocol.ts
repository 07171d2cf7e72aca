import { createSign, createVerify } from 'node:crypto';
import { readFormFields } from '../form-body';

/**
 * Alipay's message rules (open platform, RSA2), as the Java SDK's AlipaySignature.rsaCheckV1 and
 * the Node SDK's checkNotifySignV2 apply them. Plain functions: the notify endpoint, the query
 * client and the sandbox all sign and verify through these.
 */

/** Why a notification or response was refused. */
export type AlipayVerifyFailure =
  | 'missing_sign' // no `sign` field
  | 'unsupported_sign_type' // sign_type absent or not RSA2 (legacy RSA/SHA1 is not accepted)
  | 'bad_signature' // the signature does not match the content under the configured public key
  | 'malformed'; // the body cannot be read as a form / JSON as Alipay sends it

export type AlipayVerifyResult =
  { ok: true; params: Record<string, string> } | { ok: false; reason: AlipayVerifyFailure; detail?: string };

const SIGN_ALGORITHM = 'RSA-SHA256';

/**
 * The text Alipay signs: params without sign/sign_type, empty values skipped, keys sorted
 * ascending (code-unit order, as Java's TreeMap), `k=v` joined with `&`, values raw (decoded).
 */
export function alipaySignContent(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && key !== 'sign_type' && params[key] !== '' && params[key] !== undefined)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

/** RSA2 signature (SHA256withRSA, base64) of the params, as the merchant or the sandbox signs them. */
export function signAlipayParams(params: Readonly<Record<string, string>>, privateKeyPem: string): string {
  return createSign(SIGN_ALGORITHM).update(alipaySignContent(params), 'utf8').sign(privateKeyPem, 'base64');
}

function verifyRsa2(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify(SIGN_ALGORITHM).update(content, 'utf8').verify(publicKeyPem, signature, 'base64');
  } catch {
    // a signature that is not even well-formed base64/RSA is simply not valid
    return false;
  }
}

/**
 * Verifies an asynchronous notification (trade_status_sync). Pass the raw form body, or the
 * fields already decoded once by the framework (they are not decoded again). Only RSA2 is
 * accepted; sign_type must be present, as Alipay always sends it.
 */
export function verifyAlipayNotification(
  formBody: string | Readonly<Record<string, string>>,
  alipayPublicKeyPem: string,
): AlipayVerifyResult {
  const read = readFormFields(formBody);
  if (!read.ok) return { ok: false, reason: 'malformed', detail: read.detail };
  const { params } = read;
  // we ask for charset=utf-8 in every request; another charset would mean the bytes were read wrongly
  if (params.charset !== undefined && params.charset.toLowerCase() !== 'utf-8') {
    return { ok: false, reason: 'malformed', detail: `charset ${params.charset}` };
  }
  if (!params.sign) return { ok: false, reason: 'missing_sign' };
  if (params.sign_type !== 'RSA2')
    return { ok: false, reason: 'unsupported_sign_type', detail: params.sign_type ?? '(none)' };
  if (!verifyRsa2(alipaySignContent(params), params.sign, alipayPublicKeyPem))
    return { ok: false, reason: 'bad_signature' };
  return { ok: true, params };
}

/** "alipay.trade.query" -> "alipay_trade_query_response", the key of the signed object in a response. */
export function alipayResponseKey(method: string): string {
  return `${method.replace(/\./g, '_')}_response`;
}

/**
 * Finds the exact text of the JSON value under `"key":` at the top level of `raw`, by scanning
 * strings and brackets, so the signature is checked over the bytes Alipay sent (re-serialising
 * parsed JSON would change escapes such as "\u4e2d" or "\/" and break the signature).
 */
export function extractTopLevelJsonValue(raw: string, key: string): string | undefined {
  let depth = 0;
  let index = 0;
  while (index < raw.length) {
    const char = raw[index];
    if (char === '"') {
      const end = endOfJsonString(raw, index);
      if (end === -1) return undefined;
      if (depth === 1 && readJsonString(raw.slice(index, end + 1)) === key) {
        const colon = /^\s*:\s*/.exec(raw.slice(end + 1));
        if (!colon) return undefined;
        const start = end + 1 + colon[0].length;
        const valueEnd = endOfJsonValue(raw, start);
        return valueEnd === -1 ? undefined : raw.slice(start, valueEnd);
      }
      index = end + 1;
      continue;
    }
    if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth -= 1;
    index += 1;
  }
  return undefined;
}

function readJsonString(text: string): string | undefined {
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

function endOfJsonString(raw: string, start: number): number {
  for (let index = start + 1; index < raw.length; index += 1) {
    if (raw[index] === '\\') index += 1;
    else if (raw[index] === '"') return index;
  }
  return -1;
}

/** Index just past the object/array/scalar starting at `start`, or -1 if it never closes. */
function endOfJsonValue(raw: string, start: number): number {
  if (raw[start] !== '{' && raw[start] !== '[') {
    if (raw[start] === '"') {
      const end = endOfJsonString(raw, start);
      return end === -1 ? -1 : end + 1;
    }
    const scalar = /^[^,}\]\s]+/.exec(raw.slice(start));
    return scalar ? start + scalar[0].length : -1;
  }
  let depth = 0;
  for (let index = start; index < raw.length; index += 1) {
    const char = raw[index];
    if (char === '"') {
      index = endOfJsonString(raw, index);
      if (index === -1) return -1;
    } else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/**
 * The text an Alipay gateway answers for `method` (sandbox): `{"<method>_response":<body>,"sign":"..."}`
 * where the RSA2 signature covers exactly the serialised body.
 */
export function signAlipayResponse(
  method: string,
  body: Readonly<Record<string, unknown>>,
  privateKeyPem: string,
): string {
  const bodyText = JSON.stringify(body);
  const sign = createSign(SIGN_ALGORITHM).update(bodyText, 'utf8').sign(privateKeyPem, 'base64');
  return `{${JSON.stringify(alipayResponseKey(method))}:${bodyText},"sign":${JSON.stringify(sign)}}`;
}

export type AlipayResponseVerifyResult =
  { ok: true; response: Record<string, unknown> } | { ok: false; reason: AlipayVerifyFailure; detail?: string };

/** Verifies a gateway response (e.g. alipay.trade.query) over the raw text of its *_response object. */
export function verifyAlipayResponse(
  rawText: string,
  method: string,
  alipayPublicKeyPem: string,
): AlipayResponseVerifyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawText);
  } catch {
    return { ok: false, reason: 'malformed', detail: 'not JSON' };
  }
  const key = alipayResponseKey(method);
  const envelope = parsed as Record<string, unknown> | null;
  const response = envelope && typeof envelope === 'object' ? envelope[key] : undefined;
  if (!response || typeof response !== 'object' || Array.isArray(response)) {
    return { ok: false, reason: 'malformed', detail: `no ${key} object` };
  }
  const sign = envelope?.sign;
  if (typeof sign !== 'string' || sign === '') return { ok: false, reason: 'missing_sign' };
  const signedText = extractTopLevelJsonValue(rawText, key);
  if (signedText === undefined) return { ok: false, reason: 'malformed', detail: `cannot locate ${key} text` };
  if (!verifyRsa2(signedText, sign, alipayPublicKeyPem)) return { ok: false, reason: 'bad_signature' };
  // read the fields from the signed text itself: with a repeated key JSON.parse keeps the last copy
  return { ok: true, response: JSON.parse(signedText) as Record<string, unknown> };
}
