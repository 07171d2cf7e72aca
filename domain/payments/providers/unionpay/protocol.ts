import { createHash, createSign, createVerify, X509Certificate, type KeyObject } from 'node:crypto';
import { readFormFields } from '../form-body';

/**
 * UnionPay online gateway (全渠道) 5.1.0 message rules, signMethod 01, as the acp SDK
 * (AcpService.validate / SDKUtil.signBySecureKey) applies them: the signed text is the SHA-256
 * lowercase hex of the sorted `k=v&...` string without `signature`; RSA-SHA256 over that hex.
 */

/** Why a notification was refused. */
export type UnionPayVerifyFailure =
  | 'missing_signature'
  | 'unsupported_sign_method' // signMethod absent or not 01 (SM2/SHA-1 variants are not accepted)
  | 'unsupported_version' // version is not 5.1.0
  | 'missing_certificate' // certificate trust, but no signPubKeyCert in the message
  | 'bad_certificate' // not a PEM X.509, or not issued by the configured chain
  | 'certificate_expired' // outside the certificate's (or its issuer's) validity period
  | 'bad_signature'
  | 'malformed';

/**
 * How the console trusts the key that signed a notification.
 * - `certificate`: production. The key comes from the message's signPubKeyCert, which must be in
 *   its validity period and issued by the configured intermediate, itself issued by the root
 *   (UnionPay's acp_prod_root.cer / acp_prod_middle.cer). A chain is required: a certificate the
 *   sender brings along proves nothing unless it chains to what we configured.
 * - `public-key`: the built-in sandbox. Node cannot issue X.509 certificates, so the sandbox signs
 *   with a generated key pair and the console trusts that configured public key; signPubKeyCert
 *   in the message is then ignored.
 */
export type UnionPayTrust =
  | { kind: 'certificate'; rootCertPem: string; intermediateCertPem: string; now: Date }
  | { kind: 'public-key'; publicKeyPem: string };

export type UnionPayVerifyResult =
  | { ok: true; params: Record<string, string>; isSuccess: boolean }
  | { ok: false; reason: UnionPayVerifyFailure; detail?: string };

const SIGN_METHOD_RSA = '01';
const VERSION = '5.1.0';
/** respCode values that mean the transaction succeeded (A6: succeeded with some defect, still paid). */
export const UNIONPAY_SUCCESS_CODES: readonly string[] = ['00', 'A6'];

/**
 * The sorted `k=v&k=v` string (without `signature`). Empty values are left out, as the acp demo
 * drops blank request params before signing (SDKUtil.filterBlank / getAllRequestParam).
 */
export function unionPaySignContent(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'signature' && params[key] !== '' && params[key] !== undefined)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

function unionPayDigestHex(params: Readonly<Record<string, string>>): string {
  return createHash('sha256').update(unionPaySignContent(params), 'utf8').digest('hex');
}

/** The `signature` value (base64) for params, as the gateway or the sandbox signs with its private key. */
export function signUnionPayParams(params: Readonly<Record<string, string>>, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(unionPayDigestHex(params), 'utf8').sign(privateKeyPem, 'base64');
}

/** True for respCode 00 and A6. */
export function isUnionPaySuccess(respCode: string | undefined): boolean {
  return respCode !== undefined && UNIONPAY_SUCCESS_CODES.includes(respCode);
}

function isWithinValidity(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom).getTime() <= now.getTime() && now.getTime() <= new Date(cert.validTo).getTime();
}

function readCertificate(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/** The signing key of a certificate-trusted message, or why it is not trusted. */
function signingKeyFromCertificate(
  signPubKeyCert: string | undefined,
  trust: Extract<UnionPayTrust, { kind: 'certificate' }>,
): { ok: true; key: KeyObject } | { ok: false; reason: UnionPayVerifyFailure; detail?: string } {
  if (!signPubKeyCert) return { ok: false, reason: 'missing_certificate' };
  const cert = readCertificate(signPubKeyCert);
  if (!cert) return { ok: false, reason: 'bad_certificate', detail: 'signPubKeyCert is not an X.509 PEM' };
  const intermediate = readCertificate(trust.intermediateCertPem);
  const root = readCertificate(trust.rootCertPem);
  // a broken configured chain is a setup bug, not a bad message
  if (!intermediate || !root) throw new Error('UnionPay trust chain is not valid X.509 PEM');
  if (!cert.checkIssued(intermediate) || !cert.verify(intermediate.publicKey)) {
    return { ok: false, reason: 'bad_certificate', detail: 'not issued by the configured intermediate' };
  }
  if (!intermediate.checkIssued(root) || !intermediate.verify(root.publicKey)) {
    throw new Error('UnionPay intermediate certificate is not issued by the configured root');
  }
  if (!isWithinValidity(cert, trust.now)) return { ok: false, reason: 'certificate_expired', detail: cert.validTo };
  if (!isWithinValidity(intermediate, trust.now))
    return { ok: false, reason: 'certificate_expired', detail: 'intermediate' };
  return { ok: true, key: cert.publicKey };
}

/**
 * Verifies a back notification: the raw form body (decoded here, once) or its fields already
 * decoded by the framework. On success, `isSuccess` says whether respCode reports a paid transaction.
 */
export function verifyUnionPayNotification(
  formBody: string | Readonly<Record<string, string>>,
  trust: UnionPayTrust,
): UnionPayVerifyResult {
  const read = readFormFields(formBody);
  if (!read.ok) return { ok: false, reason: 'malformed', detail: read.detail };
  const { params } = read;
  const { signature } = params;
  if (!signature) return { ok: false, reason: 'missing_signature' };
  if (params.signMethod !== SIGN_METHOD_RSA) {
    return { ok: false, reason: 'unsupported_sign_method', detail: params.signMethod ?? '(none)' };
  }
  if (params.version !== VERSION)
    return { ok: false, reason: 'unsupported_version', detail: params.version ?? '(none)' };

  let key: KeyObject | string;
  if (trust.kind === 'certificate') {
    const found = signingKeyFromCertificate(params.signPubKeyCert, trust);
    if (!found.ok) return found;
    key = found.key;
  } else {
    key = trust.publicKeyPem;
  }

  let valid = false;
  try {
    valid = createVerify('RSA-SHA256').update(unionPayDigestHex(params), 'utf8').verify(key, signature, 'base64');
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad_signature' };
  return { ok: true, params, isSuccess: isUnionPaySuccess(params.respCode) };
}
