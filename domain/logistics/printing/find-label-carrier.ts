import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carriers } from '@/db/schema/logistics';
import type { LabelCarrier } from './shipping-labels';

/** The active carrier with this code, for labels of parcels not shipped yet; null when there is none. */
export async function findLabelCarrier(db: Database, code: string): Promise<LabelCarrier | null> {
  const [row] = await db
    .select({ code: carriers.code, name: carriers.name, nameEn: carriers.nameEn })
    .from(carriers)
    .where(and(eq(carriers.code, code), eq(carriers.isActive, true)));
  return row ?? null;
}

/** Active carriers, for choosing the carrier printed on labels of parcels not shipped yet. */
export async function listLabelCarriers(db: Database): Promise<LabelCarrier[]> {
  return db
    .select({ code: carriers.code, name: carriers.name, nameEn: carriers.nameEn })
    .from(carriers)
    .where(eq(carriers.isActive, true))
    .orderBy(asc(carriers.id));
}
