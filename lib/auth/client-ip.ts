import { BlockList, isIP } from 'node:net';

/**
 * Request header carrying the TCP peer's address, written by the server process itself for every
 * request (lib/auth/peer-address.ts; any value a client sends is overwritten). Next 16 route
 * handlers and server actions do not expose the socket, and Next only fills X-Forwarded-For from
 * the socket when the client did not send one, so that header alone cannot be trusted.
 */
export const PEER_ADDRESS_HEADER = 'x-oms-peer-address';

/** Set once the peer-address stamp is installed in this process (globalThis: route bundles are separate module instances). */
const STAMPED = Symbol.for('order-console.peer-address-stamped');
export function markPeerAddressStamped(): void {
  (globalThis as Record<symbol, unknown>)[STAMPED] = true;
}
function isPeerAddressStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

function normalize(raw: string | null | undefined): string | null {
  const ip = raw
    ?.trim()
    .replace(/^\[|\]$/g, '')
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return ip && isIP(ip) ? ip : null;
}

/**
 * The proxies whose X-Forwarded-For entries are believed, from TRUSTED_PROXIES: a comma-separated
 * list of addresses and CIDR ranges ("127.0.0.1, 10.0.0.0/8"). Empty (the default): no proxy is
 * trusted and the client is the TCP peer. A malformed entry stops the server at start.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, bits, extra] = entry.split('/');
    const ip = normalize(address);
    const family = ip ? (isIP(ip) === 6 ? 'ipv6' : 'ipv4') : null;
    const prefix = bits === undefined ? null : Number(bits);
    if (
      !ip ||
      !family ||
      extra !== undefined ||
      (prefix !== null && (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 'ipv6' ? 128 : 32)))
    ) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`);
    }
    if (prefix === null) list.addAddress(ip, family);
    else list.addSubnet(ip, prefix, family);
  }
  return list;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

let cachedProxies: { source: string | undefined; list: BlockList } | undefined;
function trustedProxiesFromEnv(): BlockList {
  const source = process.env.TRUSTED_PROXIES;
  if (!cachedProxies || cachedProxies.source !== source) cachedProxies = { source, list: parseTrustedProxies(source) };
  return cachedProxies.list;
}

/**
 * The address a request came from, for throttling and the audit log. Starts at the TCP peer; only
 * while that hop is a trusted proxy does it step one entry left in X-Forwarded-For (counting hops
 * from the right, so entries a client wrote itself are never reached through an untrusted hop).
 * Without the peer stamp (a process where it is not installed) and no trusted proxy, "unknown".
 */
export function clientIpFromHeaders(
  headers: Headers,
  trusted: BlockList = trustedProxiesFromEnv(),
  stamped: boolean = isPeerAddressStamped(),
): string {
  const peer = stamped ? normalize(headers.get(PEER_ADDRESS_HEADER)) : null;
  if (!peer) return 'unknown';
  let current = peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0 && isTrusted(trusted, current); i--) {
    const next = normalize(forwarded[i]);
    if (!next) break; // garbage from a proxy we trust: stop at the last address we could read
    current = next;
  }
  return current;
}
