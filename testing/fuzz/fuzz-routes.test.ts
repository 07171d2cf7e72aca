import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createApiKey } from '@/domain/api-keys/manage-api-keys';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import type { ActiveSession } from '@/domain/staff/find-active-session';
import { loadMessages } from '@/lib/i18n/messages';
import { seedDemoData } from '@/testing/seed/seed';
import { booksChecksum } from './books';
import { discoverRoutes, ROOT, type RouteTarget } from './discover';
import { caseTimeout, checkProperty, fuzzRuns, isNextControlFlow, plausibleFrom } from './fuzz-support';
import { hostileJson, hostileJsonText, hostileString } from './hostile';
import { arbitraryFor, type Plausible } from './schema-arbitrary';

/**
 * Every route handler (each HTTP method exported by an app/**\/route.ts) called with hostile URL
 * parameters, query strings, headers and bodies, with an admin API key and an admin session:
 * never a 5xx or a thrown error, and an error answer leaves the books as they were. Bodies follow
 * the schema a route reads (captured from readBody/parseInput on its first calls) or are hostile
 * outright. FUZZ_RUNS sets the cases per handler (npm run fuzz: many more).
 */
const env = vi.hoisted(() => ({
  handle: null as DatabaseHandle | null,
  session: null as ActiveSession | null,
  current: '',
  schemas: new Map<string, Set<unknown>>(),
}));
// work queued to run after the answer (an import's dry run) needs a live request: not run here
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: () => {} }));
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => env.handle!.db }));
vi.mock('@/lib/auth/current-staff', () => ({
  getCurrentSession: async () => env.session,
  getCurrentStaff: async () => env.session?.staff ?? null,
  // pages and file routes: the fuzz's session is an admin's, who may do everything
  requirePermission: async () => env.session?.staff,
}));
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'en',
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: 'en', messages: await loadMessages('en'), namespace: namespace as never }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
// the PDF routes print through a headless browser; the fuzz checks what comes before it
vi.mock('@/lib/pdf/print-browser', async (original) => ({
  ...(await original<object>()),
  pageToPdf: async () => Buffer.from('%PDF-1.4 fuzz'),
}));
// learn the schema each route reads its body or query with, to shape later bodies like it
vi.mock('@/lib/api/api-route', async (original) => {
  const real = await original<typeof import('@/lib/api/api-route')>();
  const remember = (schema: unknown) => {
    const known = env.schemas.get(env.current) ?? new Set();
    env.schemas.set(env.current, known.add(schema));
  };
  return {
    ...real,
    readBody: ((ctx, schema) => (remember(schema), real.readBody(ctx, schema))) as typeof real.readBody,
    parseInput: ((ctx, schema, input) => (
      remember(schema),
      real.parseInput(ctx, schema, input)
    )) as typeof real.parseInput,
  };
});

const RUNS = fuzzRuns(200);
/** cases run before the schemas a route reads are known (hostile bodies only) */
const LEARNING_RUNS = 10;
const targets = discoverRoutes();
const cases = new Map<string, number>();
let plausible: Plausible;
let apiKey: string;

const QUERY_NAMES = ['q', 'status', 'page', 'pageSize', 'cursor', 'from', 'to', 'sort', 'orders', 'warehouse'];
const BODY_KEYS = ['orderId', 'id', 'reason', 'lines', 'quantity', 'amountCents', 'skuCode', 'param', 'sign'];

beforeAll(async () => {
  // next-auth logs every unknown /api/auth/<action> it refuses; thousands of those bury the report
  vi.spyOn(console, 'error').mockImplementation(() => {});
  env.handle = await openTestDatabase();
  await seedDemoData(env.handle.db, { orders: 40, customers: 10, seed: 14, now: new Date('2026-06-01T00:00:00Z') });
  const [admin] = await queryRows<{ id: number; name: string; email: string }>(
    env.handle.db,
    sql`select id, name, email from staff_users where role = 'admin' order by id limit 1`,
  );
  env.session = {
    sessionId: 'fuzz-session',
    expiresAt: new Date(Date.now() + 3_600_000),
    pending: null,
    staff: { ...admin, role: 'admin' },
  };
  const created = await createApiKey(env.handle.db, { name: 'fuzz', role: 'admin', actor: SYSTEM_ACTOR });
  if (!created.ok) throw new Error(created.message);
  apiKey = created.data.key;
  plausible = await plausibleFrom(env.handle.db);
  // migrating and seeding a fresh database is slow on a busy machine
}, 300_000);
afterAll(async () => env.handle?.close());

/** printable ASCII only: a header value with a control character never reaches a handler */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate as UTF-8 bytes: not decodable
  }
}

function requestArbitrary(target: RouteTarget, learned: boolean): fc.Arbitrary<{ request: Request; params: unknown }> {
  const words = fc.constantFrom(...plausible.words, ...target.literals);
  const value = fc.oneof(
    { weight: 2, arbitrary: words },
    { weight: 1, arbitrary: fc.constantFrom(...plausible.ids).map(String) },
    { weight: 3, arbitrary: hostileString },
  );
  const segment = target.segments.length
    ? fc.tuple(...target.segments.map((s) => (s.catchAll ? fc.array(value, { minLength: 1, maxLength: 3 }) : value)))
    : fc.constant([] as (string | string[])[]);
  const query = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES, ...target.queryNames, 'x'), hostileString), value),
    { maxLength: 4 },
  );
  const rawQuery = fc.constantFrom('', '', '', '&%ff=1', '&q=%', '&q=%E0%A4%A', '&%00=%00', '&pageSize=1e999');
  const schemas = [...(env.schemas.get(target.id) ?? [])];
  const shaped =
    learned && schemas.length ? [fc.oneof(...schemas.map((s) => arbitraryFor(s as never, plausible)))] : [];
  const bodyValue = fc.oneof(
    ...shaped,
    fc.dictionary(fc.constantFrom(...BODY_KEYS, ...target.literals), fc.oneof(value, hostileJson), { maxKeys: 5 }),
    hostileJson,
  );
  const body = fc.oneof(
    bodyValue.map((v) => ({ type: 'application/json', text: toJson(v) })),
    bodyValue.map((v) => ({ type: 'application/x-www-form-urlencoded', text: formEncode(v) })),
    hostileJsonText.map((text) => ({ type: 'application/json', text })),
    fc.constant({ type: '', text: '' }),
  );
  const headers = fc.record({
    authorization: fc.oneof(fc.constant(`Bearer ${apiKey}`), fc.constant(`Bearer ${apiKey}`), headerText),
    language: fc.constantFrom('en', 'zh-CN', 'xx', '*;q=abc'),
    forwarded: headerText,
  });
  return fc.record({ segment, query, rawQuery, body, headers, rawParams: fc.boolean() }).map((c) => {
    let urlPath = target.urlPath;
    const params: Record<string, string | string[]> = {};
    target.segments.forEach((s, i) => {
      const v = c.segment[i];
      const parts = [v].flat();
      params[s.name] = c.rawParams ? v : Array.isArray(v) ? parts.map(encodeSegment) : encodeSegment(parts[0]);
      urlPath = urlPath.replace(`[${s.catchAll ? '...' : ''}${s.name}]`, parts.map(encodeSegment).join('/'));
    });
    const url = new URL(`http://console.test${urlPath}`);
    for (const [name, v] of c.query) url.searchParams.append(name, v);
    const method = target.method;
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const request = new Request(`${url.toString()}${url.search ? '' : '?'}${c.rawQuery}`, {
      method,
      headers: {
        authorization: c.headers.authorization,
        'accept-language': c.headers.language,
        'x-forwarded-for': c.headers.forwarded,
        ...(hasBody && c.body.type ? { 'content-type': c.body.type } : {}),
      },
      ...(hasBody ? { body: c.body.text } : {}),
    });
    return { request, params };
  });
}

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    // a bigint from a shaped body: send it as the digits a client would (too deep for that: a bare number)
    try {
      return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
    } catch {
      return '9007199254740993';
    }
  }
}

function formEncode(value: unknown): string {
  const form = new URLSearchParams();
  if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) form.append(k, typeof v === 'string' ? v : toJson(v));
  else form.append('param', String(value));
  return form.toString();
}

describe(`fuzz: every route handler (${testDatabaseKind}, ${RUNS} cases each)`, () => {
  it('finds the route handlers', () => {
    expect(targets.length).toBeGreaterThan(25);
  });

  for (const target of targets) {
    it(
      target.id,
      async () => {
        const exports = (await import(path.join(ROOT, target.file))) as Record<string, unknown>;
        const handler = exports[target.method];
        expect(typeof handler, `${target.id} is not a function`).toBe('function');
        const call = handler as (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
        env.current = target.id;
        let books = await booksChecksum(env.handle!.db);
        const property = (learned: boolean) =>
          fc.asyncProperty(requestArbitrary(target, learned), async ({ request, params }) => {
            cases.set(target.id, (cases.get(target.id) ?? 0) + 1);
            let response: Response;
            try {
              response = await call(request, { params: Promise.resolve(params) });
            } catch (error) {
              if (isNextControlFlow(error)) {
                books = await booksChecksum(env.handle!.db);
                return;
              }
              throw error;
            }
            await response.arrayBuffer().catch(() => undefined);
            // the readiness probe's 503 is its answer ("not ready": the database was slow), not a crash
            const isReadinessVerdict = target.urlPath === '/api/ready' && response.status === 503;
            if (!isReadinessVerdict)
              expect(response.status, `${request.method} ${request.url.slice(0, 200)}`).toBeLessThan(500);
            const after = await booksChecksum(env.handle!.db);
            if (response.status >= 400) expect(after, `books changed on a ${response.status} answer`).toBe(books);
            books = after;
          });
        await checkProperty(`${target.id} (learning)`, property(false), Math.min(LEARNING_RUNS, RUNS));
        await checkProperty(target.id, property(true), Math.max(RUNS - LEARNING_RUNS, 1));
      },
      caseTimeout(RUNS),
    );
  }

  it('fuzzed every route handler it found', () => {
    expect([...cases.keys()].sort()).toEqual(targets.map((t) => t.id).sort());
    for (const [id, count] of cases) expect(count, id).toBeGreaterThanOrEqual(RUNS);
  });
});
