// `node scripts/check-server-bundle.mjs`: the production build's server bundle (.next/server) holds
// no test doubles: no faker, no factory, fixture or seed code. Builds nothing; fails when there is
// no production build to look at (npm test runs it right after one). Exit 0 clean, 1 otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFlavour } from './lib.mjs';

/**
 * Text that survives minification (string literals), each with the file it comes from: the check
 * first proves every one is still there, so a renamed message cannot make it pass vacuously.
 */
export const SIGNATURES = [
  { what: 'faker', source: 'node_modules/@faker-js/faker/dist', text: 'fakerjs.dev/guide/localization.html' },
  { what: 'faker', source: 'node_modules/@faker-js/faker/dist', text: '.faker.hacker.adjective()' },
  { what: 'testing/factories', source: 'testing/factories/factories.ts', text: 'create stock with stock() first' },
  { what: 'testing/factories', source: 'testing/factories/factories.ts', text: 'a cash-on-delivery order is never' },
  {
    what: 'testing/fixtures',
    source: 'testing/fixtures/build-order-graph.ts',
    text: 'a partially shipped order needs two lines',
  },
  {
    what: 'testing/fixtures',
    source: 'testing/fixtures/insert-order-graphs.ts',
    text: 'insert returned order lines out of order',
  },
];

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(c|m)?js$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** Signatures whose source no longer contains them (the list above needs updating). */
export function staleSignatures(root = '.') {
  return SIGNATURES.filter(({ source, text }) => {
    const full = path.join(root, source);
    if (!existsSync(full)) return true;
    const files = full.endsWith('.ts') ? [full] : filesUnder(full);
    return !files.some((file) => readFileSync(file, 'utf8').includes(text));
  });
}

/** Every server-bundle file holding a signature, as { file, what }. */
export function scanServerBundle(serverDir) {
  const found = [];
  for (const file of filesUnder(serverDir)) {
    const text = readFileSync(file, 'utf8');
    for (const signature of SIGNATURES) {
      if (text.includes(signature.text)) found.push({ file, what: signature.what });
    }
  }
  return found;
}

function main() {
  const stale = staleSignatures();
  if (stale.length > 0) {
    for (const s of stale)
      console.error(`✗ signature "${s.text}" is no longer in ${s.source}: update scripts/check-server-bundle.mjs`);
    return 1;
  }
  const flavour = builtFlavour();
  if (flavour !== 'production') {
    console.error(
      flavour === 'e2e'
        ? '✗ .next is an e2e build (E2E_ROUTES=1): build for production (npm run build) before checking it'
        : '✗ no build in .next: run npm run build first',
    );
    return 1;
  }
  const serverDir = path.join('.next', 'server');
  const scanned = filesUnder(serverDir).length;
  if (scanned === 0) {
    console.error('✗ .next/server holds no JavaScript: nothing to check');
    return 1;
  }
  const found = scanServerBundle(serverDir);
  for (const { file, what } of found) console.error(`✗ ${what} in ${file}`);
  if (found.length > 0) return 1;
  console.log(`✓ no faker, factory, fixture or seed code in ${scanned} files of .next/server`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
