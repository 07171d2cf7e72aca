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
if (seeded.status !== 0) {
  process.stdout.write(seeded.stdout ?? '');
  process.exit(seeded.status ?? 1);
}
// the seed prints the demo accounts after this heading: they are shown once, beside the URL, at the end
const [seedReport, loginsBlock = ''] = (seeded.stdout ?? '').split(/^Demo logins.*$/m);
process.stdout.write(seedReport);
const logins = loginsBlock.split('\n').filter((l) => l.trim());

// its own process group, so that stopping the demo stops next-server and its workers with it
// (killing `npx` alone left next-server running)
const server = spawn('npx', ['next', 'start', '-p', port], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
const stopServer = (signal) => {
  try {
    process.kill(-server.pid, signal);
  } catch {
    // already gone
  }
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopServer(signal));
process.on('exit', () => stopServer('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));

let isWaiting = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!isWaiting && /Ready in/.test(String(chunk))) {
    isWaiting = true;
    void announceWhenReady();
  }
});

/** "Ready" means listening; the URL is printed once the database answers too (GET /api/ready). */
async function announceWhenReady() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ready`)).ok) {
        console.log(`\n  The order console is running at http://localhost:${port}\n`);
        console.log('  Demo logins (role, email, password):');
        for (const line of logins) console.log(`  ${line.trim()}`);
        console.log('\n  Stop it with Ctrl+C.\n');
        return;
      }
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error(`the console did not become ready within 120 s: see the log above (GET /api/ready)`);
}
