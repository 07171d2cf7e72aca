/**
 * Whether this server plays the offline tracking aggregator: on in development and tests; on a
 * production server only with TRACKING_SANDBOX=1 (the demo and the e2e server set it); never with 0.
 */
export function isTrackingSandboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  if (env.TRACKING_SANDBOX === '0') return false;
  return env.NODE_ENV !== 'production' || env.TRACKING_SANDBOX === '1';
}
