import { z } from 'zod';
import { safeText } from '@/domain/shared/safe-text';

const V = 'inventory.warehouses.validation';

const optional = (max: number) =>
  safeText()
    .trim()
    .max(max, `${V}.tooLong`)
    .optional()
    .transform((v) => (v ? v : null));

/** A warehouse as a person types it: the code is its short key (SH, GZ-2), fixed once created. */
export const ZWarehouseFields = z.object({
  name: safeText().trim().min(1, `${V}.name`).max(40, `${V}.name`),
  province: optional(20),
  city: optional(20),
  address: optional(200),
  contactName: optional(40),
  contactPhone: optional(20).refine((v) => v === null || /^[0-9+\-() ]{5,20}$/.test(v), `${V}.phone`),
  isShipping: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
});

export const ZWarehouseCode = safeText()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,19}$/, `${V}.code`);

export const ZBinLocation = safeText()
  .trim()
  .toUpperCase()
  .max(20, `${V}.bin`)
  .regex(/^([A-Z0-9][A-Z0-9-]*)?$/, `${V}.bin`)
  .transform((v) => (v === '' ? null : v));
