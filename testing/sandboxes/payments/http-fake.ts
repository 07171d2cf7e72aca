import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROVIDER_SLUGS } from '@/domain/payments/notify-urls';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { handleSandboxApi } from './api';
import { completeSandboxCheckout, openAlipayCheckout, openUnionPayCheckout } from './checkout';
import { SANDBOX_GATEWAY_PATHS } from './merchants';
import type { SandboxNotification, SandboxWorld } from './world';

/**
 * The sandbox's handlers behind a real HTTP server on a loopback port: a provider-faithful fake
 * for tests that run the console in live mode (its own keys, merchant ids and base URL). Every
 * notification the fake would send is kept in `outbox` for the test to deliver or drop.
 */
export interface PaymentsHttpFake {
  baseUrl: string;
  world: SandboxWorld;
  outbox: SandboxNotification[];
  close(): Promise<void>;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const METHOD_BY_SLUG = new Map<string, ProviderMethod>(
  Object.entries(PROVIDER_SLUGS).map(([method, slug]) => [slug, method as ProviderMethod]),
);

export async function startPaymentsHttpFake(world: Omit<SandboxWorld, 'baseUrl'>): Promise<PaymentsHttpFake> {
  const outbox: SandboxNotification[] = [];
  const fake = { world: { ...world, baseUrl: '' }, outbox } as PaymentsHttpFake;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', fake.baseUrl);
      const body = request.method === 'GET' ? '' : await readBody(request);
      const redirect = (location: string) => {
        response.writeHead(303, { location }).end();
      };
      const text = (status: number, message: string) => {
        response.writeHead(status, { 'content-type': 'text/plain' }).end(message);
      };
      // the cashier: the buyer's browser arrives with a signed request, then presses a button
      if (request.method === 'GET' && url.pathname === SANDBOX_GATEWAY_PATHS.alipay) {
        const opened = await openAlipayCheckout(fake.world, Object.fromEntries(url.searchParams));
        return opened.ok ? redirect(`/sandbox/alipay/pay/${opened.data.tradeId}`) : text(400, opened.message);
      }
      if (request.method === 'POST' && url.pathname === SANDBOX_GATEWAY_PATHS.unionpay) {
        const opened = await openUnionPayCheckout(fake.world, body);
        return opened.ok ? redirect(`/sandbox/unionpay/pay/${opened.data.tradeId}`) : text(400, opened.message);
      }
      const complete = /^\/sandbox\/([a-z-]+)\/pay\/([\w-]+)\/complete$/.exec(url.pathname);
      const provider = complete ? METHOD_BY_SLUG.get(complete[1]) : undefined;
      if (request.method === 'POST' && complete && provider) {
        const action = new URLSearchParams(body).get('action');
        if (action !== 'pay' && action !== 'fail' && action !== 'abandon') return text(400, 'action');
        const done = await completeSandboxCheckout(fake.world, {
          provider,
          tradeId: complete[2],
          action,
          send: async (notifyUrl, notification) => {
            outbox.push({ method: 'POST', url: notifyUrl, ...notification });
            return 'queued';
          },
        });
        return done.ok ? redirect(done.data.redirectTo ?? '/') : text(404, done.message);
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : (value ?? ''),
        ]),
      );
      const exchange = await handleSandboxApi(fake.world, {
        method: request.method === 'GET' ? 'GET' : 'POST',
        url: url.toString(),
        headers,
        body,
      });
      if (exchange.notification) outbox.push(exchange.notification);
      response.writeHead(exchange.response.status, exchange.response.headers).end(exchange.response.body);
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.world.baseUrl = fake.baseUrl;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
