import { createPublicKey, createSign, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSandboxKeyPair, generateSandboxProviderKeys, generateWechatApiV3Key } from './keys';

describe('sandbox keys', () => {
  it('generates RSA 2048 pairs in PKCS#8 / SPKI PEM whose halves match', async () => {
    const pair = await generateSandboxKeyPair();
    expect(pair.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(pair.publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');
    const publicKey = createPublicKey(pair.publicKeyPem);
    expect(publicKey.asymmetricKeyType).toBe('rsa');
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const signature = createSign('RSA-SHA256').update('x').sign(pair.privateKeyPem);
    expect(createVerify('RSA-SHA256').update('x').verify(pair.publicKeyPem, signature)).toBe(true);
  });

  it('gives each provider its own keys and a 32-character APIv3 key', async () => {
    const keys = await generateSandboxProviderKeys();
    const publicKeys = [
      keys.alipayGateway,
      keys.alipayMerchant,
      keys.wechatPlatform,
      keys.wechatMerchant,
      keys.unionPayGateway,
    ].map((pair) => pair.publicKeyPem);
    expect(new Set(publicKeys).size).toBe(5);
    expect(keys.wechatApiV3Key).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(generateWechatApiV3Key()).not.toBe(generateWechatApiV3Key());
  });
});
