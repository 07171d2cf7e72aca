import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { afterSalesRequests } from '@/db/schema/after-sales';
import { parseOrderId } from '@/domain/orders/order-id';
import { isSafeText } from '@/domain/shared/safe-text';

/**
 * The request a reference names, as people and integrations write it: its id (digits) or its
 * number (AS…); null when there is none. A URL segment is decoded first; text that cannot be a
 * reference (control characters, too long) finds nothing.
 */
export async function findAfterSalesByReference(
  db: Database,
  reference: string,
): Promise<{ id: number; number: string; orderId: number } | null> {
  let value: string;
  try {
    value = decodeURIComponent(reference).trim();
  } catch {
    return null;
  }
  if (value.length === 0 || value.length > 40 || !isSafeText(value)) return null;
  const columns = { id: afterSalesRequests.id, number: afterSalesRequests.number, orderId: afterSalesRequests.orderId };
  const id = parseOrderId(value);
  if (id !== null) {
    const [byId] = await db.select(columns).from(afterSalesRequests).where(eq(afterSalesRequests.id, id));
    if (byId) return byId;
  }
  const [byNumber] = await db
    .select(columns)
    .from(afterSalesRequests)
    .where(eq(afterSalesRequests.number, value.toUpperCase()));
  return byNumber ?? null;
}
