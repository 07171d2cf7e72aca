import { request as httpRequest, createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientIpFromHeaders, parseTrustedProxies, PEER_ADDRESS_HEADER } from './client-ip';
import { installPeerAddressStamp } from './peer-address';

const none = parseTrustedProxies(undefined);
const ip = (headers: Record<string, string>, trusted = none) =>
  clientIpFromHeaders(new Headers(headers), trusted, true);

describe('clientIpFromHeaders', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(ip({ [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '10.1.1.2' })).toBe('203.0.113.9');
    expect(
      ip({ [PEER_ADDRESS_HEADER]: '::ffff:127.0.0.1', 'x-forwarded-for': '10.1.1.2', 'x-real-ip': '9.9.9.9' }),
    ).toBe('127.0.0.1');
    expect(ip({ [PEER_ADDRESS_HEADER]: '::1' })).toBe('::1');
  });

  it('steps left through X-Forwarded-For only while the hop is a trusted proxy, counting from the right', () => {
    const trusted = parseTrustedProxies('127.0.0.1, 10.0.0.0/8');
    // nginx on 127.0.0.1 appended the client's address; the client wrote "6.6.6.6" itself
    expect(ip({ [PEER_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': '6.6.6.6, 198.51.100.7' }, trusted)).toBe(
      '198.51.100.7',
    );
    // two trusted hops: load balancer 10.0.0.5 -> nginx 127.0.0.1
    expect(
      ip({ [PEER_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.5' }, trusted),
    ).toBe('198.51.100.7');
    // an untrusted peer's header is ignored
    expect(ip({ [PEER_ADDRESS_HEADER]: '198.51.100.8', 'x-forwarded-for': '10.0.0.5' }, trusted)).toBe('198.51.100.8');
    // garbage from a trusted proxy: the last readable hop
    expect(ip({ [PEER_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': 'garbage' }, trusted)).toBe('127.0.0.1');
    // every hop trusted: the leftmost entry
    expect(ip({ [PEER_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': '10.2.2.2' }, trusted)).toBe('10.2.2.2');
  });

  it('answers "unknown" without the stamp rather than believing a header a client could send', () => {
    expect(clientIpFromHeaders(new Headers({ [PEER_ADDRESS_HEADER]: '1.2.3.4' }), none, false)).toBe('unknown');
    expect(ip({})).toBe('unknown');
  });

  it('refuses malformed TRUSTED_PROXIES entries', () => {
    for (const bad of ['nginx', '10.0.0.0/33', '10.0.0.1/8/1', '::1/200', '10.0.0/8']) {
      expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
    }
    expect(() => parseTrustedProxies(' 127.0.0.1 , ::1, fd00::/8 ,')).not.toThrow();
  });
});

describe('installPeerAddressStamp', () => {
  it('writes the socket address over whatever the client sent, before the request handler runs', async () => {
    installPeerAddressStamp();
    const server = createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, headers: { [PEER_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '10.1.1.2' } },
          (res) => {
            let body = '';
            res.on('data', (chunk) => {
              body += chunk;
            });
            res.on('end', () => resolve(JSON.parse(body)));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(seen[PEER_ADDRESS_HEADER]).toBe('127.0.0.1');
      const headers = new Headers();
      for (const [name, value] of Object.entries(seen)) headers.set(name, String(value));
      expect(clientIpFromHeaders(headers, none)).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });
});
