import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CARRIERS, validateTrackingNumber } from '@/domain/logistics/carriers';
import { createWaybillSandbox } from '@/testing/sandboxes/kuaidi100-waybill/sandbox-waybill';
import { createKuaidi100WaybillProvider } from './index';
import {
  kuaidi100OrderParam,
  kuaidi100WaybillForm,
  parseKuaidi100CancelReply,
  parseKuaidi100OrderReply,
  signKuaidi100Waybill,
} from './protocol';

const request = {
  account: { carrierCode: 'zhongtong', partnerId: 'ZT-001', partnerKey: 'pk', net: '深圳南山' },
  requestId: 'req-1',
  recipient: { name: '张三', mobile: '13800138000', printAddr: '广东省深圳市南山区科技南十二路2号' },
  sender: { name: '李四', mobile: '13900139000', printAddr: '北京市海淀区中关村大街1号' },
  cargo: '陶瓷马克杯',
  count: 2,
  codAmountCents: 12_345,
};

describe('Kuaidi100 e-waybill protocol', () => {
  it('signs MD5(param + t + key + secret) in upper-case hex, as the documentation says', () => {
    const param = '{"kuaidicom":"zhongtong"}';
    const expected = createHash('md5').update(`${param}1576123932000keysecret`).digest('hex').toUpperCase();
    expect(signKuaidi100Waybill(param, '1576123932000', 'key', 'secret')).toBe(expected);
    expect(expected).toMatch(/^[0-9A-F]{32}$/);
    const form = kuaidi100WaybillForm('order', { a: 1 }, { key: 'key', secret: 'secret' }, new Date(1576123932000));
    expect(form).toEqual({
      method: 'order',
      key: 'key',
      t: '1576123932000',
      param: '{"a":1}',
      sign: signKuaidi100Waybill('{"a":1}', '1576123932000', 'key', 'secret'),
    });
  });

  it('builds the order param: account, carrier, people, goods, COD in yuan and our request id as orderId', () => {
    expect(kuaidi100OrderParam(request)).toMatchObject({
      printType: 'NON',
      partnerId: 'ZT-001',
      partnerKey: 'pk',
      net: '深圳南山',
      kuaidicom: 'zhongtong',
      recMan: request.recipient,
      sendMan: request.sender,
      cargo: '陶瓷马克杯',
      count: 2,
      payType: 'SHIPPER',
      expType: '标准快递',
      orderId: 'req-1',
      collection: '123.45',
    });
    expect(kuaidi100OrderParam({ ...request, codAmountCents: 0 })).not.toHaveProperty('collection');
  });

  it('reads the documented answers: a waybill with its sorting codes, a refusal with its code', () => {
    const answer = {
      success: true,
      code: 200,
      message: 'success',
      time: 126,
      data: {
        taskId: 'A1B2C3',
        kuaidinum: '78123456789012',
        kdComOrderNum: 'ZT20240101',
        bulkpen: '粤-深圳 512',
        pkgName: '深圳集散中心',
        label: 'https://api.kuaidi100.com/label/getImage/xyz',
      },
    };
    expect(parseKuaidi100OrderReply(answer)).toEqual({
      ok: true,
      data: {
        trackingNumber: '78123456789012',
        carrierOrderNumber: 'ZT20240101',
        sortingCode: '粤-深圳 512',
        packageCenter: '深圳集散中心',
        labelData: 'https://api.kuaidi100.com/label/getImage/xyz',
      },
    });
    expect(parseKuaidi100OrderReply({ success: false, code: 30004, message: '账号单量不足', time: 0 })).toMatchObject({
      ok: false,
      code: 'refused',
      message: '30004 账号单量不足',
    });
    // no number in a "success": we cannot know what happened, so it is retried, never taken as a refusal
    expect(parseKuaidi100OrderReply({ success: true, code: 200, message: 'success', data: {} })).toMatchObject({
      ok: false,
      code: 'unreachable',
    });
    expect(parseKuaidi100OrderReply('<html>502</html>')).toMatchObject({ ok: false, code: 'unreachable' });
    expect(parseKuaidi100CancelReply({ success: true, code: 200, message: 'success' })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(parseKuaidi100CancelReply({ success: false, code: 30009, message: '查无此单' })).toMatchObject({
      ok: false,
      code: 'refused',
    });
  });

  it('the sandbox assigns numbers that pass each carrier rule, through the same adapter', async () => {
    const sandbox = createWaybillSandbox({
      accounts: CARRIERS.map((c) => ({ carrierCode: c.code, partnerId: `P-${c.code}` })),
      firstSerial: 4_200_000,
    });
    const provider = createKuaidi100WaybillProvider({
      url: 'http://sandbox.invalid/label/order',
      key: 'sandbox-waybill-key',
      secret: 'sandbox-waybill-secret',
      fetch: sandbox.fetch,
    });
    for (const carrier of CARRIERS) {
      for (let i = 0; i < 3; i++) {
        const answer = await provider.order({
          ...request,
          requestId: `${carrier.code}-${i}`,
          account: { carrierCode: carrier.code, partnerId: `P-${carrier.code}` },
        });
        if (!answer.ok) throw new Error(answer.message);
        expect(validateTrackingNumber(carrier.code, answer.data.trackingNumber).ok, answer.data.trackingNumber).toBe(
          true,
        );
        expect(answer.data.sortingCode).toMatch(/^广东-深圳 \d{3}$/);
      }
    }
    // an unknown carrier code is refused as the real one refuses it
    const unknown = await provider.order({ ...request, account: { carrierCode: 'nosuch', partnerId: 'x' } });
    expect(unknown).toMatchObject({ ok: false, code: 'refused' });
  });
});
