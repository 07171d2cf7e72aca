'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { acknowledgeLowStockAlert } from '@/domain/inventory/acknowledge-alert';
import { adjustStock } from '@/domain/inventory/adjust-stock';
import { MAX_RECEIPT_LINES, MAX_RECEIPT_QUANTITY, receiveStock } from '@/domain/inventory/receive-stock';
import { MAX_THRESHOLD, setLowStockThreshold } from '@/domain/inventory/set-threshold';
import { staffActor } from '@/domain/shared/actor';
import type { Result } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';

// stock figures appear in the sidebar badge and on the dashboard too: refresh every staff page
const refreshAll = () => revalidatePath('/', 'layout');

const wholeNumber = (min: number, max: number, minMessage = 'inventory.validation.wholeNumber') =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^[+-]?\d{1,9}$/, 'inventory.validation.wholeNumber'))
    .transform(Number)
    .pipe(z.number().min(min, minMessage).max(max));
const id = z.coerce.number().int().positive();

/** "12.5" yuan -> 1250 fen, by string arithmetic so no float rounding touches money. */
const yuanToCents = z
  .string()
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, 'inventory.validation.money')
  .transform((v) => {
    const [whole, fraction = ''] = v.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  });

const ZReceiveForm = z.object({
  warehouseId: id,
  supplier: z.string().max(120).optional(),
  note: z.string().max(500).optional(),
  lines: z
    .array(
      z.object({
        skuCode: z.string().trim().min(1, 'inventory.validation.skuRequired').max(64),
        quantity: wholeNumber(1, MAX_RECEIPT_QUANTITY, 'inventory.validation.positive'),
        unitCost: z
          .union([z.literal(''), yuanToCents])
          .optional()
          .transform((v) => (v === '' || v === undefined ? null : v)),
      }),
    )
    .min(1)
    .max(MAX_RECEIPT_LINES),
});

export const receiveStockAction = staffAction('inventory.write', ZReceiveForm, async (input, staff) => {
  const result = await receiveStock(getDb(), {
    warehouseId: input.warehouseId,
    supplier: input.supplier,
    note: input.note,
    actor: staffActor(staff),
    lines: input.lines.map((l) => ({ skuCode: l.skuCode, quantity: l.quantity, unitCostCents: l.unitCost })),
  });
  if (result.ok) refreshAll();
  return localize(result);
});

const ZAdjustForm = z.object({
  skuId: id,
  warehouseId: id,
  mode: z.enum(['counted', 'delta']),
  quantity: wholeNumber(-1_000_000, 1_000_000),
  reason: z.string().trim().min(2, 'inventory.validation.reasonRequired').max(500),
});

export const adjustStockAction = staffAction('inventory.write', ZAdjustForm, async (input, staff) => {
  const result = await adjustStock(getDb(), { ...input, actor: staffActor(staff) });
  if (result.ok) refreshAll();
  return localize(result);
});

const optionalThreshold = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(
    z.union([
      z.null(),
      z
        .string()
        .regex(/^\d{1,7}$/, 'inventory.validation.threshold')
        .transform(Number)
        .pipe(z.number().max(MAX_THRESHOLD)),
    ]),
  );

const ZThresholdForm = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('store'), threshold: wholeNumber(0, MAX_THRESHOLD, 'inventory.validation.threshold') }),
  z.object({ scope: z.literal('sku'), skuId: id, threshold: optionalThreshold }),
  z.object({ scope: z.literal('level'), skuId: id, warehouseId: id, threshold: optionalThreshold }),
]);

export const setThresholdAction = staffAction('inventory.write', ZThresholdForm, async (input, staff) => {
  const result = await setLowStockThreshold(getDb(), { ...input, actor: staffActor(staff) });
  if (result.ok) refreshAll();
  return localize(result);
});

export const acknowledgeAlertAction = staffAction(
  'inventory.write',
  z.object({ alertId: id }),
  async (input, staff) => {
    const result = await acknowledgeLowStockAlert(getDb(), { alertId: input.alertId, staffId: staff.id });
    if (result.ok) refreshAll();
    return localize(result);
  },
);

/**
 * Puts a domain failure into the user's language: `inventory.errors.<code>` with the failure's
 * params (e.g. {reserved}); field errors that carry a code get the same treatment.
 */
async function localize<T>(result: Result<T>): Promise<Result<T>> {
  if (result.ok) return result;
  const t = await getTranslations('inventory.errors');
  const params = (result as { params?: Record<string, string | number> }).params ?? {};
  const say = (code: string, fallback: string) => (t.has(code) ? t(code, params) : fallback);
  const message = say(result.code, result.message);
  const fieldErrors = result.fieldErrors
    ? Object.fromEntries(
        Object.entries(result.fieldErrors).map(([field, messages]) => [field, messages.map((m) => say(m, message))]),
      )
    : undefined;
  return { ...result, message, ...(fieldErrors ? { fieldErrors } : {}) };
}
