import { describe, expect, it } from 'vitest';
import { ASSET_SECURITY_HEADERS } from '../../next.config.js';
import {
  applySecurityHeaders,
  createNonce,
  isHttpsRequest,
  pageContentSecurityPolicy,
  STATIC_SECURITY_HEADERS,
} from './security-headers';

describe('security headers', () => {
  it('a production page policy carries the nonce, forbids framing and never allows eval', () => {
    const csp = pageContentSecurityPolicy({ nonce: 'abc123', isDev: false, isHttps: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(pageContentSecurityPolicy({ nonce: 'n', isDev: true, isHttps: true })).toMatch(
      /'unsafe-eval'.*upgrade-insecure-requests/,
    );
    expect(csp).toContain("form-action 'self' https:;");
    expect(pageContentSecurityPolicy({ nonce: 'n', isDev: false, isHttps: false, isSandbox: true })).toContain(
      "form-action 'self' https: http:;",
    );
  });

  it('nonces are fresh and long enough to be unguessable', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('HSTS only over HTTPS, by URL or by the proxy in front', () => {
    expect(isHttpsRequest(new URL('https://shop.example/'), null)).toBe(true);
    expect(isHttpsRequest(new URL('http://127.0.0.1/'), 'https, http')).toBe(true);
    expect(isHttpsRequest(new URL('http://127.0.0.1/'), 'http')).toBe(false);
    expect(isHttpsRequest(new URL('http://127.0.0.1/'), null)).toBe(false);
    const plain = new Headers();
    applySecurityHeaders(plain, "default-src 'none'", false);
    expect(plain.get('strict-transport-security')).toBeNull();
    expect(plain.get('x-content-type-options')).toBe('nosniff');
    const secure = new Headers();
    applySecurityHeaders(secure, "default-src 'none'", true);
    expect(secure.get('strict-transport-security')).toMatch(/^max-age=\d{8}/);
  });

  it('build assets (which skip the proxy) get the same static headers', () => {
    expect(
      Object.fromEntries(ASSET_SECURITY_HEADERS.map((h: { key: string; value: string }) => [h.key, h.value])),
    ).toEqual(STATIC_SECURITY_HEADERS);
  });
});
