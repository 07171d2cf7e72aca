import { z } from 'zod';
import { createKuaidi100WaybillProvider } from './kuaidi100';
import { KUAIDI100_WAYBILL_LIVE_URL } from './kuaidi100/protocol';
import type { WaybillAccount, WaybillProvider } from './waybill-provider';

/** The provider to ask and the e-waybill account of each carrier that has one. */
export interface WaybillSetup {
  provider: WaybillProvider;
  /** by carrier code; a carrier without one takes numbers typed by hand */
  accounts: ReadonlyMap<string, WaybillAccount>;
}

const ZAccounts = z.array(
  z.object({
    carrierCode: z.string().regex(/^[a-z0-9_-]{1,40}$/),
    partnerId: z.string().min(1).max(100),
    partnerKey: z.string().max(200).optional(),
    partnerSecret: z.string().max(200).optional(),
    partnerName: z.string().max(100).optional(),
    net: z.string().max(100).optional(),
  }),
);

// on globalThis: a composition root registers it, route handlers read it, and they are bundled apart
const slot = globalThis as unknown as { orderConsoleWaybillSandbox?: () => WaybillSetup };

/** Where a composition root (tests, instrumentation) plugs the offline e-waybill sandbox in. */
export function registerSandboxWaybills(factory: (() => WaybillSetup) | undefined): void {
  slot.orderConsoleWaybillSandbox = factory;
}

/**
 * THE one place the e-waybill provider is resolved. Live: Kuaidi100 at its real address (or
 * KUAIDI100_WAYBILL_URL) with KUAIDI100_WAYBILL_KEY / KUAIDI100_WAYBILL_SECRET and the accounts in
 * KUAIDI100_WAYBILL_ACCOUNTS (JSON: [{carrierCode, partnerId, partnerKey?, partnerSecret?, partnerName?, net?}]);
 * else whatever sandbox was plugged in; else null (numbers are typed by hand).
 */
export function resolveWaybillSetup(env: Record<string, string | undefined> = process.env): WaybillSetup | null {
  const key = env.KUAIDI100_WAYBILL_KEY?.trim();
  const secret = env.KUAIDI100_WAYBILL_SECRET?.trim();
  if (key && secret) {
    const parsed = ZAccounts.safeParse(safeJson(env.KUAIDI100_WAYBILL_ACCOUNTS ?? '[]'));
    if (!parsed.success) throw new Error('KUAIDI100_WAYBILL_ACCOUNTS is not a JSON list of e-waybill accounts');
    return {
      provider: createKuaidi100WaybillProvider({
        url: env.KUAIDI100_WAYBILL_URL?.trim() || KUAIDI100_WAYBILL_LIVE_URL,
        key,
        secret,
      }),
      accounts: new Map(parsed.data.map((a) => [a.carrierCode, a])),
    };
  }
  return slot.orderConsoleWaybillSandbox?.() ?? null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
