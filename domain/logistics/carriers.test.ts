import { describe, expect, it } from 'vitest';
import { createTranslator } from 'use-intl/core';
import en from '@/messages/en/shipping.json';
import zh from '@/messages/zh-CN/shipping.json';
import { CARRIERS, getCarrierSpec, trackingUrl, validateTrackingNumber, validateTrackingNumberFor } from './carriers';

// real-world shaped numbers each carrier's pattern must take, and near misses it must refuse
const CASES: Record<string, { accept: string[]; reject: string[] }> = {
  shunfeng: {
    accept: ['SF1403517370890', 'SF140351737089', 'sf 1403 5173 7089 0'],
    reject: ['SF14035173708', 'SF14035173708901', '1403517370890', 'JT1403517370890', 'SF14035173708X'],
  },
  jd: {
    accept: ['JDVA00012345678', 'JDVC01234567890', 'JDX000012345678', 'jdva00012345678'],
    reject: ['JD1234567890', 'JDVA00012345678-1-1-', 'VA00012345678', 'JDVA0001234567890123'],
  },
  zhongtong: {
    accept: ['78123456789012', '75123456789012', '731234567890', '680123456789'],
    reject: ['12345678901', '88123456789012', '7812345678901', '781234567890123', 'ZT123456789012'],
  },
  yuantong: {
    accept: ['YT7500000000000', 'YT2012345678901', 'yt 7500 0000 0000 0'],
    reject: ['YT750000000000', 'YT75000000000000', '7500000000000', 'YD7500000000000'],
  },
  yunda: {
    accept: ['4312345678901', '3123456789012', '312345678901234', '462345678901234'],
    reject: ['0312345678901', '512345678901234', '43123456789012', '431234567890'],
  },
  shentong: {
    accept: ['268123456789', '7701234567890', '8801234567890', '773012345678901'],
    reject: ['1201234567890', '883012345678901', '26812345678', 'ST7701234567890'],
  },
  ems: {
    accept: ['1012345678901', '9812345678901', 'EE123456785CN', 'ee123456785cn'],
    reject: ['101234567890', 'EE123456785US', 'E123456785CN', '10123456789012'],
  },
  jtexpress: {
    accept: ['JT0001234567890', 'jt 0001234567890'],
    reject: ['JT000123456789', 'JT00012345678901', '0001234567890', 'JD0001234567890'],
  },
  debangkuaidi: {
    accept: ['DPK360012345678', '5012345678'],
    reject: ['DPK36001234567', 'DPK3600123456789', '501234567', 'DP360012345678'],
  },
};

describe('carrier registry', () => {
  it('covers every carrier in the registry, once each', () => {
    expect(Object.keys(CASES).sort()).toEqual(CARRIERS.map((c) => c.code).sort());
    expect(new Set(CARRIERS.map((c) => c.code)).size).toBe(CARRIERS.length);
  });

  it.each(CARRIERS.map((c) => [c.code, c] as const))(
    '%s: sample numbers match the pattern and pass validation',
    (_code, carrier) => {
      for (const serial of [0, 1, 42, 99_999, 123_456_789]) {
        const sample = carrier.sampleNumber(serial);
        expect(sample).toMatch(new RegExp(carrier.trackingPattern));
        expect(validateTrackingNumber(carrier.code, sample)).toEqual({ ok: true, data: sample });
      }
      expect(carrier.sampleNumber(1)).not.toBe(carrier.sampleNumber(2));
    },
  );

  it.each(Object.entries(CASES))('%s: accepts real formats and refuses near misses', (code, { accept, reject }) => {
    for (const number of accept) expect(validateTrackingNumber(code, number), number).toMatchObject({ ok: true });
    for (const number of reject) {
      expect(validateTrackingNumber(code, number), number).toMatchObject({
        ok: false,
        code: 'invalid_tracking_number',
        fieldErrors: { trackingNumber: ['invalid_tracking_number'] },
        params: { carrierCode: code },
      });
    }
  });

  it('normalises spaces, full-width characters and case before checking', () => {
    expect(validateTrackingNumber('shunfeng', '  sf 1403\t5173 7089 0 ')).toEqual({
      ok: true,
      data: 'SF1403517370890',
    });
    expect(validateTrackingNumber('yuantong', 'ＹＴ７５０００００００００００')).toEqual({
      ok: true,
      data: 'YT7500000000000',
    });
    expect(validateTrackingNumber('jd', 'JDVA0001234\u3000567 8')).toEqual({ ok: true, data: 'JDVA00012345678' });
  });

  it('names the carrier and the expected shape when it refuses', () => {
    const result = validateTrackingNumber('shunfeng', 'YT7500000000000');
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid_tracking_number',
      params: { carrier: '顺丰速运', carrierEn: 'SF Express', number: 'YT7500000000000' },
    });
    if (!result.ok) expect(result.message).toMatch(/SF Express.*\^SF\\d\{12,13\}\$.*SF1400000000001/);
    expect(validateTrackingNumber('shunfeng', '   ')).toMatchObject({ ok: false, code: 'empty_tracking_number' });
    expect(validateTrackingNumber('dhl', 'SF1403517370890')).toMatchObject({ ok: false, code: 'unknown_carrier' });
  });

  it('validates a carrier added in Settings by its own pattern, and any number when it has none', () => {
    const custom = { code: 'zhaijisong', name: '宅急送', nameEn: 'ZJS Express', trackingPattern: '^\\d{10}$' };
    expect(validateTrackingNumberFor(custom, '12345 67890')).toEqual({ ok: true, data: '1234567890' });
    expect(validateTrackingNumberFor(custom, '123')).toMatchObject({ ok: false, code: 'invalid_tracking_number' });
    expect(validateTrackingNumberFor({ ...custom, trackingPattern: null }, 'anything-1')).toEqual({
      ok: true,
      data: 'ANYTHING-1',
    });
  });

  it('links to the tracking page with the normalised, encoded number', () => {
    expect(trackingUrl('shunfeng', 'sf 1403517370890')).toBe(
      'https://www.kuaidi100.com/chaxun?com=shunfeng&nu=SF1403517370890',
    );
    expect(trackingUrl('jd', 'JDVA0001234&x=1')).toBe('https://www.kuaidi100.com/chaxun?com=jd&nu=JDVA0001234%26X%3D1');
    expect(trackingUrl('dhl', '123')).toBeNull();
    expect(() => getCarrierSpec('dhl')).toThrow(/unknown carrier/);
  });
});

describe('shipping messages', () => {
  const translators = {
    zh: createTranslator({ locale: 'zh-CN', messages: { shipping: zh }, namespace: 'shipping' }),
    en: createTranslator({ locale: 'en', messages: { shipping: en }, namespace: 'shipping' }),
  };

  it.each(CARRIERS.map((c) => [c.code, c] as const))(
    '%s: the refusal names the carrier and its shape in both languages',
    (code, carrier) => {
      const result = validateTrackingNumber(code, 'X1');
      if (result.ok) throw new Error('X1 should be refused');
      const zhText = translators.zh(`errors.${result.code}`, result.params);
      const enText = translators.en(`errors.${result.code}`, result.params);
      expect(zhText).toContain(carrier.name);
      expect(enText).toContain(carrier.nameEn);
      // the example given is a number the carrier really accepts, and the text is not the generic fallback
      for (const text of [zhText, enText]) {
        expect(text).toContain(carrier.sampleNumber(1));
        expect(text).not.toMatch(/该承运商规定|format this carrier uses/);
      }
    },
  );

  it('falls back to a generic shape for other carriers, and has the same keys in both languages', () => {
    const result = validateTrackingNumberFor(
      { code: 'zhaijisong', name: '宅急送', nameEn: 'ZJS Express', trackingPattern: '^\\d{10}$' },
      '1',
    );
    if (result.ok) throw new Error('1 should be refused');
    expect(translators.en(`errors.${result.code}`, result.params)).toBe(
      '1 is not a ZJS Express tracking number. Check the number format this carrier uses.',
    );
    expect(Object.keys(zh.errors).sort()).toEqual(Object.keys(en.errors).sort());
    for (const code of ['unknown_carrier', 'empty_tracking_number', 'invalid_tracking_number'])
      expect(Object.keys(en.errors)).toContain(code);
  });
});
