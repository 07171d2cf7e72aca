import { describe, expect, it } from 'vitest';
import {
  KUAIDI100_PUSH_OK,
  kuaidi100Events,
  kuaidi100PushFailure,
  kuaidi100Time,
  parseKuaidi100Push,
  signKuaidi100Push,
  verifyKuaidi100Push,
} from './kuaidi100';

const SALT = 'k100-salt-7f3a';

// shaped like a real push: strings for numbers, newest event first, resultv2 area fields
const push = {
  status: 'polling',
  billstatus: 'got',
  message: '',
  autoCheck: '0',
  comOld: '',
  comNew: '',
  lastResult: {
    message: 'ok',
    state: '5',
    status: '200',
    condition: 'F00',
    ischeck: '0',
    com: 'shunfeng',
    nu: 'SF1403517370890',
    data: [
      {
        context: '[上海市]快件交给王师傅，正在派送途中',
        time: '2026-11-26 09:12:40',
        ftime: '2026-11-26 09:12:40',
        areaCode: 'CN310000000000',
        areaName: '上海市',
        status: '派件',
        statusCode: '5',
      },
      {
        context: '[上海市]快件到达 【上海浦东集散中心】',
        time: '2026-11-26 03:05:11',
        ftime: '2026-11-26 03:05:11',
        areaName: '上海市',
        status: '在途',
      },
      { context: '顺丰速运 已收取快件', time: '2026-11-25 18:40:00', ftime: '2026-11-25 18:40:00', status: '揽收' },
    ],
  },
};
const param = JSON.stringify(push);

describe('Kuaidi100 push signature', () => {
  it('signs as upper-case hex MD5 of param + salt (UTF-8)', () => {
    // md5("abc") is the RFC 1321 test vector
    expect(signKuaidi100Push('ab', 'c')).toBe('900150983CD24FB0D6963F7D28E17F72');
    expect(signKuaidi100Push('{"a":"签收"}', SALT)).toMatch(/^[0-9A-F]{32}$/);
    expect(signKuaidi100Push('{"a":"签收"}', SALT)).not.toBe(signKuaidi100Push('{"a":"揽收"}', SALT));
  });

  it('verifies a push it signed (round trip)', () => {
    expect(verifyKuaidi100Push({ param, sign: signKuaidi100Push(param, SALT) }, SALT)).toEqual({
      ok: true,
      data: undefined,
    });
  });

  it('refuses a tampered param, a wrong salt and a sign of the wrong length', () => {
    const sign = signKuaidi100Push(param, SALT);
    const tampered = param.replace('"state":"5"', '"state":"3"');
    expect(tampered).not.toBe(param);
    expect(verifyKuaidi100Push({ param: tampered, sign }, SALT)).toMatchObject({ ok: false, code: 'bad_signature' });
    expect(verifyKuaidi100Push({ param, sign }, `${SALT}x`)).toMatchObject({ ok: false, code: 'bad_signature' });
    expect(verifyKuaidi100Push({ param, sign: sign.slice(0, 31) }, SALT)).toMatchObject({
      ok: false,
      code: 'malformed_sign',
    });
    expect(verifyKuaidi100Push({ param, sign: `${sign.slice(0, 31)}G` }, SALT)).toMatchObject({
      ok: false,
      code: 'malformed_sign',
    });
  });

  it('accepts the same digest in lower case (documented choice)', () => {
    expect(verifyKuaidi100Push({ param, sign: signKuaidi100Push(param, SALT).toLowerCase() }, SALT)).toMatchObject({
      ok: true,
    });
  });

  it('refuses missing fields and an unconfigured salt without throwing', () => {
    expect(verifyKuaidi100Push({ sign: signKuaidi100Push(param, SALT) }, SALT)).toMatchObject({
      ok: false,
      code: 'missing_param',
    });
    expect(verifyKuaidi100Push({ param }, SALT)).toMatchObject({ ok: false, code: 'missing_sign' });
    expect(verifyKuaidi100Push({ param, sign: 42 }, SALT)).toMatchObject({ ok: false, code: 'missing_sign' });
    // with an empty salt anyone could compute the sign: refuse even a "correct" one
    expect(verifyKuaidi100Push({ param, sign: signKuaidi100Push(param, '') }, '')).toMatchObject({
      ok: false,
      code: 'salt_not_configured',
    });
  });
});

describe('Kuaidi100 push parsing', () => {
  it('reads a push into typed values', () => {
    const result = parseKuaidi100Push(param);
    if (!result.ok) throw new Error(result.message);
    expect(result.data.status).toBe('polling');
    expect(result.data.lastResult).toMatchObject({ state: 5, ischeck: false, com: 'shunfeng', nu: 'SF1403517370890' });
    expect(result.data.lastResult.data).toHaveLength(3);
    expect(result.data.lastResult.data[0]).toMatchObject({ areaName: '上海市', statusCode: 5 });
  });

  it('turns the events into tracking events at their China-time instants, with state codes', () => {
    const result = parseKuaidi100Push(param);
    if (!result.ok) throw new Error(result.message);
    const events = kuaidi100Events(result.data);
    expect(events.map((e) => [e.occurredAt.toISOString(), e.stateCode, e.location])).toEqual([
      ['2026-11-26T01:12:40.000Z', 5, '上海市'],
      ['2026-11-25T19:05:11.000Z', 0, '上海市'],
      ['2026-11-25T10:40:00.000Z', 1, null],
    ]);
    expect(events[2].description).toBe('顺丰速运 已收取快件');
    expect(kuaidi100Time('2026-01-01 00:00')).toEqual(new Date('2025-12-31T16:00:00Z'));
  });

  it('takes numbers as numbers too, and a signed-for shutdown push', () => {
    const signed = { ...push, status: 'shutdown', lastResult: { ...push.lastResult, state: 3, ischeck: 1 } };
    const result = parseKuaidi100Push(JSON.stringify(signed));
    expect(result).toMatchObject({ ok: true, data: { status: 'shutdown', lastResult: { state: 3, ischeck: true } } });
  });

  it('answers malformed JSON with a clear failure, never a throw', () => {
    for (const bad of ['', '{', 'param=1', '{"status":"polling",}', 'null', '[]', '"text"']) {
      const result = parseKuaidi100Push(bad);
      expect(result, bad).toMatchObject({ ok: false, code: 'malformed_push' });
    }
    expect(parseKuaidi100Push('{')).toMatchObject({ message: 'the push param is not JSON' });
  });

  it('names the missing or wrong fields', () => {
    const withoutNumber = { ...push, lastResult: { ...push.lastResult, nu: undefined } };
    expect(parseKuaidi100Push(JSON.stringify(withoutNumber))).toMatchObject({
      ok: false,
      code: 'malformed_push',
      fieldErrors: { 'lastResult.nu': expect.any(Array) },
    });
    const withoutResult = { status: 'polling', message: '' };
    expect(parseKuaidi100Push(JSON.stringify(withoutResult))).toMatchObject({
      ok: false,
      fieldErrors: { lastResult: expect.any(Array) },
    });
    const badState = { ...push, lastResult: { ...push.lastResult, state: 'signed' } };
    expect(parseKuaidi100Push(JSON.stringify(badState))).toMatchObject({
      ok: false,
      fieldErrors: { 'lastResult.state': expect.any(Array) },
    });
    const badStatus = { ...push, status: 'finished' };
    expect(parseKuaidi100Push(JSON.stringify(badStatus))).toMatchObject({
      ok: false,
      fieldErrors: { status: expect.any(Array) },
    });
    const badTime = {
      ...push,
      lastResult: { ...push.lastResult, data: [{ ...push.lastResult.data[0], time: '2026-02-30 10:00:00' }] },
    };
    expect(parseKuaidi100Push(JSON.stringify(badTime))).toMatchObject({
      ok: false,
      fieldErrors: { 'lastResult.data.0.time': expect.any(Array) },
    });
    const noContext = {
      ...push,
      lastResult: { ...push.lastResult, data: [{ time: '2026-11-26 09:12:40', ftime: '2026-11-26 09:12:40' }] },
    };
    expect(parseKuaidi100Push(JSON.stringify(noContext))).toMatchObject({
      ok: false,
      fieldErrors: { 'lastResult.data.0.context': expect.any(Array) },
    });
  });
});

describe('Kuaidi100 replies', () => {
  it('answers success exactly as Kuaidi100 expects, and failure so it retries', () => {
    expect(JSON.stringify(KUAIDI100_PUSH_OK)).toBe('{"result":true,"returnCode":"200","message":"成功"}');
    expect(kuaidi100PushFailure('bad_signature')).toEqual({
      result: false,
      returnCode: '500',
      message: 'bad_signature',
    });
  });
});
