import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { carriers, type Carrier } from '@/db/schema/logistics';
import { fail, ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';

/**
 * A parcel of a request (the buyer's return, the replacement): the carrier by id (console) or by
 * code (REST API), and its tracking number, checked later by the carrier's own rule.
 */
export const ZParcelFields = {
  requestId: z.number().int().positive(),
  carrierId: z.number().int().positive().optional(),
  carrierCode: safeText().trim().min(1).max(40).optional(),
  trackingNumber: safeText().max(60),
};

/** One of carrierId / carrierCode must be given (the error sits on carrierId, the field a form shows). */
export const hasCarrier = (input: { carrierId?: number; carrierCode?: string }) =>
  input.carrierId !== undefined || input.carrierCode !== undefined;
export const NO_CARRIER = { message: 'after-sales.errors.unknown_carrier', path: ['carrierId'] };

/** The active carrier the input names, or `unknown_carrier` on the field that named it. */
export async function findParcelCarrier(
  tx: Database,
  input: { carrierId?: number; carrierCode?: string },
): Promise<Result<Carrier, 'unknown_carrier'>> {
  const byId = input.carrierId !== undefined;
  const [carrier] = await tx
    .select()
    .from(carriers)
    .where(
      and(
        byId ? eq(carriers.id, input.carrierId!) : eq(carriers.code, input.carrierCode!),
        eq(carriers.isActive, true),
      ),
    );
  if (carrier) return ok(carrier);
  const field = byId ? 'carrierId' : 'carrierCode';
  return fail('unknown_carrier', `carrier ${input.carrierId ?? input.carrierCode} does not exist or is inactive`, {
    [field]: ['unknown_carrier'],
  });
}
