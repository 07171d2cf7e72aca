import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';
const h = openDatabase();
await migrateDatabase(h);
const t = performance.now();
await seedDemoData(h.db, { now: new Date('2026-06-12T04:00:00Z') });
console.log('total', performance.now() - t);
await h.close();
