import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackUrl('/orders?status=paid#top')).toBe('/orders?status=paid#top');
    expect(safeCallbackUrl('/')).toBe('/');
  });
  it('refuses other origins and odd input', () => {
    for (const bad of [
      '//evil.com',
      'https://evil.com/x',
      '/\\evil.com',
      'javascript:alert(1)',
      '',
      undefined,
      42,
      'orders',
    ]) {
      expect(safeCallbackUrl(bad)).toBe('/');
    }
  });
  it('never sends back to sign-in', () => {
    expect(safeCallbackUrl('/sign-in?callbackUrl=/x')).toBe('/');
    expect(safeCallbackUrl('/api/auth/signout')).toBe('/');
  });
});
