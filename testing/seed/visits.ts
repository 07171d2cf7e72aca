import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { storefrontVisits } from '@/db/schema/system';
import { insertMany } from '@/testing/fixtures/bulk-insert';
import { DAY, MINUTE, shanghaiMidnight } from './random';
import type { Faker } from '@faker-js/faker';

/**
 * Storefront visits for conversion: one visit by each buyer shortly before their order, plus
 * anonymous visits around 20 per order each day, generated set-based in SQL (over 100k rows).
 */
export async function seedVisits(
  db: Database,
  rng: Faker,
  input: { seed: number; now: Date; days: number; orders: { placedAt: Date; customerId: number | null }[] },
): Promise<void> {
  const { now, days, seed } = input;
  await insertMany(
    db,
    storefrontVisits,
    input.orders.map((o) => ({
      visitorId: `c${o.customerId ?? 'guest'}`,
      customerId: o.customerId,
      channel: rng.helpers.weightedArrayElement([
        { value: 'mini_program', weight: 45 },
        { value: 'web', weight: 30 },
        { value: 'app', weight: 25 },
      ]),
      landingPath: rng.helpers.arrayElement(['/', '/products', '/promo', '/cart']),
      visitedAt: new Date(
        Math.max(
          o.placedAt.getTime() - rng.number.int({ min: 2 * MINUTE, max: 40 * MINUTE }),
          now.getTime() - days * DAY,
        ),
      ),
    })),
  );

  const perDay = new Map<number, number>();
  for (const o of input.orders) {
    const d = Math.floor((shanghaiMidnight(now, 0) + DAY - 1 - o.placedAt.getTime()) / DAY);
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }
  const starts: string[] = [];
  const lengths: number[] = [];
  const counts: number[] = [];
  for (let d = 0; d < days; d++) {
    const start = shanghaiMidnight(now, d);
    starts.push(new Date(start).toISOString());
    lengths.push(Math.max(1, Math.floor((Math.min(now.getTime(), start + DAY) - start) / 1000)));
    counts.push(
      Math.round((perDay.get(d) ?? 0) * rng.number.float({ min: 16, max: 26 }) + rng.number.int({ min: 5, max: 40 })),
    );
  }
  // h1..h4 are deterministic pseudo-random numbers in [0, 1) per day and visit, cut from one md5
  await db.execute(sql`
    with days as (
      select * from unnest(${`{${starts.join(',')}}`}::timestamptz[], ${`{${lengths.join(',')}}`}::int[], ${`{${counts.join(',')}}`}::int[])
        as d(day_start, day_seconds, visits)
    ), hashed as (
      select d.day_start, d.day_seconds, md5(${seed}::text || ':' || d.day_start::text || ':' || g.n) as m
      from days d cross join lateral generate_series(1, d.visits) as g(n)
    ), visits as (
      select day_start, day_seconds,
        ('x' || substr(m, 1, 8))::bit(32)::bigint / 4294967296.0 as h1,
        ('x' || substr(m, 9, 8))::bit(32)::bigint / 4294967296.0 as h2,
        ('x' || substr(m, 17, 8))::bit(32)::bigint / 4294967296.0 as h3,
        ('x' || substr(m, 25, 8))::bit(32)::bigint / 4294967296.0 as h4
      from hashed
    )
    insert into storefront_visits (visitor_id, customer_id, channel, landing_path, visited_at)
    select 'v' || lpad(floor(h1 * 80000)::int::text, 5, '0'), null,
      case when h2 < 0.45 then 'mini_program' when h2 < 0.75 then 'web' else 'app' end,
      case when h3 < 0.4 then '/' when h3 < 0.7 then '/products' when h3 < 0.85 then '/promo' else '/search' end,
      day_start + make_interval(secs => floor(h4 * day_seconds))
    from visits`);
}
