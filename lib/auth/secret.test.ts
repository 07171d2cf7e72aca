import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAuthSecret } from './secret';

describe('resolveAuthSecret', () => {
  const file = () => path.join(mkdtempSync(path.join(tmpdir(), 'oms-secret-')), 'data', 'auth-secret');

  it('prefers AUTH_SECRET', () => {
    expect(
      resolveAuthSecret({ AUTH_SECRET: ' from-env ', NODE_ENV: 'production', DATABASE_URL: 'postgres://x' }, file()),
    ).toBe('from-env');
  });

  it('generates a secret once, readable only by the owner, and reuses it', () => {
    const target = file();
    const first = resolveAuthSecret({ NODE_ENV: 'production' }, target);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({}, target)).toBe(first);
    expect(resolveAuthSecret({}, file())).not.toBe(first);
  });

  it('refuses to invent one for a production server on PostgreSQL', () => {
    expect(() => resolveAuthSecret({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/oms' }, file())).toThrow(
      /AUTH_SECRET/,
    );
  });
});
