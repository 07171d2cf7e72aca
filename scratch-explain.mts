import postgres from 'postgres';
import { openDatabase } from './db/client';
import { buildNumberPrefixProbe, buildOrderListQuery } from './domain/orders/list-orders';
import { parseOrderListParams } from './domain/orders/order-list-filters';
import { buildSummaryFactsQuery } from './domain/orders/summary-states';
import { PgDialect } from 'drizzle-orm/pg-core';

const url = process.env.DATABASE_URL!;
const h = openDatabase({ url });
const raw = postgres(url, { onnotice: () => {} });
for (const qs of process.argv.slice(2)) {
  const { filters, rejected } = parseOrderListParams(new URLSearchParams(qs));
  const q = buildOrderListQuery(h.db, filters, { numberMatches: process.env.FEW ? 'few' : 'many' }).toSQL();
  console.log('=== ', qs, rejected.length ? JSON.stringify(rejected) : '');
  if (process.env.SHOWSQL) console.log(q.sql, q.params);
  const plan = await raw.unsafe(`explain (analyze, buffers) ${q.sql}`, q.params as never[]);
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
}
if (process.env.PROBE) {
  const s = new PgDialect().sqlToQuery(buildNumberPrefixProbe(process.env.PROBE));
  const plan = await raw.unsafe(`explain (analyze, buffers) ${s.sql}`, s.params as never[]);
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
}
if (process.env.SUMMARY) {
  const ids = (await raw`select id from orders where archived_at is null order by placed_at desc, id desc limit 50`).map((r) => Number(r.id));
  const s = new PgDialect().sqlToQuery(buildSummaryFactsQuery(ids));
  const plan = await raw.unsafe(`explain (analyze, buffers) ${s.sql}`, s.params as never[]);
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
}
await raw.end(); await h.close();
