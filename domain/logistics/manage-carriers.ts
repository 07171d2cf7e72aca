import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { carriers, type Carrier } from '@/db/schema/logistics';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { fieldErrorList } from '@/domain/shared/validation';

const V = 'shipping.carriers.validation';

/** A tracking-number rule a person typed: it must compile, and is anchored so it checks the whole number. */
const ZTrackingPattern = z
  .string()
  .trim()
  .max(200, `${V}.patternTooLong`)
  .transform((value, ctx) => {
    if (value === '') return null;
    const anchored = `${value.startsWith('^') ? '' : '^'}${value}${value.endsWith('$') ? '' : '$'}`;
    try {
      new RegExp(anchored);
    } catch {
      ctx.addIssue({ code: 'custom', message: `${V}.patternInvalid` });
      return z.NEVER;
    }
    return anchored;
  });

/** A carrier's tracking page: http(s), with {number} where the tracking number goes. */
const ZTrackingUrl = z
  .string()
  .trim()
  .max(300, `${V}.urlInvalid`)
  .transform((value, ctx) => {
    if (value === '') return null;
    const ok = /^https?:\/\//.test(value) && value.includes('{number}') && URL.canParse(value.replace('{number}', 'X'));
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: `${V}.urlInvalid` });
      return z.NEVER;
    }
    return value;
  });

export const ZCarrierInput = z.object({
  /** omitted: a new carrier */
  id: z.number().int().positive().optional(),
  /** the aggregator's company code (kuaidi100 `com`), fixed once created */
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{1,29}$/, `${V}.code`)
    .optional(),
  name: z.string().trim().min(1, `${V}.name`).max(40, `${V}.name`),
  nameEn: z.string().trim().min(1, `${V}.nameEn`).max(60, `${V}.nameEn`),
  trackingPattern: ZTrackingPattern,
  trackingUrlTemplate: ZTrackingUrl,
  isActive: z.boolean(),
});
export type TCarrierInput = z.input<typeof ZCarrierInput>;

/** Every carrier, built-in and added, active first. */
export async function listCarriers(db: Database): Promise<Carrier[]> {
  return db.select().from(carriers).orderBy(desc(carriers.isActive), asc(carriers.id));
}

/**
 * Adds a carrier the registry does not know, or changes one (names, tracking-number rule, tracking
 * page, active). The code is the key pushes and links use, so it cannot change. A carrier that
 * shipped parcels is deactivated, never deleted. Failure codes: `invalid` (fieldErrors),
 * `code_required`, `code_taken`, `not_found`.
 */
export async function saveCarrier(
  db: Database,
  input: TCarrierInput & { staffId: number },
): Promise<Result<Carrier, 'invalid' | 'code_required' | 'code_taken' | 'not_found'>> {
  const parsed = ZCarrierInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      fieldErrorList(fieldErrors, issue.path.join('.') || 'form').push(issue.message);
    return fail('invalid', 'The carrier has invalid fields', fieldErrors);
  }
  const data = parsed.data;
  return inTransaction(db, async (tx) => {
    let row: Carrier | undefined;
    const values = {
      name: data.name,
      nameEn: data.nameEn,
      trackingPattern: data.trackingPattern,
      trackingUrlTemplate: data.trackingUrlTemplate,
      isActive: data.isActive,
    };
    if (data.id === undefined) {
      if (!data.code) return fail('code_required', 'A new carrier needs its code', { code: [`${V}.code`] });
      [row] = await tx
        .insert(carriers)
        .values({ code: data.code, ...values })
        .onConflictDoNothing({ target: carriers.code })
        .returning();
      if (!row)
        return fail(
          'code_taken',
          `a carrier with code ${data.code} exists`,
          { code: [`${V}.codeTaken`] },
          { code: data.code },
        );
    } else {
      [row] = await tx.update(carriers).set(values).where(eq(carriers.id, data.id)).returning();
      if (!row) return fail('not_found', `carrier ${data.id} does not exist`);
    }
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.staffId,
      action: data.id === undefined ? 'carrier.create' : 'carrier.update',
      targetType: 'carrier',
      targetId: row.id,
      details: { code: row.code, ...values },
    });
    return ok(row);
  });
}
