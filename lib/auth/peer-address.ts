import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { markPeerAddressStamped, PEER_ADDRESS_HEADER, parseTrustedProxies } from './client-ip';

let installed = false;

/**
 * Writes each incoming request's TCP peer address into a header the app reads (client-ip.ts),
 * replacing whatever the client sent under that name. Node publishes every server request on the
 * `http.server.request.start` channel before any handler (Next's included) sees it. Also checks
 * TRUSTED_PROXIES once, so a typo stops the server at start instead of failing sign-ins.
 */
export function installPeerAddressStamp(): void {
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  if (installed) return;
  installed = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const address = socket?.remoteAddress;
    if (address) request.headers[PEER_ADDRESS_HEADER] = address;
    else delete request.headers[PEER_ADDRESS_HEADER];
  });
  markPeerAddressStamped();
}
