// Starts the built console for Playwright: a fresh seeded PGlite folder, or the local PostgreSQL
// database named by DATABASE_URL. Refuses any database that is not on this machine.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { builtFlavour } from './lib.mjs';

const port = process.env.E2E_PORT ?? '3100';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', E2E_FACTORIES: '1', E2E_ROUTES: '1', PORT: port };
// a production server on PostgreSQL refuses to invent its own session key; a test run has its own
env.AUTH_SECRET ??= randomBytes(32).toString('base64');
// the order sweeps would move test orders (auto-review, unpaid timeout) under the tests' feet;
// they are tested on their own (domain/automation) and through `npm run jobs:run-once`
env.JOBS_DISABLED ??= '1';
// `next start` is production: the provider sandbox (payments, refunds) must be asked for explicitly
env.PAYMENTS_SANDBOX ??= '1';
env.TRACKING_SANDBOX ??= '1';

// the tests make their data through the e2e-only routes, which a production build does not have
if (builtFlavour() !== 'e2e') {
  console.error('e2e needs a build with the e2e routes: run `npm run build:e2e` (E2E_ROUTES=1 next build) first');
  process.exit(1);
}

if (env.DATABASE_URL) {
  const host = new URL(env.DATABASE_URL).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    console.error(`e2e refuses to run against a non-local database (DATABASE_URL host ${host})`);
    process.exit(1);
  }
} else {
  const dir = path.resolve('.data', `e2e-pglite-${port}`);
  rmSync(dir, { recursive: true, force: true });
  env.PGLITE_DIR = dir;
}

const seeded = spawnSync('npx', ['tsx', 'testing/seed/seed-cli.ts'], { env, stdio: 'inherit' });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

const server = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
