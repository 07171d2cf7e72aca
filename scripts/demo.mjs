// `npm run demo`: everything a newcomer needs. Installs dependencies, builds, creates and migrates
// the embedded database (or DATABASE_URL's), fills it with demo data once, then serves the console.
import { spawn, spawnSync } from 'node:child_process';
import { ensureBuild, ensureDependencies } from './lib.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
// the demo pays through the built-in provider sandbox (refused in production unless asked for)
process.env.PAYMENTS_SANDBOX ??= '1';
// and ships through the offline tracking aggregator (testing/sandboxes/kuaidi100)
process.env.TRACKING_SANDBOX ??= '1';
const port = process.env.PORT ?? '3000';

ensureDependencies();
ensureBuild();

console.log('▸ preparing the database and demo data');
const seeded = spawnSync('npx', ['tsx', 'testing/seed/seed-cli.ts'], {
  stdio: ['inherit', 'pipe', 'inherit'],
  encoding: 'utf8',
});
process.stdout.write(seeded.stdout ?? '');
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
// the seed prints the demo accounts after this heading; repeat them beside the URL at the end
const logins =
  (seeded.stdout ?? '')
    .split('Demo logins')[1]
    ?.split('\n')
    .slice(1)
    .filter((l) => l.trim()) ?? [];

const server = spawn('npx', ['next', 'start', '-p', port], { stdio: ['inherit', 'pipe', 'inherit'] });
let announced = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready in/.test(String(chunk))) {
    announced = true;
    console.log(`\n  The order console is running at http://localhost:${port}\n`);
    console.log('  Demo logins (role, email, password):');
    for (const line of logins) console.log(`  ${line}`);
    console.log('');
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
