import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanServerBundle, SIGNATURES, staleSignatures } from '../scripts/check-server-bundle.mjs';

// the production-bundle check (scripts/check-server-bundle.mjs, run by npm test after the build) must be able to fail
const dir = mkdtempSync(path.join(tmpdir(), 'bundle-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the production server bundle check', () => {
  it('every signature it looks for is still in its source (a renamed message cannot make it pass)', () => {
    expect(staleSignatures()).toEqual([]);
  });

  it('finds faker and factory code in a chunk, and nothing in a clean one', () => {
    mkdirSync(path.join(dir, 'chunks', 'ssr'), { recursive: true });
    writeFileSync(path.join(dir, 'chunks', 'clean.js'), 'module.exports = { ok: 1 };');
    expect(scanServerBundle(dir)).toEqual([]);
    for (const [i, signature] of (SIGNATURES as { text: string; what: string }[]).entries()) {
      writeFileSync(path.join(dir, 'chunks', 'ssr', `leak-${i}.js`), `var e=${JSON.stringify(`…${signature.text}…`)};`);
    }
    const found = scanServerBundle(dir) as { file: string; what: string }[];
    expect(found.map((f) => f.what).sort()).toEqual((SIGNATURES as { what: string }[]).map((s) => s.what).sort());
    expect(new Set(found.map((f) => path.basename(f.file))).size).toBe(SIGNATURES.length);
  });
});
