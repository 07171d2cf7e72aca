// `npm test`: the whole suite. Unit and integration tests on PGlite, then on PostgreSQL when
// DATABASE_URL is set; then a production build (checked for test doubles), and a build with the e2e
// routes for the Playwright e2e suite on the same databases.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureBuild, ensureChromium, ensureDependencies, run } from './lib.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
ensureDependencies();
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const databaseUrl = process.env.DATABASE_URL;
const engines = databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
const summary = [];

for (const engine of engines) {
  const output = `test-results/vitest-${engine}.json`;
  console.log(`\n▸ unit and integration tests on ${engine}`);
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${output}`], {
    env: { TEST_DATABASE_URL: engine === 'postgres' ? databaseUrl : '', DATABASE_URL: '' },
  });
  summary.push({ name: `vitest on ${engine}`, status, ...countVitest(output) });
}

// the production build first: its server bundle must hold no test doubles (no faker, no factories)
ensureBuild();
console.log('\n▸ production server bundle holds no test doubles');
const bundleStatus = run('node', ['scripts/check-server-bundle.mjs']);
summary.push({
  name: 'production bundle check',
  status: bundleStatus,
  passed: bundleStatus === 0 ? 1 : 0,
  failed: bundleStatus === 0 ? 0 : 1,
});

// then the e2e build (E2E_ROUTES=1): the same app plus the e2e-only test-data routes
ensureBuild({ e2e: true });
const chromium = ensureChromium();
for (const engine of engines) {
  const output = `test-results/e2e-${engine}.json`;
  console.log(`\n▸ end-to-end tests (Playwright, Chromium) on ${engine}`);
  const status = run('npx', ['playwright', 'test'], {
    env: {
      CI: 'true',
      CHROMIUM_PATH: chromium,
      E2E_JSON: output,
      DATABASE_URL: engine === 'postgres' ? databaseUrl : '',
    },
  });
  summary.push({ name: `e2e on ${engine}`, status, ...countPlaywright(output) });
}

console.log('\nSummary');
let passed = 0;
let failed = 0;
for (const s of summary) {
  console.log(
    `  ${s.status === 0 ? '✓' : '✗'} ${s.name}: ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`,
  );
  passed += s.passed;
  failed += s.failed + (s.status !== 0 && s.failed === 0 ? 1 : 0);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function countVitest(file) {
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 0, skipped: 0 };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function countPlaywright(file) {
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 0, skipped: 0 };
  const stats = report.stats;
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
}
