import { generateKeyPair, generateKeyPairSync, randomInt } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * Keys for the built-in provider sandbox, generated on first run. The sandbox plays each
 * provider with its own pair (it signs as Alipay / WeChat Pay / UnionPay) and the console
 * verifies with the public half, exactly as with live keys.
 *
 * UnionPay: node:crypto cannot issue X.509 certificates, so the sandbox's UnionPay key is
 * trusted as a configured public key (UnionPayTrust `public-key`); the certificate-chain path
 * is exercised in tests with certificates made by the openssl CLI (see testing/unionpay-certs.ts).
 */
export interface SandboxKeyPair {
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY") */
  privateKeyPem: string;
  /** SPKI PEM ("BEGIN PUBLIC KEY"), the form Alipay's and WeChat Pay's consoles hand out */
  publicKeyPem: string;
}

const RSA_OPTIONS = {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
} as const;

const generateKeyPairAsync = promisify(generateKeyPair);

/** A 2048-bit RSA pair without blocking the event loop (keygen takes ~50-200 ms). */
export async function generateSandboxKeyPair(): Promise<SandboxKeyPair> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', RSA_OPTIONS);
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** Synchronous variant for scripts and test setup. */
export function generateSandboxKeyPairSync(): SandboxKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', RSA_OPTIONS);
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

const API_V3_KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 32-character APIv3 key like the one a merchant sets in the WeChat Pay platform. */
export function generateWechatApiV3Key(): string {
  let key = '';
  for (let index = 0; index < 32; index += 1) key += API_V3_KEY_ALPHABET[randomInt(API_V3_KEY_ALPHABET.length)];
  return key;
}

/** Every key the sandbox needs, for each provider: the sandbox signs with the private halves. */
export interface SandboxProviderKeys {
  /** Alipay's gateway key (sandbox signs notifications and query responses) */
  alipayGateway: SandboxKeyPair;
  /** the merchant's app key (the console signs requests, the sandbox verifies them) */
  alipayMerchant: SandboxKeyPair;
  /** WeChat Pay platform key (signs notifications) */
  wechatPlatform: SandboxKeyPair;
  /** the merchant's API key (signs requests) */
  wechatMerchant: SandboxKeyPair;
  wechatApiV3Key: string;
  /** UnionPay's signing key, trusted as a configured public key in the sandbox */
  unionPayGateway: SandboxKeyPair;
}

export async function generateSandboxProviderKeys(): Promise<SandboxProviderKeys> {
  const [alipayGateway, alipayMerchant, wechatPlatform, wechatMerchant, unionPayGateway] = await Promise.all([
    generateSandboxKeyPair(),
    generateSandboxKeyPair(),
    generateSandboxKeyPair(),
    generateSandboxKeyPair(),
    generateSandboxKeyPair(),
  ]);
  return {
    alipayGateway,
    alipayMerchant,
    wechatPlatform,
    wechatMerchant,
    wechatApiV3Key: generateWechatApiV3Key(),
    unionPayGateway,
  };
}
