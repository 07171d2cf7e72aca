import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { fail, ok, type Result } from '@/domain/shared/result';
import { signKuaidi100Push } from '@/domain/logistics/kuaidi100';
import { SANDBOX_SCRIPTS, type SandboxScript } from './sandbox-script';
import { lastResultOf } from './sandbox-aggregator';
import { ensureSandboxTables, kuaidi100SandboxParcels, kuaidi100SandboxPushes } from './sandbox-tables';

export interface SendOptions {
  fetch?: typeof fetch;
  now?: Date;
  /** pushes per run */
  limit?: number;
}

// a sender holds a claimed push this long; a sender that died leaves it to the next run
const LEASE_MS = 2 * 60_000;

/**
 * The sandbox's clock: claims the pushes that are due (FOR UPDATE SKIP LOCKED plus a lease, so
 * several instances never send one twice at once and the HTTP call holds no transaction), sends
 * each to its parcel's callback URL signed with the parcel's salt, and marks it sent when our
 * webhook accepted it; a refused or failed send is retried later with a growing delay.
 */
export async function sendDueSandboxPushes(
  db: Database,
  options: SendOptions = {},
): Promise<{ sent: number; failed: number; errors: string[] }> {
  const now = options.now ?? new Date();
  await ensureSandboxTables(db);
  const claimed = await queryRows<{ id: string | number }>(
    db,
    sql`
    update kuaidi100_sandbox.pushes set locked_until = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz, attempts = attempts + 1
    where id in (
      select id from kuaidi100_sandbox.pushes
      where sent_at is null and due_at <= ${now.toISOString()}::timestamptz
        and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
      order by due_at limit ${options.limit ?? 50}
      for update skip locked)
    returning id`,
  );
  const counts = { sent: 0, failed: 0, errors: [] as string[] };
  for (const row of claimed) {
    const result = await deliverSandboxPush(db, Number(row.id), options);
    if (result.ok) counts.sent += 1;
    else {
      counts.failed += 1;
      if (counts.errors.length < 5) counts.errors.push(result.message);
    }
  }
  return counts;
}

/**
 * The "send next push now" button: the parcel's next unsent step becomes due now and is sent.
 * Failure codes: `nothing_left` (every step was sent), `busy` (another sender holds it), `send_failed`.
 */
export async function sendNextSandboxPush(
  db: Database,
  parcelId: number,
  options: SendOptions = {},
): Promise<Result<{ step: number; state: number }, 'nothing_left' | 'busy' | 'send_failed'>> {
  const now = options.now ?? new Date();
  await ensureSandboxTables(db);
  const [next] = await db
    .select({ id: kuaidi100SandboxPushes.id })
    .from(kuaidi100SandboxPushes)
    .where(and(eq(kuaidi100SandboxPushes.parcelId, parcelId), sql`${kuaidi100SandboxPushes.sentAt} is null`))
    .orderBy(asc(kuaidi100SandboxPushes.step))
    .limit(1);
  if (!next) return fail('nothing_left', 'every push of this parcel has been sent');
  const [claimed] = await queryRows<{ id: string | number }>(
    db,
    sql`
    update kuaidi100_sandbox.pushes
    set due_at = least(due_at, ${now.toISOString()}::timestamptz), locked_until = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz, attempts = attempts + 1
    where id = (select id from kuaidi100_sandbox.pushes where id = ${next.id} and sent_at is null
                  and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz) for update skip locked)
    returning id`,
  );
  if (!claimed) return fail('busy', 'this push is being sent right now');
  return deliverSandboxPush(db, next.id, options);
}

async function deliverSandboxPush(
  db: Database,
  pushId: number,
  options: SendOptions,
): Promise<Result<{ step: number; state: number }, 'send_failed'>> {
  const now = options.now ?? new Date();
  const [push] = await db.select().from(kuaidi100SandboxPushes).where(eq(kuaidi100SandboxPushes.id, pushId));
  const [parcel] = await db.select().from(kuaidi100SandboxParcels).where(eq(kuaidi100SandboxParcels.id, push.parcelId));
  const steps = await db
    .select()
    .from(kuaidi100SandboxPushes)
    .where(and(eq(kuaidi100SandboxPushes.parcelId, parcel.id), lte(kuaidi100SandboxPushes.step, push.step)));
  const isLast =
    push.step === (SANDBOX_SCRIPTS[parcel.script as SandboxScript] ?? SANDBOX_SCRIPTS.delivered).length - 1;
  const param = JSON.stringify({
    status: isLast ? 'shutdown' : 'polling',
    billstatus: 'got',
    message: '',
    autoCheck: '0',
    comOld: '',
    comNew: '',
    lastResult: lastResultOf(
      parcel,
      steps.map((s) => (s.id === push.id ? { ...s, dueAt: push.dueAt } : s)),
    ),
  });
  let error: string | null = null;
  try {
    const response = await (options.fetch ?? fetch)(parcel.callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({ param, sign: signKuaidi100Push(param, parcel.salt) }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    const reply = (await response.json().catch(() => null)) as { result?: unknown; message?: unknown } | null;
    if (reply?.result !== true)
      error =
        `the webhook refused push ${push.step} of ${parcel.number}: HTTP ${response.status} ${String(reply?.message ?? '')}`.trim();
  } catch (caught) {
    error = `push ${push.step} of ${parcel.number} could not be sent: ${caught instanceof Error ? caught.message : String(caught)}`;
  }
  if (error === null) {
    await db
      .update(kuaidi100SandboxPushes)
      .set({ sentAt: now, lockedUntil: null, lastError: null })
      .where(eq(kuaidi100SandboxPushes.id, push.id));
    return ok({ step: push.step, state: push.stateCode });
  }
  // like the real aggregator, try again later, waiting longer each time
  await db
    .update(kuaidi100SandboxPushes)
    .set({
      lockedUntil: null,
      lastError: error.slice(0, 1000),
      dueAt: new Date(now.getTime() + Math.min(push.attempts, 30) * 60_000),
    })
    .where(eq(kuaidi100SandboxPushes.id, push.id));
  return fail('send_failed', error);
}

/** Parcels the sandbox knows, newest first, with their pushes, for the sandbox page. */
export async function listSandboxParcels(db: Database, limit = 50) {
  await ensureSandboxTables(db);
  const parcels = await db
    .select()
    .from(kuaidi100SandboxParcels)
    .orderBy(sql`${kuaidi100SandboxParcels.id} desc`)
    .limit(limit);
  const pushes =
    parcels.length === 0
      ? []
      : await db
          .select()
          .from(kuaidi100SandboxPushes)
          .where(
            sql`${kuaidi100SandboxPushes.parcelId} in (${sql.join(
              parcels.map((p) => sql`${p.id}`),
              sql`, `,
            )})`,
          )
          .orderBy(asc(kuaidi100SandboxPushes.step));
  return parcels.map((parcel) => ({ ...parcel, pushes: pushes.filter((p) => p.parcelId === parcel.id) }));
}
