import { describe, expect, it } from 'vitest';
import { signKuaidi100Push } from '../kuaidi100';
import { exceptionKindOf } from '../tracking-state';
import { createKuaidi100Provider, signKuaidi100Query } from './kuaidi100-provider';
import { scriptFor } from '@/testing/sandboxes/kuaidi100/sandbox-script';
import { toKuaidi100Time } from '@/testing/sandboxes/kuaidi100/sandbox-aggregator';

const config = {
  baseUrl: 'https://agg.test',
  key: 'K',
  customer: 'C',
  salt: 'pepper',
  callbackUrl: 'https://shop.test/push',
};

describe('Kuaidi100 provider', () => {
  it('signs queries as upper-case MD5 of param + key + customer', () => {
    // md5("abc") is the RFC 1321 test vector
    expect(signKuaidi100Query('a', 'b', 'c')).toBe('900150983CD24FB0D6963F7D28E17F72');
  });

  it('sends a subscription as a form POST with schema=json and the salt and callback in parameters', async () => {
    const calls: { url: string; form: URLSearchParams }[] = [];
    const provider = createKuaidi100Provider({
      ...config,
      fetch: async (url, init) => {
        calls.push({ url: String(url), form: new URLSearchParams(String(init?.body)) });
        return Response.json({ result: true, returnCode: '200', message: '提交成功' });
      },
    });
    expect(
      await provider.subscribe({ carrierCode: 'shunfeng', trackingNumber: 'SF1400000000001', phone: '13800138000' }),
    ).toEqual({ ok: true, data: undefined });
    expect(calls[0].url).toBe('https://agg.test/poll');
    expect(calls[0].form.get('schema')).toBe('json');
    expect(JSON.parse(calls[0].form.get('param')!)).toEqual({
      company: 'shunfeng',
      number: 'SF1400000000001',
      key: 'K',
      parameters: { callbackurl: 'https://shop.test/push', salt: 'pepper', resultv2: '1', phone: '13800138000' },
    });
  });

  it('reports refusals and unreachable aggregators as failures, never throws', async () => {
    const refusing = createKuaidi100Provider({
      ...config,
      fetch: async () => Response.json({ result: false, returnCode: '600', message: '授权Key出错' }),
    });
    expect(await refusing.subscribe({ carrierCode: 'jd', trackingNumber: 'JDVA00000000001' })).toMatchObject({
      ok: false,
      code: 'subscribe_failed',
      message: expect.stringContaining('600'),
    });
    expect(await refusing.query({ carrierCode: 'jd', trackingNumber: 'JDVA00000000001' })).toMatchObject({
      ok: false,
      code: 'query_failed',
    });
    const down = createKuaidi100Provider({
      ...config,
      fetch: async () => {
        throw new Error('ECONNREFUSED');
      },
    });
    expect(await down.subscribe({ carrierCode: 'jd', trackingNumber: 'JDVA00000000001' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('ECONNREFUSED'),
    });
    const html = createKuaidi100Provider({ ...config, fetch: async () => new Response('<html>', { status: 502 }) });
    expect(await html.query({ carrierCode: 'jd', trackingNumber: 'JDVA00000000001' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('502'),
    });
  });

  it('checks the push sign with its salt before reading it', () => {
    const provider = createKuaidi100Provider(config);
    const param = JSON.stringify({
      status: 'shutdown',
      message: '',
      lastResult: {
        state: '3',
        ischeck: '1',
        com: 'shunfeng',
        nu: 'SF1400000000001',
        data: [{ context: '已签收', time: '2026-11-26 09:00:00', ftime: '2026-11-26 09:00:00' }],
      },
    });
    expect(provider.parsePush({ param, sign: signKuaidi100Push(param, 'pepper') })).toMatchObject({
      ok: true,
      data: { state: 3, isFinal: true, trackingNumber: 'SF1400000000001', events: [{ stateCode: 3 }] },
    });
    expect(provider.parsePush({ param, sign: signKuaidi100Push(param, 'salt') })).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
  });
});

describe('tracking state additions', () => {
  it('raises an exception kind for problem, refused, returning and rejected only', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 99, null].map(exceptionKindOf)).toEqual([
      null,
      null,
      'problem',
      null,
      'refused',
      null,
      'returning',
      null,
      null,
      'rejected',
      null,
      null,
    ]);
  });

  it('picks the sandbox script by the last digit, and writes China time', () => {
    expect([scriptFor('SF1400000000004'), scriptFor('SF1400000000002'), scriptFor('SF1400000000001 ')]).toEqual([
      'refused',
      'problem',
      'delivered',
    ]);
    expect(toKuaidi100Time(new Date('2026-11-25T16:30:05Z'))).toBe('2026-11-26 00:30:05');
  });
});
