import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WaybillSandbox } from './sandbox-waybill';

/**
 * The sandbox's handlers on a loopback port: the provider a live-mode test talks to over real HTTP,
 * at /label/order?method=..., with whatever keys it was made with. `delayMs` makes the first answers slow.
 */
export async function startWaybillHttpFake(
  sandbox: WaybillSandbox,
  options: { delayFirstMs?: number; delayCount?: number } = {},
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests += 1;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const answer = () => {
        if (req.method !== 'POST' || url.pathname !== '/label/order') {
          res.writeHead(404).end();
          return;
        }
        const reply = sandbox.handle(
          url.searchParams.get('method'),
          new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
        );
        res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(reply));
      };
      if (options.delayFirstMs && requests <= (options.delayCount ?? 1)) setTimeout(answer, options.delayFirstMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/label/order`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
