/** The seed installs the app's own defaults (one source: domain/settings/setting-defaults.ts). */
export { DEFAULT_SETTINGS } from '@/domain/settings/setting-defaults';

/** The settings row that records a completed demo seed; its presence makes the seed a no-op. */
export const DEMO_SEED_KEY = 'demo_seed';
