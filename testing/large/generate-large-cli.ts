import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DatabaseConfigError, openDatabase, queryRows } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/testing/seed/seed';
import { generateLarge } from './generate-large';
import { sql } from 'drizzle-orm';

const ZArgs = z.object({
  orders: z.coerce.number().int().min(1).max(50_000_000).default(1_000_000),
  customers: z.coerce.number().int().min(1).max(10_000_000).default(200_000),
  days: z.coerce.number().int().min(1).max(3650).default(730),
  afterSales: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** `npm run db:generate-large -- --orders 1000000 [--after-sales 200000]`: benchmark data on PostgreSQL. */
async function main() {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string' },
      customers: { type: 'string' },
      days: { type: 'string' },
      'after-sales': { type: 'string' },
    },
  });
  const parsed = ZArgs.safeParse({ ...values, afterSales: values['after-sales'] });
  if (!parsed.success) {
    console.error(
      `invalid arguments: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error(
      'db:generate-large needs PostgreSQL: set DATABASE_URL=postgres://user@host:5432/database (PGlite is not meant for millions of rows)',
    );
    process.exit(2);
  }
  // one connection: the generator keeps its working sets in temporary tables
  const handle = openDatabase({ poolSize: 1 });
  if (handle.kind !== 'postgres') {
    console.error('db:generate-large refuses PGlite: point DATABASE_URL at a PostgreSQL server');
    process.exit(2);
  }
  try {
    const started = performance.now();
    await migrateDatabase(handle);
    const [{ skus }] = await queryRows<{ skus: number }>(handle.db, sql`select count(*)::int as skus from skus`);
    if (skus === 0) {
      console.log('catalog is empty: seeding the demo store first');
      await seedDemoData(handle.db);
    }
    console.log(
      `generating ${parsed.data.orders} orders for ${parsed.data.customers} customers over ${parsed.data.days} days into ${handle.description}`,
    );
    const counts = await generateLarge(handle.db, { ...parsed.data, log: (m) => console.log(`  ${m}`) });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `done in ${seconds.toFixed(1)} s: ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error instanceof DatabaseConfigError ? error.message : error);
  process.exit(1);
});
