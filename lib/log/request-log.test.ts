import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { withRequestLog } from './request-log';

const lines: Record<string, unknown>[] = [];
beforeEach(() => {
  lines.length = 0;
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  (globalThis as { orderConsoleLogger?: unknown }).orderConsoleLogger = createLogger({ level: 'info', destination });
});

describe('request log', () => {
  it('keeps a plausible request id from the proxy and replaces anything else', () => {
    expect(requestIdFrom(new Headers({ [REQUEST_ID_HEADER]: 'abc-12345678' }))).toBe('abc-12345678');
    const forged = requestIdFrom(new Headers({ [REQUEST_ID_HEADER]: '<script>alert(1)</script>' }));
    expect(forged).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers())).not.toBe(requestIdFrom(new Headers()));
  });

  it('logs one line per webhook with route, status and duration, never the query or body', async () => {
    const handler = withRequestLog(async (request: Request) => new Response(await request.text(), { status: 202 }));
    const response = await handler(
      new Request('http://console.test/api/payments/notify/alipay?sign=secret-sign', {
        method: 'POST',
        body: 'password=hunter2',
        headers: { [REQUEST_ID_HEADER]: 'lb-request-0001' },
      }),
    );
    expect(response.status).toBe(202);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      requestId: 'lb-request-0001',
      route: 'POST /api/payments/notify/alipay',
      status: 202,
    });
    expect(typeof lines[0].durationMs).toBe('number');
    expect(JSON.stringify(lines[0])).not.toMatch(/secret-sign|hunter2/);
  });

  it('logs a thrown error at error level and lets it travel on', async () => {
    const handler = withRequestLog(async () => {
      throw new Error('database gone');
    });
    await expect(
      handler(new Request('http://console.test/api/logistics/kuaidi100/push', { method: 'POST' })),
    ).rejects.toThrow('database gone');
    expect(lines[0]).toMatchObject({ level: 50, status: 500, err: { message: 'database gone' } });
  });
});
