import { isIP } from 'node:net';

/**
 * The address a request came from, for throttling and the audit log. Uses the last
 * X-Forwarded-For entry: the one added by the nearest proxy (or by Next from the socket when
 * there is none). Behind a reverse proxy, let it append or overwrite the header.
 */
export function clientIpFromHeaders(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const candidates = [forwarded?.split(',').at(-1), headers.get('x-real-ip')];
  for (const raw of candidates) {
    const ip = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
    if (ip && isIP(ip)) return ip;
  }
  return 'unknown';
}
