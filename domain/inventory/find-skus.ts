import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

export interface SkuPick {
  id: number;
  code: string;
  name: string;
  variant: string | null;
}

/** Up to `limit` active SKUs whose code starts with `prefix` (case-insensitive), for the receive form's picker. */
export async function findSkusByCodePrefix(db: Database, prefix: string, limit = 20): Promise<SkuPick[]> {
  const pattern = `${prefix.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select id, code, name, variant from skus where is_active and code ilike ${pattern} order by code limit ${Math.min(Math.max(limit, 1), 50)}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    variant: (r.variant as string | null) ?? null,
  }));
}
