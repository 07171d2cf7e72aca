import { DatabaseConfigError, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from './seed';

/** `npm run db:seed`: fills the database named by the environment with the demo store. */
async function main() {
  const handle = openDatabase();
  try {
    await migrateDatabase(handle);
    const started = performance.now();
    const result = await seedDemoData(handle.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.skipped) console.log(`${handle.description}: demo data already present, nothing to do`);
    else console.log(`${handle.description}: seeded in ${seconds} s`);
    const c = result.counts;
    console.log(
      `  ${c.orders} orders, ${c.customers} customers, ${c.skus} SKUs, ${c.warehouses} warehouses, ${c.storefront_visits} visits`,
    );
    console.log('Demo logins (password for all):');
    for (const l of result.logins) console.log(`  ${l.role.padEnd(10)} ${l.email.padEnd(24)} ${l.password}`);
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error instanceof DatabaseConfigError ? error.message : error);
  process.exit(1);
});
