/**
 * An order id from a URL segment: digits only, a positive safe integer; anything else is null
 * (the page answers not-found rather than letting "1e3", "-1" or "abc" reach the database).
 */
export function parseOrderId(value: string | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
