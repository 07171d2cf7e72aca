import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import type { ActiveSession } from '@/domain/staff/find-active-session';
import { loadMessages } from '@/lib/i18n/messages';
import { seedDemoData } from '@/testing/seed/seed';
import { booksChecksum } from './books';
import { discoverServerActions, ROOT } from './discover';
import { hostileActionValue } from './hostile';
import { arbitraryFor, toFormData, type Plausible } from './schema-arbitrary';
import { caseTimeout, checkProperty, fuzzRuns, isNextControlFlow, plausibleFrom } from './fuzz-support';

/**
 * Every server action (each export of a 'use server' module) fed hostile input as an admin: it
 * must answer with a value, never throw, and an answer that is an error must leave the books as
 * they were. Inputs follow each action's own zod schema (captured from staffAction) with hostile
 * leaves, or are hostile outright. FUZZ_RUNS sets the cases per action (npm run fuzz: many more).
 */
const env = vi.hoisted(() => ({
  handle: null as DatabaseHandle | null,
  session: null as ActiveSession | null,
  schemas: new Map<unknown, unknown>(),
}));
// work queued to run after the answer (an import's dry run) needs a live request: not run here
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: () => {} }));
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => env.handle!.db }));
vi.mock('@/lib/auth/current-staff', async (original) => ({
  ...(await original<object>()),
  getCurrentSession: async () => env.session,
  getCurrentStaff: async () => env.session?.staff ?? null,
}));
// next-auth's signIn/signOut need a Next request scope; the credentials check itself is fuzzed
// through POST /api/auth/callback/credentials in fuzz-routes
vi.mock('next-auth', () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {}
  return { AuthError, CredentialsSignin };
});
vi.mock('@/lib/auth/auth', async () => {
  const { CredentialsSignin } = await import('next-auth');
  const { redirect } = await import('next/navigation');
  return {
    auth: async () => null,
    signIn: async () => {
      throw new CredentialsSignin();
    },
    signOut: async () => redirect('/sign-in'),
    handlers: {},
  };
});
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'en',
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: 'en', messages: await loadMessages('en'), namespace: namespace as never }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
vi.mock('next/headers', () => {
  const jar = new Map<string, string>();
  const cookies = {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  };
  return {
    headers: async () => new Headers({ 'user-agent': 'fuzz', 'x-forwarded-for': '203.0.113.9' }),
    cookies: async () => cookies,
  };
});
// capture each action's schema so the fuzz can shape its input like the form would
vi.mock('@/lib/actions/staff-action', async (original) => {
  const real = await original<typeof import('@/lib/actions/staff-action')>();
  return {
    ...real,
    staffAction: ((...args: Parameters<typeof real.staffAction>) => {
      const action = real.staffAction(...args);
      env.schemas.set(action, args[1]);
      return action;
    }) as typeof real.staffAction,
  };
});

const RUNS = fuzzRuns(60);
const targets = discoverServerActions();
let plausible: Plausible;
const cases = new Map<string, number>();

beforeAll(async () => {
  env.handle = await openTestDatabase();
  await seedDemoData(env.handle.db, { orders: 40, customers: 10, seed: 13, now: new Date('2026-06-01T00:00:00Z') });
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
  plausible = await plausibleFrom(env.handle.db);
  // migrating and seeding a fresh database is slow on a busy machine
}, 300_000);
afterAll(async () => env.handle?.close());

describe(`fuzz: every server action (${testDatabaseKind}, ${RUNS} cases each)`, () => {
  it('finds the server actions', () => {
    expect(targets.length).toBeGreaterThan(50);
  });

  for (const target of targets) {
    it(
      target.id,
      async () => {
        const exports = (await import(path.join(ROOT, target.file))) as Record<string, unknown>;
        const action = exports[target.name];
        expect(typeof action, `${target.id} is not a function`).toBe('function');
        const call = action as (...args: unknown[]) => Promise<unknown>;
        const schema = env.schemas.get(action);
        const shaped = schema ? arbitraryFor(schema as never, plausible) : hostileActionValue;
        const input = fc.oneof(
          { weight: 3, arbitrary: shaped },
          { weight: 1, arbitrary: shaped.map(toFormData) },
          { weight: 1, arbitrary: hostileActionValue },
        );
        // useActionState actions (prevState, formData): the client sends the previous state too
        const args =
          call.length >= 2
            ? fc.tuple(fc.oneof(fc.constant({ attempt: 0 }), hostileActionValue), input)
            : input.map((value) => [value] as const);

        let books = await booksChecksum(env.handle!.db);
        await checkProperty(
          target.id,
          fc.asyncProperty(args, async (argv) => {
            cases.set(target.id, (cases.get(target.id) ?? 0) + 1);
            let result: unknown;
            try {
              result = await call(...argv);
            } catch (error) {
              if (isNextControlFlow(error)) {
                books = await booksChecksum(env.handle!.db);
                return;
              }
              throw error;
            }
            const after = await booksChecksum(env.handle!.db);
            if (isErrorAnswer(result)) expect(after, `books changed on an error answer: ${show(result)}`).toBe(books);
            books = after;
          }),
          RUNS,
        );
      },
      caseTimeout(RUNS),
    );
  }

  it('fuzzed every server action it found', () => {
    expect([...cases.keys()].sort()).toEqual(targets.map((t) => t.id).sort());
    for (const [id, count] of cases) expect(count, id).toBeGreaterThanOrEqual(RUNS);
  });
});

function isErrorAnswer(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  return ('ok' in result && result.ok === false) || ('error' in result && Boolean(result.error));
}

function show(result: unknown): string {
  return JSON.stringify(result)?.slice(0, 300) ?? String(result);
}
