// Small helpers shared by the demo and test scripts (plain Node, run before dependencies exist).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  return result.status ?? 1;
}

export function runOrExit(command, args, options = {}) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status);
  }
}

/** Installs dependencies from the lock file when node_modules is missing or older than the lock. */
export function ensureDependencies() {
  const marker = path.join('node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs) return;
  console.log('▸ installing dependencies (npm ci)');
  runOrExit('npm', ['ci', '--no-audit', '--no-fund']);
}

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const SOURCE_DIRS = ['app', 'components', 'domain', 'db', 'lib', 'messages', 'public', 'testing'];
const SOURCE_FILES = ['package-lock.json', 'next.config.js', 'instrumentation.ts', 'proxy.ts', 'postcss.config.mjs'];

/**
 * Which build is in .next: 'e2e' (made with E2E_ROUTES=1: it carries the e2e-only test-data routes),
 * 'production', or null when there is none. Read from the build's own route manifest, so a build
 * made by hand (`npm run build`, `npm run build:e2e`) is told apart too.
 */
export function builtFlavour() {
  const manifest = path.join('.next', 'server', 'app-paths-manifest.json');
  if (!existsSync(path.join('.next', 'BUILD_ID')) || !existsSync(manifest)) return null;
  const routes = Object.keys(JSON.parse(readFileSync(manifest, 'utf8')));
  return routes.some((route) => route.startsWith('/api/e2e/')) ? 'e2e' : 'production';
}

/**
 * Builds the app unless the last build is of the wanted flavour and newer than every source file.
 * `e2e: true` builds with E2E_ROUTES=1 (for Playwright); otherwise a production build, never
 * reusing an e2e one (it would ship the factories and faker).
 */
export function ensureBuild({ force = false, e2e = false } = {}) {
  const buildId = path.join('.next', 'BUILD_ID');
  const flavour = e2e ? 'e2e' : 'production';
  if (!force && builtFlavour() === flavour) {
    const built = statSync(buildId).mtimeMs;
    const sources = Math.max(
      ...SOURCE_DIRS.map(newestMtime),
      ...SOURCE_FILES.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs),
    );
    if (built > sources) return;
  }
  console.log(`▸ building the console (next build, ${flavour})`);
  runOrExit('npx', ['next', 'build'], { env: { NEXT_TELEMETRY_DISABLED: '1', E2E_ROUTES: e2e ? '1' : '' } });
}

/** Debian's Chromium for Playwright; installs it with apt-get when missing and we may. */
export function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(wanted)) return wanted;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('▸ installing Chromium from Debian (apt-get install chromium)');
    run('apt-get', ['update']);
    runOrExit('apt-get', ['install', '-y', 'chromium']);
    if (existsSync(wanted)) return wanted;
  }
  console.error(`✗ Chromium not found at ${wanted}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
