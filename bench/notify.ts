/**
 * Notification benchmark: `npm run bench:notify`. Creates a scratch PostgreSQL database on
 * BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres), starts the built console on
 * it (`next start`, as scripts/e2e-server.mjs does; run `next build` first) on BENCH_PORT (3111),
 * and for each provider sends sandbox-signed payment notifications to the HTTP webhook from 32
 * concurrent senders, 30% of deliveries being duplicates of another. Prints verified
 * notifications/s through HTTP beside the cost of signature verification alone (one core, in
 * this process: the ceiling) and the ratio, then checks each order was paid exactly once (status
 * paid, one succeeded payment, one paid timeline entry). Env: BENCH_ORDERS per provider (600).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, queryRows } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { migrateDatabase } from '@/db/migrate';
import { createPaymentAttempt } from '@/domain/payments/attempts';
import { PROVIDER_SLUGS } from '@/domain/payments/notify-urls';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { verifyAlipayNotification } from '@/domain/payments/providers/alipay/protocol';
import { verifyUnionPayNotification } from '@/domain/payments/providers/unionpay/protocol';
import { readWechatTransactionNotification } from '@/domain/payments/providers/wechat-pay/protocol';
import { getSandboxKeys, type SandboxKeys } from '@/testing/sandboxes/payments/keys-store';
import { SANDBOX_MERCHANTS } from '@/testing/sandboxes/payments/merchants';
import {
  alipayNotification,
  unionPayNotification,
  wechatNotification,
  type SandboxTrade,
  type SignedNotification,
} from '@/testing/sandboxes/payments/notifications';
import { groupCpuSeconds, startBuiltServer, waitForServer } from './server-process';

const SENDERS = 32;
const DUPLICATE_SHARE = 0.3;
const ORDERS = Number(process.env.BENCH_ORDERS ?? 600);
const PORT = Number(process.env.BENCH_PORT ?? 3111);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const METHODS: ProviderMethod[] = ['alipay', 'wechat_pay', 'unionpay'];
const ACCEPTED: Record<ProviderMethod, (status: number, body: string) => boolean> = {
  alipay: (s, b) => s === 200 && b === 'success',
  wechat_pay: (s) => s === 204,
  unionpay: (s, b) => s === 200 && b === 'ok',
};

const serverUrl = new URL(process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
if (!['127.0.0.1', 'localhost', '::1'].includes(serverUrl.hostname)) {
  console.error('bench:notify creates and drops a scratch database: BENCH_PG_URL must be a local PostgreSQL server');
  process.exit(2);
}
const dbName = `oms_bench_notify_${Date.now()}`;
const admin = postgres(serverUrl.toString(), { max: 1, onnotice: () => {} });
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;
const authSecret = randomBytes(32).toString('base64');

function notificationFor(method: ProviderMethod, trade: SandboxTrade, keys: SandboxKeys): SignedNotification {
  if (method === 'alipay') return alipayNotification(trade, keys.alipayGateway.privateKeyPem);
  if (method === 'unionpay') return unionPayNotification(trade, keys.unionPayGateway.privateKeyPem);
  return wechatNotification(
    trade,
    {
      platformPrivateKeyPem: keys.wechatPlatform.privateKeyPem,
      platformSerial: SANDBOX_MERCHANTS.wechat_pay.providerSerial,
      apiV3Key: keys.wechatApiV3Key,
    },
    new Date(),
  );
}

/** One verification of each notification as the webhook does it (signature; WeChat Pay also decrypts), one core. */
function verifyOnce(method: ProviderMethod, n: SignedNotification, keys: SandboxKeys): boolean {
  if (method === 'alipay') return verifyAlipayNotification(n.body, keys.alipayGateway.publicKeyPem).ok;
  if (method === 'unionpay')
    return verifyUnionPayNotification(n.body, { kind: 'public-key', publicKeyPem: keys.unionPayGateway.publicKeyPem })
      .ok;
  return readWechatTransactionNotification({
    headers: n.headers,
    body: n.body,
    platformPublicKeyPem: keys.wechatPlatform.publicKeyPem,
    apiV3Key: keys.wechatApiV3Key,
    now: new Date(),
    platformSerial: SANDBOX_MERCHANTS.wechat_pay.providerSerial,
  }).ok;
}

async function main() {
  await admin.unsafe(`create database ${dbName}`);
  const handle = openDatabase({ url: dbUrl.toString(), poolSize: 8 });
  const server = startBuiltServer(PORT, {
    DATABASE_URL: dbUrl.toString(),
    AUTH_SECRET: authSecret,
    PAYMENTS_SANDBOX: '1',
    JOBS_DISABLED: '1',
  });
  try {
    await migrateDatabase(handle);
    const ctx = { db: handle.db, authSecret, env: { NODE_ENV: 'production', PAYMENTS_SANDBOX: '1' }, origin: ORIGIN };
    const keys = await getSandboxKeys(handle.db, authSecret);
    const f = createFactories(handle.db, { seed: 2026 });
    const warehouse = await f.warehouse();
    const sku = await f.sku({ priceCents: 8_800 });
    await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: ORDERS * METHODS.length + 10 });
    const customer = await f.customer();
    await waitForServer(ORIGIN);

    console.log(
      `bench:notify  ${ORDERS} orders per provider, ${SENDERS} concurrent senders, ${DUPLICATE_SHARE * 100}% duplicates, PostgreSQL, next start on ${ORIGIN}; load average ${loadavg()[0].toFixed(1)} on this machine`,
    );
    console.log(
      'provider     deliveries  HTTP notif/s  p50 ms  p95 ms   verify-only/s (1 core)  ratio   server CPU ms/notif  verify CPU ms/notif  paid once',
    );
    for (const method of METHODS) {
      process.stderr.write(`  preparing ${ORDERS} ${method} attempts...\n`);
      const trades: SandboxTrade[] = [];
      for (let i = 0; i < ORDERS; i += 1) {
        const { order } = await f.order({
          status: 'pending_payment',
          customerId: customer.id,
          warehouseId: warehouse.id,
          lines: [{ skuId: sku.id, quantity: 1 }],
        });
        const attempt = await createPaymentAttempt(ctx, {
          orderId: order.id,
          method,
          actor: { type: 'system', id: null, name: 'bench' },
        });
        if (!attempt.ok) throw new Error(`attempt: ${attempt.message}`);
        trades.push({
          merchantId: attempt.data.merchantId ?? '',
          appId: SANDBOX_MERCHANTS.wechat_pay.appId,
          outTradeNo: attempt.data.outTradeNo,
          tradeNo: `B${Date.now()}${i}${randomInt(1e6)}`,
          amountCents: attempt.data.amountCents,
          subject: 'bench',
          paid: true,
          createdAt: attempt.data.createdAt,
          paidAt: new Date(),
        });
      }
      const unique = trades.map((trade) => notificationFor(method, trade, keys));
      // 30% of all deliveries repeat a notification already in the list (byte for byte, as a provider retry)
      const duplicates = Math.round((unique.length * DUPLICATE_SHARE) / (1 - DUPLICATE_SHARE));
      const deliveries = [...unique, ...Array.from({ length: duplicates }, () => unique[randomInt(unique.length)])];
      for (let i = deliveries.length - 1; i > 0; i -= 1) {
        const j = randomInt(i + 1);
        [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
      }

      const latencies: number[] = [];
      let refused = 0;
      let next = 0;
      const url = `${ORIGIN}/api/payments/notify/${PROVIDER_SLUGS[method]}`;
      const cpuBefore = groupCpuSeconds(server.pid!);
      const start = performance.now();
      await Promise.all(
        Array.from({ length: SENDERS }, async () => {
          while (next < deliveries.length) {
            const n = deliveries[next++];
            const t0 = performance.now();
            const response = await fetch(url, { method: 'POST', headers: n.headers, body: n.body });
            const body = await response.text();
            latencies.push(performance.now() - t0);
            if (!ACCEPTED[method](response.status, body)) refused += 1;
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      const serverCpuMs = ((groupCpuSeconds(server.pid!) - cpuBefore) * 1000) / deliveries.length;
      latencies.sort((a, b) => a - b);
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)];

      const verifyStart = performance.now();
      const verifyCpuStart = process.cpuUsage();
      let verified = 0;
      for (const n of deliveries) if (verifyOnce(method, n, keys)) verified += 1;
      const verifySeconds = (performance.now() - verifyStart) / 1000;
      const verifyCpu = process.cpuUsage(verifyCpuStart);
      const verifyCpuMs = (verifyCpu.user + verifyCpu.system) / 1000 / deliveries.length;
      if (verified !== deliveries.length)
        throw new Error(`${method}: ${deliveries.length - verified} notifications did not verify in process`);

      const [check] = await queryRows<{ orders: number; paid: number; bad: number }>(
        handle.db,
        sql`
        select count(*)::int as orders,
          count(*) filter (where o.status = 'paid')::int as paid,
          count(*) filter (where (select count(*) from payments p where p.order_id = o.id and p.status = 'succeeded') <> 1
            or (select count(*) from order_events e where e.order_id = o.id and e.kind = 'status_changed' and e.to_status = 'paid') <> 1)::int as bad
        from orders o where o.id in (select order_id from payments where method = ${method})`,
      );
      const ok = refused === 0 && check.orders === ORDERS && check.paid === ORDERS && check.bad === 0;
      const httpRate = deliveries.length / seconds;
      const verifyRate = deliveries.length / verifySeconds;
      console.log(
        `${method.padEnd(12)} ${String(deliveries.length).padStart(10)}  ${httpRate.toFixed(0).padStart(12)}  ${pct(0.5).toFixed(1).padStart(6)}  ${pct(0.95).toFixed(1).padStart(6)}   ${verifyRate.toFixed(0).padStart(22)}  ${(httpRate / verifyRate).toFixed(2).padStart(5)}   ${serverCpuMs.toFixed(1).padStart(19)}  ${verifyCpuMs.toFixed(2).padStart(19)}  ${ok ? 'yes' : `NO (refused ${refused}, paid ${check.paid}/${check.orders}, bad ${check.bad})`}`,
      );
      if (!ok) process.exitCode = 1;
    }
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await handle.close();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
