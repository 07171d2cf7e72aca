import { and, asc, desc, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { customerAddresses, customers, type CustomerAddress } from '@/db/schema';
import { normalizePhoneQuery } from '@/domain/orders/order-search';

/** How many customers the order form's customer search offers at once. */
export const CUSTOMER_SEARCH_LIMIT = 10;

export interface CustomerDefaultAddress {
  recipientName: string;
  phone: string;
  province: string;
  city: string;
  district: string | null;
  street: string;
  postalCode: string | null;
}

export interface CustomerMatch {
  id: number;
  name: string;
  phone: string | null;
  isFlagged: boolean;
  /** the address marked default, else the customer's first one; null when they have none */
  defaultAddress: CustomerDefaultAddress | null;
}

// the largest code point: in the database's byte-order collation every string starting with q
// sorts in [q, q || U+10FFFF), which lets the btree indexes on name and phone answer prefixes
const MAX_CHAR = '\u{10FFFF}';

function prefixOf(column: typeof customers.name | typeof customers.phone, prefix: string): SQL {
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // the LIKE keeps the answer exact whatever the collation; the range lets the index find it
  return and(gte(column, prefix), lt(column, `${prefix}${MAX_CHAR}`), sql`${column} like ${pattern}`)!;
}

/**
 * The order form's customer search: digits (3 or more, "+86" and separators allowed) search by
 * phone prefix (customers_phone_idx), anything else by name prefix (customers_name_idx; a
 * lowercase Latin first letter also finds the capitalized name). Returns at most 10 customers,
 * alphabetically, each with their default shipping address.
 */
export async function searchCustomers(db: Database, query: string): Promise<CustomerMatch[]> {
  const q = query.trim();
  if (q === '') return [];

  const phone = normalizePhoneQuery(q);
  let where: SQL;
  if (/^\d{3,}$/.test(phone)) {
    where = prefixOf(customers.phone, phone);
  } else {
    const capitalized = q.charAt(0).toUpperCase() + q.slice(1);
    where =
      capitalized === q
        ? prefixOf(customers.name, q)
        : or(prefixOf(customers.name, q), prefixOf(customers.name, capitalized))!;
  }

  const rows = await db
    .select({ id: customers.id, name: customers.name, phone: customers.phone, isFlagged: customers.isFlagged })
    .from(customers)
    .where(where)
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(CUSTOMER_SEARCH_LIMIT);
  if (rows.length === 0) return [];

  const addresses = await db
    .select()
    .from(customerAddresses)
    .where(
      inArray(
        customerAddresses.customerId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(customerAddresses.isDefault), asc(customerAddresses.id));
  const addressOf = new Map<number, CustomerAddress>();
  for (const address of addresses) if (!addressOf.has(address.customerId)) addressOf.set(address.customerId, address);

  return rows.map((row) => {
    const address = addressOf.get(row.id);
    return {
      ...row,
      defaultAddress: address
        ? {
            recipientName: address.recipientName,
            phone: address.phone,
            province: address.province,
            city: address.city,
            district: address.district,
            street: address.street,
            postalCode: address.postalCode,
          }
        : null,
    };
  });
}
