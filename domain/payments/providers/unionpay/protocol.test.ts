import { createHash, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSandboxKeyPairSync } from '@/testing/sandboxes/payments/keys';
import {
  makeUnionPayTestPki,
  opensslSignBase64,
  type UnionPayTestPki,
} from '@/testing/sandboxes/payments/unionpay-test-certs';
import {
  isUnionPaySuccess,
  signUnionPayParams,
  unionPaySignContent,
  verifyUnionPayNotification,
  type UnionPayTrust,
} from './protocol';

const gateway = generateSandboxKeyPairSync();
const stranger = generateSandboxKeyPairSync();
const sandboxTrust: UnionPayTrust = { kind: 'public-key', publicKeyPem: gateway.publicKeyPem };

function backNotification(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    accessType: '0',
    bizType: '000201',
    currencyCode: '156',
    encoding: 'UTF-8',
    merId: '777290058110048',
    orderId: 'PU2026112600001',
    queryId: '772611260959580011238',
    respCode: '00',
    respMsg: '成功[0000000]',
    settleAmt: '12850',
    settleCurrencyCode: '156',
    settleDate: '1126',
    signMethod: '01',
    traceNo: '001123',
    traceTime: '1126095958',
    txnAmt: '12850',
    txnSubType: '01',
    txnTime: '20261126095958',
    txnType: '01',
    version: '5.1.0',
    ...overrides,
  };
}

function signed(params: Record<string, string>, key = gateway.privateKeyPem): Record<string, string> {
  return { ...params, signature: signUnionPayParams(params, key) };
}

describe('unionPaySignContent', () => {
  it('drops signature and empty values, sorts keys and joins raw k=v with &', () => {
    expect(
      unionPaySignContent({ txnAmt: '1', signature: 'x', accessType: '0', reqReserved: '', orderId: 'a&b=c' }),
    ).toBe('accessType=0&orderId=a&b=c&txnAmt=1');
  });
});

describe('verifyUnionPayNotification with a configured public key (sandbox)', () => {
  it('accepts a signed notification and reports success for respCode 00', () => {
    const result = verifyUnionPayNotification(signed(backNotification()), sandboxTrust);
    expect(result).toMatchObject({
      ok: true,
      isSuccess: true,
      params: { orderId: 'PU2026112600001', txnAmt: '12850' },
    });
  });

  it.each([
    ['00', true],
    ['A6', true],
    ['01', false],
    ['03', false],
    ['', false],
  ])('respCode %j means success: %s', (code, success) => {
    const result = verifyUnionPayNotification(signed(backNotification({ respCode: code })), sandboxTrust);
    expect(result).toMatchObject({ ok: true, isSuccess: success });
    expect(isUnionPaySuccess(code)).toBe(success);
  });

  it('verifies values with percent signs, +, &, = and Chinese', () => {
    const params = backNotification({ reqReserved: '满100%减20 a+b&c=d', respMsg: '交易成功，请核对' });
    expect(verifyUnionPayNotification(signed(params), sandboxTrust)).toMatchObject({
      ok: true,
      params: { reqReserved: '满100%减20 a+b&c=d' },
    });
  });

  it.each([
    ['txnAmt', '1'],
    ['respCode', '00'],
    ['orderId', 'PU2026112600002'],
    ['merId', '777290058110049'],
  ])('refuses a notification whose %s was changed', (field, value) => {
    const params = signed(backNotification({ respCode: '03' }));
    expect(verifyUnionPayNotification({ ...params, [field]: value }, sandboxTrust)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('reads the raw form body, decoding it once', () => {
    const params = signed(backNotification({ reqReserved: '100%25 a+b&c=d 中' }));
    const body = new URLSearchParams(params).toString();
    expect(verifyUnionPayNotification(body, sandboxTrust)).toMatchObject({
      ok: true,
      params: { reqReserved: '100%25 a+b&c=d 中' },
    });
    expect(verifyUnionPayNotification(`${body}&txnAmt=1`, sandboxTrust)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyUnionPayNotification(body.replace('txnAmt=12850', 'txnAmt=1'), sandboxTrust)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses another signing key and a garbage signature', () => {
    expect(verifyUnionPayNotification(signed(backNotification(), stranger.privateKeyPem), sandboxTrust)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyUnionPayNotification({ ...backNotification(), signature: '%%%' }, sandboxTrust)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a missing signature, another signMethod and another version', () => {
    expect(verifyUnionPayNotification(backNotification(), sandboxTrust)).toEqual({
      ok: false,
      reason: 'missing_signature',
    });
    const noMethod = backNotification();
    delete noMethod.signMethod;
    expect(verifyUnionPayNotification(signed(noMethod), sandboxTrust)).toMatchObject({
      ok: false,
      reason: 'unsupported_sign_method',
    });
    expect(verifyUnionPayNotification(signed(backNotification({ signMethod: '02' })), sandboxTrust)).toMatchObject({
      ok: false,
      reason: 'unsupported_sign_method',
    });
    expect(verifyUnionPayNotification(signed(backNotification({ version: '5.0.0' })), sandboxTrust)).toMatchObject({
      ok: false,
      reason: 'unsupported_version',
    });
  });

  it('signs the lowercase hex digest, not the string itself', () => {
    const params = backNotification();
    const hex = createHash('sha256').update(unionPaySignContent(params), 'utf8').digest('hex');
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    // a signature over the plain string (the 5.0.0 habit) must not pass as 5.1.0
    const overString = opensslSignBase64(unionPaySignContent(params), gateway.privateKeyPem);
    expect(verifyUnionPayNotification({ ...params, signature: overString }, sandboxTrust)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const overHex = opensslSignBase64(hex, gateway.privateKeyPem);
    expect(verifyUnionPayNotification({ ...params, signature: overHex }, sandboxTrust).ok).toBe(true);
    expect(signUnionPayParams(params, gateway.privateKeyPem)).toBe(overHex);
  });
});

describe('verifyUnionPayNotification with a certificate chain (production)', () => {
  let pki: UnionPayTestPki;
  let rogue: UnionPayTestPki;
  let trust: UnionPayTrust & { kind: 'certificate' };
  beforeAll(() => {
    pki = makeUnionPayTestPki('UnionPay Test');
    rogue = makeUnionPayTestPki('Rogue');
    trust = {
      kind: 'certificate',
      rootCertPem: pki.rootCertPem,
      intermediateCertPem: pki.intermediateCertPem,
      now: new Date(),
    };
  });

  it('accepts a notification signed with the key of a certificate issued by the configured chain', () => {
    const params = signed(backNotification({ signPubKeyCert: pki.signCertPem }), pki.signKeyPem);
    expect(verifyUnionPayNotification(params, trust)).toMatchObject({ ok: true, isSuccess: true });
  });

  it('refuses a certificate outside its validity period', () => {
    const params = signed(backNotification({ signPubKeyCert: pki.signCertPem }), pki.signKeyPem);
    const validTo = new Date(new X509Certificate(pki.signCertPem).validTo);
    const afterExpiry = new Date(validTo.getTime() + 1000);
    expect(verifyUnionPayNotification(params, { ...trust, now: afterExpiry })).toMatchObject({
      ok: false,
      reason: 'certificate_expired',
    });
    expect(verifyUnionPayNotification(params, { ...trust, now: new Date('2000-01-01T00:00:00Z') })).toMatchObject({
      ok: false,
      reason: 'certificate_expired',
    });
  });

  it('refuses a certificate from another chain, even with a matching signature', () => {
    const params = signed(backNotification({ signPubKeyCert: rogue.signCertPem }), rogue.signKeyPem);
    expect(verifyUnionPayNotification(params, trust)).toMatchObject({ ok: false, reason: 'bad_certificate' });
  });

  it('refuses a certificate issued by the root directly instead of the intermediate', () => {
    const params = signed(backNotification({ signPubKeyCert: pki.rootIssuedCertPem }), pki.rootIssuedKeyPem);
    expect(verifyUnionPayNotification(params, trust)).toMatchObject({ ok: false, reason: 'bad_certificate' });
  });

  it('refuses a genuine certificate with a signature from another key', () => {
    const params = signed(backNotification({ signPubKeyCert: pki.signCertPem }), stranger.privateKeyPem);
    expect(verifyUnionPayNotification(params, trust)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a message without signPubKeyCert, or with one that is not a certificate', () => {
    expect(verifyUnionPayNotification(signed(backNotification(), pki.signKeyPem), trust)).toEqual({
      ok: false,
      reason: 'missing_certificate',
    });
    const garbage = signed(
      backNotification({ signPubKeyCert: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }),
      pki.signKeyPem,
    );
    expect(verifyUnionPayNotification(garbage, trust)).toMatchObject({ ok: false, reason: 'bad_certificate' });
  });

  it('throws on a configured chain whose intermediate was not issued by the root (a setup bug)', () => {
    const params = signed(backNotification({ signPubKeyCert: pki.signCertPem }), pki.signKeyPem);
    expect(() => verifyUnionPayNotification(params, { ...trust, rootCertPem: rogue.rootCertPem })).toThrow(
      /not issued by the configured root/,
    );
  });
});
