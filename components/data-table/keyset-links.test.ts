import { describe, expect, it } from 'vitest';
import { keysetLinks } from './keyset-links';

describe('keysetLinks', () => {
  it('keeps the filters and swaps only the cursor', () => {
    const params = new URLSearchParams('status=paid&status=shipped&q=%E5%BC%A0&cursor=old');
    const links = keysetLinks('/orders', params, { nextCursor: 'n1', prevCursor: 'p1', isPastFirst: true });
    expect(links.next).toBe('/orders?status=paid&status=shipped&q=%E5%BC%A0&cursor=n1');
    expect(links.prev).toBe('/orders?status=paid&status=shipped&q=%E5%BC%A0&cursor=p1');
    expect(links.first).toBe('/orders?status=paid&status=shipped&q=%E5%BC%A0');
    // the caller's params are not changed
    expect(params.get('cursor')).toBe('old');
  });

  it('has no first or previous link on the first page, and no next link on the last', () => {
    expect(
      keysetLinks('/payments', new URLSearchParams(), { nextCursor: null, prevCursor: null, isPastFirst: false }),
    ).toEqual({ first: null, prev: null, next: null });
    expect(
      keysetLinks('/payments', new URLSearchParams('cursor=x'), {
        nextCursor: null,
        prevCursor: 'p',
        isPastFirst: true,
      }),
    ).toEqual({ first: '/payments', prev: '/payments?cursor=p', next: null });
  });

  it("uses the list's own cursor parameter name", () => {
    const links = keysetLinks(
      '/shipping/shipments',
      new URLSearchParams('after=1&carrier=sf'),
      { nextCursor: '2', prevCursor: null, isPastFirst: true },
      'after',
    );
    expect(links).toEqual({
      first: '/shipping/shipments?carrier=sf',
      prev: null,
      next: '/shipping/shipments?carrier=sf&after=2',
    });
  });
});
