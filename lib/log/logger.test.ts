import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logLevelFrom } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('writes JSON lines with the fields a request logs', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination }).info(
      { requestId: 'req-12345678', route: 'GET /api/v1/orders', status: 200, durationMs: 4.2, actorId: 7 },
      'request',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request',
      requestId: 'req-12345678',
      route: 'GET /api/v1/orders',
      status: 200,
      actorId: 7,
    });
    expect(typeof lines[0].time).toBe('string');
  });

  it('never writes a password, key, token, cookie, address or an unmasked phone, at any of the first levels', () => {
    const { lines, destination } = capture();
    const secret = 'S3cr3t-value-that-must-not-leak';
    createLogger({ level: 'info', destination }).info(
      {
        password: secret,
        body: {
          password: secret,
          apiKey: secret,
          token: secret,
          phone: '13812345678',
          shipTo: { street: '中山路 1 号' },
        },
        request: { headers: { authorization: `Bearer ${secret}`, cookie: `authjs.session-token=${secret}` } },
        customer: { address: '江苏省南京市中山路 1 号', mobile: '13900001111' },
        key: secret,
      },
      'hostile',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('13900001111');
    expect(text).not.toContain('中山路');
    expect(lines[0]).toMatchObject({
      body: { phone: '138****5678' },
      customer: { mobile: '139****1111', address: '[redacted]' },
    });
  });

  it('takes its level from LOG_LEVEL, ignoring nonsense', () => {
    expect(logLevelFrom({ LOG_LEVEL: 'warn' })).toBe('warn');
    expect(logLevelFrom({ LOG_LEVEL: ' DEBUG ' })).toBe('debug');
    expect(logLevelFrom({ LOG_LEVEL: 'loud' })).toBe('info');
    expect(logLevelFrom({ NODE_ENV: 'development' })).toBe('debug');
    const { lines, destination } = capture();
    const logger = createLogger({ level: logLevelFrom({ LOG_LEVEL: 'warn' }), destination });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });
});
