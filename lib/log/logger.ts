import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import { maskPhone } from '@/domain/shared/mask';

/**
 * Paths pino replaces before a line is written. Passwords, keys, tokens, secrets, cookies and
 * authorization headers never reach a log; phone numbers are masked (138****5678) and addresses
 * dropped. Nested objects are covered one and two levels down (pino's redact has no deep wildcard).
 */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'csrfToken',
  'key',
  'apiKey',
  'keyHash',
  'secret',
  'privateKey',
  'merchantPrivateKeyPem',
  'apiV3Key',
  'totpSecret',
  'recoveryCodes',
  'authorization',
  'cookie',
  'set-cookie',
  'address',
  'street',
  'shipTo',
  'idCard',
];
const PHONE_FIELDS = ['phone', 'mobile', 'receiverPhone'];

function paths(fields: string[]): string[] {
  return fields.flatMap((field) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
    const join = (prefix: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);
    return [key, join('*'), join('*.*')];
  });
}

export const REDACT_PATHS = [...paths(SECRET_FIELDS), ...paths(PHONE_FIELDS)];
const PHONE_PATHS = new Set(paths(PHONE_FIELDS).map((p) => p.split('.').at(-1)));

function censor(value: unknown, path: string[]): unknown {
  if (PHONE_PATHS.has(path.at(-1) ?? '') && typeof value === 'string') return maskPhone(value);
  return '[redacted]';
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** LOG_LEVEL when it names a level, else info (debug in development). */
export function logLevelFrom(env: Record<string, string | undefined>): string {
  const wanted = env.LOG_LEVEL?.trim().toLowerCase();
  if (wanted && (LOG_LEVELS as readonly string[]).includes(wanted)) return wanted;
  return env.NODE_ENV === 'development' ? 'debug' : 'info';
}

/** A JSON logger; pretty lines in development when pino-pretty (a dev dependency) is there. */
export function createLogger(
  options: { level?: string; destination?: DestinationStream; pretty?: boolean } = {},
): Logger {
  const settings = {
    level: options.level ?? logLevelFrom(process.env),
    base: { service: 'order-console' },
    redact: { paths: REDACT_PATHS, censor },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(settings, options.destination);
  if (options.pretty ?? process.env.NODE_ENV === 'development') {
    try {
      const pretty = createRequire(/*turbopackIgnore: true*/ `${process.cwd()}/package.json`)('pino-pretty') as (
        o: object,
      ) => DestinationStream;
      return pino(
        settings,
        pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }),
      );
    } catch {
      // production installs have no dev dependencies: JSON it is
    }
  }
  return pino(settings);
}

const globalForLog = globalThis as unknown as { orderConsoleLogger?: Logger };

/** The process logger (one per process, reused across dev reloads). */
export function getLogger(): Logger {
  globalForLog.orderConsoleLogger ??= createLogger();
  return globalForLog.orderConsoleLogger;
}
