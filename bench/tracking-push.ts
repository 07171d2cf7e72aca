/**
 * Tracking push benchmark: `npm run bench:tracking-push` with DATABASE_URL=postgres://... (a scratch
 * database, e.g. createdb oms_bench_push; `npm run bench:print` runs it on its own database after
 * the printing half). Needs a build (`next build`): starts `next start` on that database on
 * BENCH_PORT (3112).
 *
 * Ships BENCH_PARCELS orders (600, one parcel each, through testing/factories), then 32 concurrent
 * senders POST Kuaidi100 pushes signed with the configured salt to the HTTP webhook: each parcel's
 * pushes carry its events so far, newest first, as Kuaidi100 sends them (2 parcels in 3 end signed
 * for after 4 events, the others are still out for delivery after 3); 30% of deliveries repeat
 * another byte for byte, and all are shuffled, so many arrive older than one already taken.
 * Prints pushes/s through HTTP, p50/p95 latency and the server's memory (VmRSS of its process
 * group, sampled every 100 ms) beside the cost of the sign check and JSON reading alone (one core,
 * in this process: the ceiling) and the ratio; then checks the books: each parcel's tracking events
 * are exactly the distinct events sent, delivered parcels and their orders are delivered (once on
 * the timeline), the others are not, every push was answered 200 and logged once.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { inArray, sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { migrateDatabase } from '@/db/migrate';
import { trackingEvents } from '@/db/schema/logistics';
import { kuaidi100Time, signKuaidi100Push } from '@/domain/logistics/kuaidi100';
import { SANDBOX_SCRIPTS } from '@/testing/sandboxes/kuaidi100/sandbox-script';
import { toKuaidi100Time } from '@/testing/sandboxes/kuaidi100/sandbox-aggregator';
import {
  getKuaidi100Settings,
  getTrackingProvider,
  KUAIDI100_PUSH_PATH,
} from '@/domain/logistics/tracking/tracking-settings';
import { registerTrackingSandbox } from '@/testing/sandboxes/kuaidi100/register';
import { groupCpuSeconds, groupRssKb, startBuiltServer, waitForServer } from './server-process';

const SENDERS = 32;
const DUPLICATE_SHARE = 0.3;
const PARCELS = Number(process.env.BENCH_PARCELS ?? 600);
const PORT = Number(process.env.BENCH_PORT ?? 3112);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const HOUR = 3_600_000;
// picked up, in transit, out for delivery, signed: the sandbox aggregator's scans
const SCANS = SANDBOX_SCRIPTS.delivered;
const SCAN_OFFSETS = [0, 6 * HOUR, 20 * HOUR, 26 * HOUR];

const url = process.env.DATABASE_URL;
if (
  !url ||
  !/^postgres(ql)?:\/\//.test(url) ||
  !['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(url).hostname)
) {
  console.error(
    'bench:tracking-push needs DATABASE_URL=postgres://... on this machine (a scratch database, e.g. createdb oms_bench_push); PGlite is not benchmarked.',
  );
  process.exit(2);
}

interface Parcel {
  shipmentId: number;
  orderId: number;
  isSigned: boolean;
  /** the distinct events sent, as `instant|text` */
  events: string[];
  signedAt: Date | null;
}
interface Delivery {
  parcel: number;
  step: number;
  body: string;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** The pushes of one parcel: push k carries scans 0..k, newest first, state of scan k. */
function pushesFor(
  parcel: number,
  trackingNumber: string,
  carrierName: string,
  shippedAt: Date,
  steps: number,
  salt: string,
): { bodies: string[]; events: string[] } {
  const data = SCANS.slice(0, steps).map((scan, k) => {
    const time = toKuaidi100Time(new Date(shippedAt.getTime() + SCAN_OFFSETS[k] + parcel * 1000));
    return {
      context: scan.text.replace('{carrier}', carrierName),
      time,
      ftime: time,
      areaName: scan.location,
      statusCode: String(scan.state),
    };
  });
  const bodies = data.map((_, k) => {
    const state = SCANS[k].state;
    const param = JSON.stringify({
      status: state === 3 ? 'shutdown' : 'polling',
      billstatus: 'got',
      message: '',
      autoCheck: '0',
      comOld: '',
      comNew: '',
      lastResult: {
        message: 'ok',
        status: '200',
        state: String(state),
        condition: 'F00',
        ischeck: state === 3 ? '1' : '0',
        com: 'shunfeng',
        nu: trackingNumber,
        data: data.slice(0, k + 1).reverse(),
      },
    });
    return new URLSearchParams({ param, sign: signKuaidi100Push(param, salt) }).toString();
  });
  return { bodies, events: data.map((e) => `${kuaidi100Time(e.time).toISOString()}|${e.context}`) };
}

async function main() {
  const handle = openDatabase({ url, poolSize: 4 });
  await migrateDatabase(handle);
  const db = handle.db;
  const { salt } = await getKuaidi100Settings(db);
  const f = createFactories(db, { seed: 2027 });
  const warehouse = await f.warehouse();
  const sku = await f.sku({ priceCents: 8_800 });
  await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: PARCELS + 10 });
  const customer = await f.customer();
  const carrier = await f.carrier('shunfeng');

  process.stderr.write(`  shipping ${PARCELS} orders...\n`);
  const parcels: Parcel[] = [];
  const unique: Delivery[] = [];
  for (let i = 0; i < PARCELS; i += 1) {
    const { order, shipments } = await f.order({
      status: 'shipped',
      shipmentStatus: 'shipped',
      customerId: customer.id,
      warehouseId: warehouse.id,
      lines: [{ skuId: sku.id, quantity: 1 }],
    });
    const [shipment] = shipments;
    const isSigned = i % 3 !== 2;
    // scans in the past, a second apart per parcel so no two parcels share an instant
    const pushes = pushesFor(
      i,
      shipment.trackingNumber,
      carrier.name,
      new Date(Date.now() - 3 * 24 * HOUR),
      isSigned ? 4 : 3,
      salt,
    );
    parcels.push({
      shipmentId: shipment.id,
      orderId: order.id,
      isSigned,
      events: pushes.events,
      signedAt: isSigned ? new Date(pushes.events[3].split('|')[0]) : null,
    });
    pushes.bodies.forEach((body, step) => unique.push({ parcel: i, step, body }));
  }
  const shipmentIds = parcels.map((p) => p.shipmentId);
  const [before] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${trackingEvents} where ${inArray(trackingEvents.shipmentId, shipmentIds)}`,
  );
  if (before.n !== 0) throw new Error(`the new parcels already have ${before.n} tracking events`);

  // 30% of all deliveries repeat a push already in the list (byte for byte, as the aggregator retries)
  const duplicates = Math.round((unique.length * DUPLICATE_SHARE) / (1 - DUPLICATE_SHARE));
  const deliveries = [...unique, ...Array.from({ length: duplicates }, () => unique[randomInt(unique.length)])];
  for (let i = deliveries.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
  }
  // pushes sent after a newer push of the same parcel (sending order is arrival order give or take the 32 in flight)
  const newestSent = new Map<number, number>();
  let olderThanTaken = 0;
  for (const d of deliveries) {
    if ((newestSent.get(d.parcel) ?? -1) > d.step) olderThanTaken += 1;
    newestSent.set(d.parcel, Math.max(newestSent.get(d.parcel) ?? -1, d.step));
  }

  // the pushes are signed with the sandbox's salt (Settings in sandbox mode): the server and this process plug it in
  await registerTrackingSandbox();
  const server = startBuiltServer(PORT, {
    DATABASE_URL: url!,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    JOBS_DISABLED: '1',
    TRACKING_SANDBOX: '1',
  });
  try {
    await waitForServer(ORIGIN);
    const pushUrl = `${ORIGIN}${KUAIDI100_PUSH_PATH}`;
    const post = (body: string) =>
      fetch(pushUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      });
    // warm the route up with a well-signed push for a parcel nobody shipped (404, changes nothing but the log)
    const warm = pushesFor(0, 'SF0000000000000', carrier.name, new Date(), 1, salt).bodies[0];
    for (let i = 0; i < 5; i += 1) await (await post(warm)).text();
    const idleRssKb = groupRssKb(server.pid!);

    console.log(
      `bench:tracking-push  ${PARCELS} parcels (${parcels.filter((p) => p.isSigned).length} signed for), ${unique.length} distinct pushes + ${duplicates} duplicates (${DUPLICATE_SHARE * 100}%), ${((100 * olderThanTaken) / deliveries.length).toFixed(0)}% sent after a newer push of their parcel, ${SENDERS} concurrent senders, PostgreSQL, next start on ${ORIGIN}; load average ${loadavg()[0].toFixed(1)}`,
    );
    let peakRssKb = idleRssKb;
    const sampler = setInterval(() => {
      peakRssKb = Math.max(peakRssKb, groupRssKb(server.pid!));
    }, 100);
    const latencies: number[] = [];
    const answers = new Map<string, number>();
    let fiveHundreds = 0;
    let next = 0;
    const cpuBefore = groupCpuSeconds(server.pid!);
    const start = performance.now();
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < deliveries.length) {
          const d = deliveries[next++];
          const t0 = performance.now();
          const response = await post(d.body);
          const reply = (await response.json().catch(() => null)) as { result?: unknown } | null;
          latencies.push(performance.now() - t0);
          if (response.status >= 500) fiveHundreds += 1;
          const answer = `${response.status} ${reply?.result === true ? 'taken' : 'refused'}`;
          answers.set(answer, (answers.get(answer) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peakRssKb = Math.max(peakRssKb, groupRssKb(server.pid!));
    const serverCpuMs = ((groupCpuSeconds(server.pid!) - cpuBefore) * 1000) / deliveries.length;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)];

    // the ceiling: what the webhook does before the database (form decoding, sign check, JSON and shape), one core
    const provider = await getTrackingProvider(db);
    let checked = 0;
    const ceilingStart = performance.now();
    const ceilingCpu = process.cpuUsage();
    do {
      for (const d of deliveries) {
        const form = new URLSearchParams(d.body);
        if (!provider.parsePush({ param: form.get('param') ?? undefined, sign: form.get('sign') ?? undefined }).ok)
          throw new Error('a push did not verify in process');
        checked += 1;
      }
    } while (performance.now() - ceilingStart < 1000);
    const ceilingSeconds = (performance.now() - ceilingStart) / 1000;
    const cpu = process.cpuUsage(ceilingCpu);
    const ceilingCpuMs = (cpu.user + cpu.system) / 1000 / checked;

    const httpRate = deliveries.length / seconds;
    const ceilingRate = checked / ceilingSeconds;
    console.log(
      'deliveries  HTTP pushes/s  p50 ms  p95 ms  check+parse only/s (1 core)  ratio  server CPU ms/push  check+parse CPU ms/push  server RSS idle -> peak',
    );
    console.log(
      `${String(deliveries.length).padStart(10)}  ${httpRate.toFixed(0).padStart(13)}  ${pct(0.5).toFixed(1).padStart(6)}  ${pct(0.95).toFixed(1).padStart(6)}  ${ceilingRate.toFixed(0).padStart(27)}  ${(httpRate / ceilingRate).toFixed(3).padStart(5)}  ${serverCpuMs.toFixed(1).padStart(18)}  ${ceilingCpuMs.toFixed(3).padStart(23)}  ${mb(idleRssKb)} -> ${mb(peakRssKb)}`,
    );
    console.log(`answers: ${[...answers].map(([answer, n]) => `${answer} x${n}`).join(', ')}`);

    const problems = await checkBooks(db, parcels, deliveries.length);
    if (fiveHundreds > 0) problems.unshift(`${fiveHundreds} pushes answered 5xx`);
    const refused = deliveries.length - (answers.get('200 taken') ?? 0);
    if (refused > 0) problems.unshift(`${refused} pushes not answered 200 {result: true}`);
    console.log(
      problems.length === 0
        ? `books: every parcel holds exactly its distinct events (${parcels.reduce((n, p) => n + p.events.length, 0)} in all), ${parcels.filter((p) => p.isSigned).length} parcels and orders delivered once, the rest not, ${deliveries.length} pushes logged once each: OK`
        : `books: NOT OK\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await handle.close();
  }
}

/** What the database must say after the run; one line per thing that is wrong. */
async function checkBooks(
  db: ReturnType<typeof openDatabase>['db'],
  parcels: Parcel[],
  deliveryCount: number,
): Promise<string[]> {
  const problems: string[] = [];
  const ids = sql.join(
    parcels.map((p) => sql`${p.shipmentId}`),
    sql`, `,
  );
  const orderIds = sql.join(
    parcels.map((p) => sql`${p.orderId}`),
    sql`, `,
  );
  const events = await queryRows<{ shipment_id: string | number; occurred_at: string | Date; description: string }>(
    db,
    sql`select shipment_id, occurred_at, description from tracking_events where shipment_id in (${ids})`,
  );
  const stored = new Map<number, string[]>();
  for (const e of events) {
    const key = `${new Date(e.occurred_at).toISOString()}|${e.description}`;
    stored.set(Number(e.shipment_id), [...(stored.get(Number(e.shipment_id)) ?? []), key]);
  }
  const shipmentRows = await queryRows<{
    id: string | number;
    status: string;
    delivered_at: string | Date | null;
    has_exception: boolean;
  }>(db, sql`select id, status, delivered_at, has_exception from shipments where id in (${ids})`);
  const shipmentsById = new Map(shipmentRows.map((s) => [Number(s.id), s]));
  const orderRows = await queryRows<{
    id: string | number;
    delivered_at: string | Date | null;
    delivered_entries: number;
  }>(
    db,
    sql`
    select o.id, o.delivered_at,
      (select count(*)::int from order_events e where e.order_id = o.id and e.kind = 'tracking' and e.details->>'to' = 'delivered') as delivered_entries
    from orders o where o.id in (${orderIds})`,
  );
  const ordersById = new Map(orderRows.map((o) => [Number(o.id), o]));

  for (const p of parcels) {
    const got = (stored.get(p.shipmentId) ?? []).sort();
    const want = [...p.events].sort();
    if (got.join('\n') !== want.join('\n'))
      problems.push(
        `shipment ${p.shipmentId}: ${got.length} events stored, ${want.length} distinct sent${got.length === want.length ? ' (different ones)' : ''}`,
      );
    const s = shipmentsById.get(p.shipmentId);
    const wantStatus = p.isSigned ? 'delivered' : 'out_for_delivery';
    if (s?.status !== wantStatus) problems.push(`shipment ${p.shipmentId}: ${s?.status}, expected ${wantStatus}`);
    const deliveredAt = s?.delivered_at ? new Date(s.delivered_at).getTime() : null;
    if (deliveredAt !== (p.signedAt?.getTime() ?? null))
      problems.push(
        `shipment ${p.shipmentId}: delivered at ${s?.delivered_at}, expected ${p.signedAt?.toISOString() ?? 'none'}`,
      );
    if (s?.has_exception) problems.push(`shipment ${p.shipmentId}: marked as an exception`);
    const o = ordersById.get(p.orderId);
    if (Boolean(o?.delivered_at) !== p.isSigned)
      problems.push(
        `order ${p.orderId}: delivered_at ${o?.delivered_at ?? 'empty'} for a parcel ${p.isSigned ? '' : 'not '}signed for`,
      );
    if (o?.delivered_entries !== (p.isSigned ? 1 : 0))
      problems.push(`order ${p.orderId}: ${o?.delivered_entries} "delivered" timeline entries`);
  }
  const [log] = await queryRows<{ accepted: number; other: number }>(
    db,
    sql`
    select count(*) filter (where outcome = 'accepted')::int as accepted, count(*) filter (where outcome <> 'accepted')::int as other
    from logistics_push_log where shipment_id in (${ids})`,
  );
  if (log.accepted !== deliveryCount || log.other !== 0)
    problems.push(`push log: ${log.accepted} accepted and ${log.other} other rows for ${deliveryCount} pushes`);
  return problems;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
