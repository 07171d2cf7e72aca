import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';

/** The order a URL names: by id (digits) or by its order number; null when there is none. */
export async function findOrderId(db: Database, param: string): Promise<number | null> {
  const value = decodeURIComponent(param).trim();
  if (value.length === 0 || value.length > 40) return null;
  if (/^\d{1,15}$/.test(value)) {
    const [byId] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, Number(value)));
    if (byId) return byId.id;
  }
  const [byNumber] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, value));
  return byNumber?.id ?? null;
}
