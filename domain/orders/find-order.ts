import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { isSafeText } from '@/domain/shared/safe-text';
import { parseOrderId } from './order-id';

/** Longest reference worth a query: order numbers are 14 characters, ids at most 15 digits. */
const MAX_REFERENCE_LENGTH = 40;

/**
 * The order a reference names, as people and integrations write it: its id (digits) or its order
 * number (SO…, as pasted from a message or a label); null when there is none. A URL segment is
 * decoded first; text that cannot be a reference (control characters, too long) finds nothing.
 */
export async function findOrderByReference(
  db: Database,
  reference: string,
): Promise<{ id: number; number: string } | null> {
  let value: string;
  try {
    value = decodeURIComponent(reference).trim();
  } catch {
    return null;
  }
  if (value.length === 0 || value.length > MAX_REFERENCE_LENGTH || !isSafeText(value)) return null;
  const id = parseOrderId(value);
  if (id !== null) {
    const [byId] = await db.select({ id: orders.id, number: orders.number }).from(orders).where(eq(orders.id, id));
    if (byId) return byId;
  }
  const [byNumber] = await db
    .select({ id: orders.id, number: orders.number })
    .from(orders)
    .where(eq(orders.number, value.toUpperCase()));
  return byNumber ?? null;
}

/** The order numbers of these ids, for result lists (bulk actions); ids without an order are left out. */
export async function findOrderNumbers(db: Database, orderIds: readonly number[]): Promise<Map<number, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select({ id: orders.id, number: orders.number })
    .from(orders)
    .where(inArray(orders.id, [...orderIds]));
  return new Map(rows.map((row) => [row.id, row.number]));
}
