import type { TKuaidi100Settings } from '@/domain/settings/setting-defaults';
import { fail } from '@/domain/shared/result';
import type { TrackingProvider } from './tracking-provider';

/** Builds the sandbox aggregator from the tracking settings, as any aggregator is built. */
export type SandboxTrackingFactory = (
  config: TKuaidi100Settings,
  options: { fetch?: typeof fetch },
) => TrackingProvider;

// on globalThis: instrumentation registers it, route handlers read it, and they are bundled apart
const slot = globalThis as unknown as { orderConsoleTrackingSandbox?: SandboxTrackingFactory };

/**
 * Where a composition root (instrumentation.ts, scripts) plugs the offline aggregator in when the
 * sandbox is enabled; production code never imports the sandbox itself.
 */
export function registerSandboxTracking(factory: SandboxTrackingFactory | undefined): void {
  slot.orderConsoleTrackingSandbox = factory;
}

/** Whether this process has a tracking sandbox (false on a production server unless it asked for one). */
export function isSandboxTrackingRegistered(): boolean {
  return slot.orderConsoleTrackingSandbox !== undefined;
}

const OFF_MESSAGE =
  'the tracking sandbox is not enabled on this server (TRACKING_SANDBOX=1 enables it on a production server)';

/** The sandbox aggregator, or one that refuses everything with a clear reason when none is registered. */
export function sandboxTrackingProvider(
  config: TKuaidi100Settings,
  options: { fetch?: typeof fetch } = {},
): TrackingProvider {
  const factory = slot.orderConsoleTrackingSandbox;
  if (factory) return factory(config, options);
  return {
    name: 'kuaidi100',
    subscribe: async () => fail('subscribe_failed', OFF_MESSAGE),
    query: async () => fail('query_failed', OFF_MESSAGE),
    parsePush: () => fail('sandbox_off', OFF_MESSAGE),
  };
}
