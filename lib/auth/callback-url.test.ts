import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';
import { clientIpFromHeaders } from './client-ip';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackUrl('/orders?status=paid#top')).toBe('/orders?status=paid#top');
    expect(safeCallbackUrl('/')).toBe('/');
  });
  it('refuses other origins and odd input', () => {
    for (const bad of ['//evil.com', 'https://evil.com/x', '/\\evil.com', 'javascript:alert(1)', '', undefined, 42, 'orders']) {
      expect(safeCallbackUrl(bad)).toBe('/');
    }
  });
  it('never sends back to sign-in', () => {
    expect(safeCallbackUrl('/sign-in?callbackUrl=/x')).toBe('/');
    expect(safeCallbackUrl('/api/auth/signout')).toBe('/');
  });
});

describe('clientIpFromHeaders', () => {
  it('takes the entry the nearest proxy added', () => {
    expect(clientIpFromHeaders(new Headers({ 'x-forwarded-for': '1.2.3.4, 10.0.0.7' }))).toBe('10.0.0.7');
    expect(clientIpFromHeaders(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }))).toBe('127.0.0.1');
    expect(clientIpFromHeaders(new Headers({ 'x-forwarded-for': '::1' }))).toBe('::1');
  });
  it('falls back when there is no usable address', () => {
    expect(clientIpFromHeaders(new Headers({ 'x-forwarded-for': 'garbage', 'x-real-ip': '9.9.9.9' }))).toBe('9.9.9.9');
    expect(clientIpFromHeaders(new Headers())).toBe('unknown');
  });
});
