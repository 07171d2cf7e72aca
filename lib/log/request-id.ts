/** The header that carries one request's id from the proxy to handlers, logs and the response. */
export const REQUEST_ID_HEADER = 'x-request-id';

// an id from a load balancer in front is kept when it looks like one; anything else is replaced
const PLAUSIBLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && PLAUSIBLE_ID.test(given) ? given : crypto.randomUUID();
}
