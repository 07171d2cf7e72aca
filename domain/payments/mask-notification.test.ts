import { describe, expect, it } from 'vitest';
import { maskNotification } from './mask-notification';

describe('maskNotification', () => {
  it('cuts signatures, certificates and buyer ids in form bodies, keeps the rest readable', () => {
    const sign = 'A'.repeat(300);
    const { body } = maskNotification(
      {},
      `out_trade_no=SO1&total_amount=10.00&sign=${encodeURIComponent(sign)}&buyer_logon_id=159****5620&subject=%E4%B8%AD%E6%96%87`,
    );
    expect(body).toContain('out_trade_no=SO1');
    expect(body).toContain('subject=中文');
    expect(body).toContain('sign=AAAA…AAAA (300)');
    expect(body).not.toContain(sign);
  });

  it('masks JSON resources and signature headers', () => {
    const { body, headers } = maskNotification(
      { 'Wechatpay-Signature': 'x'.repeat(344), 'Wechatpay-Timestamp': '1700000000' },
      JSON.stringify({ id: 'n1', resource: { ciphertext: 'c'.repeat(100), nonce: 'abc' } }),
    );
    expect(headers['Wechatpay-Timestamp']).toBe('1700000000');
    expect(headers['Wechatpay-Signature']).toBe('xxxx…xxxx (344)');
    expect(body).toContain('"nonce": "abc"');
    expect(body).not.toContain('c'.repeat(100));
  });
});
