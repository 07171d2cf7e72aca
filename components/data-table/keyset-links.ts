/**
 * The links of keyset pagination: first / previous / next, each the current URL with only the
 * cursor changed. There are no page numbers by design: a keyset list has no OFFSET to jump to.
 */
export interface KeysetPage {
  nextCursor: string | null;
  prevCursor: string | null;
  /** this page was reached through a cursor (so there is a first page to go back to) */
  isPastFirst: boolean;
}

export interface KeysetLinks {
  first: string | null;
  prev: string | null;
  next: string | null;
}

/** `params`: the list's current search params (filters), with or without a cursor. */
export function keysetLinks(
  pathname: string,
  params: URLSearchParams,
  page: KeysetPage,
  cursorParam = 'cursor',
): KeysetLinks {
  const hrefWith = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    next.delete(cursorParam);
    if (cursor) next.set(cursorParam, cursor);
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return {
    first: page.isPastFirst ? hrefWith(null) : null,
    prev: page.prevCursor ? hrefWith(page.prevCursor) : null,
    next: page.nextCursor ? hrefWith(page.nextCursor) : null,
  };
}
