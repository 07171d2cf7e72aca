import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSandboxKeyPairSync, generateWechatApiV3Key } from '@/testing/sandboxes/payments/keys';
import {
  decryptWechatResource,
  encryptWechatResource,
  parseWechatTransaction,
  readWechatTransactionNotification,
  signWechatMessage,
  verifyWechatNotification,
  wechatSignContent,
  type TWechatResource,
} from './protocol';

const platform = generateSandboxKeyPairSync();
const stranger = generateSandboxKeyPairSync();
const apiV3Key = generateWechatApiV3Key();
const NOW = new Date('2026-11-26T10:00:00Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

const transaction = {
  appid: 'wxd678efh567hg6787',
  mchid: '1230000109',
  out_trade_no: 'PW-20261126-0001',
  transaction_id: '1217752501201407033233368018',
  trade_type: 'NATIVE',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'CMC',
  attach: '备注 100% a+b&c=d',
  success_time: '2026-11-26T17:59:58+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: 12850, payer_total: 12850, currency: 'CNY', payer_currency: 'CNY' },
};

function notificationBody(resource: TWechatResource): string {
  return JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2026-11-26T18:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource,
  });
}

function signedDelivery(options: { timestamp?: number; key?: string; body?: string } = {}) {
  const body =
    options.body ??
    notificationBody(
      encryptWechatResource({
        plaintext: JSON.stringify(transaction),
        apiV3Key,
        associatedData: 'transaction',
      }),
    );
  const timestamp = String(options.timestamp ?? NOW_SECONDS);
  const nonce = 'fdasflkja484w';
  const signature = signWechatMessage(timestamp, nonce, body, options.key ?? platform.privateKeyPem);
  const headers: Record<string, string> = {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
  return { body, headers };
}

describe('wechatSignContent', () => {
  it('is timestamp, nonce and body each followed by a newline', () => {
    expect(wechatSignContent('1554208460', 'abc', '{"a":1}')).toBe('1554208460\nabc\n{"a":1}\n');
  });
});

describe('verifyWechatNotification', () => {
  it('accepts a notification signed by the platform key and returns the parsed body', () => {
    const { body, headers } = signedDelivery();
    const result = verifyWechatNotification({ headers, body, platformPublicKeyPem: platform.publicKeyPem, now: NOW });
    expect(result).toMatchObject({ ok: true, notification: { event_type: 'TRANSACTION.SUCCESS' } });
  });

  it('reads headers case-insensitively, from a plain object or a Fetch Headers', () => {
    const { body, headers } = signedDelivery();
    const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
    expect(
      verifyWechatNotification({ headers: lower, body, platformPublicKeyPem: platform.publicKeyPem, now: NOW }).ok,
    ).toBe(true);
    expect(
      verifyWechatNotification({
        headers: new Headers(headers),
        body,
        platformPublicKeyPem: platform.publicKeyPem,
        now: NOW,
      }).ok,
    ).toBe(true);
  });

  it('refuses a changed body, nonce or timestamp', () => {
    const { body, headers } = signedDelivery();
    const check = (h: Record<string, string>, b: string) =>
      verifyWechatNotification({ headers: h, body: b, platformPublicKeyPem: platform.publicKeyPem, now: NOW });
    expect(check(headers, body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.CLOSED'))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(check(headers, `${body} `)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ ...headers, 'Wechatpay-Nonce': 'other' }, body)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ ...headers, 'Wechatpay-Timestamp': String(NOW_SECONDS + 1) }, body)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a notification signed with another key, or checked against another key', () => {
    const forged = signedDelivery({ key: stranger.privateKeyPem });
    expect(verifyWechatNotification({ ...forged, platformPublicKeyPem: platform.publicKeyPem, now: NOW })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const genuine = signedDelivery();
    expect(verifyWechatNotification({ ...genuine, platformPublicKeyPem: stranger.publicKeyPem, now: NOW })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it.each([
    ['299 s old', -299, true],
    ['300 s old', -300, false],
    ['a day old', -86_400, false],
    ['299 s ahead', 299, true],
    ['300 s ahead', 300, false],
    ['an hour ahead', 3600, false],
  ])('a timestamp %s is %s', (_label, offset, accepted) => {
    const delivery = signedDelivery({ timestamp: NOW_SECONDS + offset });
    const result = verifyWechatNotification({ ...delivery, platformPublicKeyPem: platform.publicKeyPem, now: NOW });
    if (accepted) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, reason: 'stale_timestamp' });
  });

  it.each(['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature'])(
    'refuses a notification without %s',
    (name) => {
      const { body, headers } = signedDelivery();
      const without = { ...headers };
      delete without[name];
      expect(
        verifyWechatNotification({ headers: without, body, platformPublicKeyPem: platform.publicKeyPem, now: NOW }),
      ).toEqual({ ok: false, reason: 'missing_header' });
    },
  );

  it('refuses another signature type, an unknown serial and a non-numeric timestamp', () => {
    const { body, headers } = signedDelivery();
    const base = { body, platformPublicKeyPem: platform.publicKeyPem, now: NOW };
    expect(
      verifyWechatNotification({
        ...base,
        headers: { ...headers, 'Wechatpay-Signature-Type': 'WECHATPAY2-SM2-WITH-SM3' },
      }),
    ).toMatchObject({ ok: false, reason: 'unsupported_signature_type' });
    expect(verifyWechatNotification({ ...base, headers, platformSerial: 'ANOTHER' })).toMatchObject({
      ok: false,
      reason: 'unknown_serial',
    });
    expect(verifyWechatNotification({ ...base, headers, platformSerial: headers['Wechatpay-Serial'] }).ok).toBe(true);
    expect(
      verifyWechatNotification({ ...base, headers: { ...headers, 'Wechatpay-Timestamp': '1.7e9' } }),
    ).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses a correctly signed body that is not a notification', () => {
    for (const body of ['not json', '{"id":"x"}']) {
      const delivery = signedDelivery({ body });
      expect(
        verifyWechatNotification({ ...delivery, platformPublicKeyPem: platform.publicKeyPem, now: NOW }),
      ).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });
});

describe('AEAD_AES_256_GCM resources', () => {
  const sealed = encryptWechatResource({
    plaintext: JSON.stringify(transaction),
    apiV3Key,
    associatedData: 'transaction',
  });

  it('decrypts what was sealed, Chinese and all', () => {
    expect(sealed.ciphertext).not.toContain('SUCCESS');
    const opened = decryptWechatResource(sealed, apiV3Key);
    expect(opened).toEqual({ ok: true, plaintext: JSON.stringify(transaction) });
  });

  it('carries the 16-byte tag at the end of the ciphertext', () => {
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    expect(bytes.length).toBe(Buffer.byteLength(JSON.stringify(transaction), 'utf8') + 16);
  });

  it('fails when the ciphertext, its tag, the associated data or the nonce changed, or the key is another', () => {
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    const flip = (index: number) => {
      const copy = Buffer.from(bytes);
      copy[index] ^= 0x01;
      return copy.toString('base64');
    };
    const failed = { ok: false, reason: 'decrypt_failed' };
    expect(decryptWechatResource({ ...sealed, ciphertext: flip(0) }, apiV3Key)).toEqual(failed);
    expect(decryptWechatResource({ ...sealed, ciphertext: flip(bytes.length - 1) }, apiV3Key)).toEqual(failed);
    expect(decryptWechatResource({ ...sealed, associated_data: 'refund' }, apiV3Key)).toEqual(failed);
    expect(decryptWechatResource({ ...sealed, associated_data: undefined }, apiV3Key)).toEqual(failed);
    // a different last character, whatever the random nonce ended with
    expect(
      decryptWechatResource(
        { ...sealed, nonce: `${sealed.nonce.slice(0, -1)}${sealed.nonce.endsWith('x') ? 'y' : 'x'}` },
        apiV3Key,
      ),
    ).toEqual(failed);
    expect(decryptWechatResource(sealed, generateWechatApiV3Key())).toEqual(failed);
  });

  it('refuses a key that is not 32 bytes, another algorithm and a truncated ciphertext', () => {
    expect(decryptWechatResource(sealed, 'short')).toEqual({ ok: false, reason: 'bad_key' });
    expect(decryptWechatResource({ ...sealed, algorithm: 'AES_256_CBC' }, apiV3Key)).toEqual({
      ok: false,
      reason: 'unsupported_algorithm',
    });
    expect(decryptWechatResource({ ...sealed, ciphertext: Buffer.alloc(16).toString('base64') }, apiV3Key)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('opens a resource sealed by hand from the spec (key = APIv3 key bytes, IV = nonce, AAD, ciphertext then tag)', () => {
    const key = 'a'.repeat(32);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from('abcdefghijkl'));
    cipher.setAAD(Buffer.from('certificate'));
    const ciphertext = Buffer.concat([
      cipher.update('{"x":"中"}', 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]).toString('base64');
    const resource = {
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext,
      associated_data: 'certificate',
      nonce: 'abcdefghijkl',
    };
    expect(decryptWechatResource(resource, key)).toEqual({ ok: true, plaintext: '{"x":"中"}' });
    expect(
      encryptWechatResource({
        plaintext: '{"x":"中"}',
        apiV3Key: key,
        associatedData: 'certificate',
        nonce: 'abcdefghijkl',
      }).ciphertext,
    ).toBe(ciphertext);
  });
});

describe('parseWechatTransaction', () => {
  it('reads the transaction with amounts in fen', () => {
    const result = parseWechatTransaction(JSON.stringify(transaction));
    expect(result).toMatchObject({
      ok: true,
      transaction: {
        trade_state: 'SUCCESS',
        out_trade_no: 'PW-20261126-0001',
        amount: { total: 12850, currency: 'CNY' },
      },
    });
  });

  it.each([
    ['a fractional amount', { ...transaction, amount: { ...transaction.amount, total: 128.5 } }],
    ['an amount as a string', { ...transaction, amount: { ...transaction.amount, total: '12850' } }],
    ['a negative amount', { ...transaction, amount: { ...transaction.amount, total: -1 } }],
    ['no mchid', { ...transaction, mchid: undefined }],
    ['no appid', { ...transaction, appid: undefined }],
    ['an unknown trade_state', { ...transaction, trade_state: 'PAID' }],
    ['a success without transaction_id', { ...transaction, transaction_id: undefined }],
  ])('refuses %s', (_label, value) => {
    expect(parseWechatTransaction(JSON.stringify(value))).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('accepts a NOTPAY transaction without transaction_id', () => {
    const notPaid = { ...transaction, trade_state: 'NOTPAY', transaction_id: undefined };
    expect(parseWechatTransaction(JSON.stringify(notPaid))).toMatchObject({
      ok: true,
      transaction: { trade_state: 'NOTPAY' },
    });
  });
});

describe('a whole notification, as the sandbox sends it and the console reads it', () => {
  it('verifies, decrypts and parses', () => {
    const delivery = signedDelivery();
    const verified = verifyWechatNotification({ ...delivery, platformPublicKeyPem: platform.publicKeyPem, now: NOW });
    if (!verified.ok) throw new Error(verified.reason);
    const opened = decryptWechatResource(verified.notification.resource, apiV3Key);
    if (!opened.ok) throw new Error(opened.reason);
    expect(parseWechatTransaction(opened.plaintext)).toMatchObject({
      ok: true,
      transaction: { attach: '备注 100% a+b&c=d', amount: { total: 12850 } },
    });
  });
});

describe('readWechatTransactionNotification', () => {
  const base = { platformPublicKeyPem: platform.publicKeyPem, apiV3Key, now: NOW };

  it('returns the transaction of a genuine notification', () => {
    expect(readWechatTransactionNotification({ ...signedDelivery(), ...base })).toMatchObject({
      ok: true,
      transaction: { out_trade_no: 'PW-20261126-0001', amount: { total: 12850, currency: 'CNY' } },
    });
  });

  it("passes each step's reason through", () => {
    expect(
      readWechatTransactionNotification({ ...signedDelivery({ timestamp: NOW_SECONDS - 600 }), ...base }),
    ).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    expect(
      readWechatTransactionNotification({ ...signedDelivery(), ...base, apiV3Key: generateWechatApiV3Key() }),
    ).toEqual({ ok: false, reason: 'decrypt_failed' });
    const refund = notificationBody(
      encryptWechatResource({ plaintext: '{}', apiV3Key, associatedData: 'refund', originalType: 'refund' }),
    );
    expect(readWechatTransactionNotification({ ...signedDelivery({ body: refund }), ...base })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    const notJson = notificationBody(
      encryptWechatResource({ plaintext: 'paid', apiV3Key, associatedData: 'transaction' }),
    );
    expect(readWechatTransactionNotification({ ...signedDelivery({ body: notJson }), ...base })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});
