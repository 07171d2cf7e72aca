import { afterEach, describe, expect, it } from 'vitest';
import { registerSandboxWaybills, resolveWaybillSetup } from './waybill-config';

afterEach(() => registerSandboxWaybills(undefined));

describe('e-waybill configuration', () => {
  it('live keys from the environment win; accounts are read per carrier; bad JSON stops with a clear error', () => {
    const live = resolveWaybillSetup({
      KUAIDI100_WAYBILL_KEY: 'k',
      KUAIDI100_WAYBILL_SECRET: 's',
      KUAIDI100_WAYBILL_ACCOUNTS: '[{"carrierCode":"zhongtong","partnerId":"ZT1","partnerKey":"p"}]',
    });
    expect(live?.provider.name).toBe('kuaidi100');
    expect(live?.accounts.get('zhongtong')).toEqual({ carrierCode: 'zhongtong', partnerId: 'ZT1', partnerKey: 'p' });
    expect(() =>
      resolveWaybillSetup({
        KUAIDI100_WAYBILL_KEY: 'k',
        KUAIDI100_WAYBILL_SECRET: 's',
        KUAIDI100_WAYBILL_ACCOUNTS: '{x',
      }),
    ).toThrow('KUAIDI100_WAYBILL_ACCOUNTS');
  });

  it('without live keys: the plugged-in sandbox, else none (numbers typed by hand)', () => {
    expect(resolveWaybillSetup({})).toBeNull();
    const sandbox = {
      provider: { name: 'sandbox', order: async () => null!, cancel: async () => null! },
      accounts: new Map(),
    };
    registerSandboxWaybills(() => sandbox);
    expect(resolveWaybillSetup({})).toBe(sandbox);
    // a key without its secret is not live
    expect(resolveWaybillSetup({ KUAIDI100_WAYBILL_KEY: 'k' })).toBe(sandbox);
  });
});
