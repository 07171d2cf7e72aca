import { CARRIERS } from '@/domain/logistics/carriers';
import { createKuaidi100WaybillProvider } from '@/domain/logistics/waybills/kuaidi100';
import { registerSandboxWaybills } from '@/domain/logistics/waybills/waybill-config';
import { createWaybillSandbox, SANDBOX_WAYBILL_KEY, SANDBOX_WAYBILL_SECRET } from './sandbox-waybill';

/** The sandbox's e-waybill account of each carrier it serves. */
export const SANDBOX_WAYBILL_ACCOUNTS = CARRIERS.map((c) => ({ carrierCode: c.code, partnerId: `SANDBOX-${c.code}` }));

/**
 * Plugs the offline e-waybill aggregator in (a composition root calls this when the sandbox is enabled):
 * the console talks to it through the same Kuaidi100 adapter as to the real service, over a fetch that
 * answers in process. Its numbers live as long as the process.
 */
export function registerWaybillSandbox(): void {
  const sandbox = createWaybillSandbox({ accounts: SANDBOX_WAYBILL_ACCOUNTS });
  const setup = {
    provider: createKuaidi100WaybillProvider({
      url: 'http://sandbox.local/label/order',
      key: SANDBOX_WAYBILL_KEY,
      secret: SANDBOX_WAYBILL_SECRET,
      fetch: sandbox.fetch,
    }),
    accounts: new Map(SANDBOX_WAYBILL_ACCOUNTS.map((a) => [a.carrierCode, a])),
  };
  registerSandboxWaybills(() => setup);
}
