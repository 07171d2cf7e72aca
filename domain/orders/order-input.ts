import { z } from 'zod';
import { orderSource } from '@/db/schema/orders';
import { safeText } from '@/domain/shared/safe-text';
import { MAX_BUYER_NOTE_LENGTH } from './text-limits';

/*
 * Input of order entry and editing, shared by the new-order form, the edit form, the server
 * actions and the REST API. Messages are i18n keys (orders.entry.validation.*) the action wrapper
 * translates; {min}/{max} are filled from the check.
 */

export const MAX_ORDER_LINES = 100;
export const MAX_LINE_QUANTITY = 9999;
/** Money inputs are capped well inside a Postgres integer: ¥10,000,000 */
export const MAX_MONEY_CENTS = 1_000_000_000;
export { MAX_BUYER_NOTE_LENGTH };

/** Mainland China mobile number: 11 digits starting 13-19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Landline with area code, e.g. 010-12345678 or 0755 1234567. */
const LANDLINE_PATTERN = /^0\d{2,3}[- ]?\d{7,8}$/;

const V = 'orders.entry.validation';

export const ZId = z.number(`${V}.idInvalid`).int(`${V}.idInvalid`).positive(`${V}.idInvalid`);
const ZMoney = z
  .number(`${V}.moneyInvalid`)
  .int(`${V}.moneyInvalid`)
  .min(0, `${V}.moneyNegative`)
  .max(MAX_MONEY_CENTS, `${V}.moneyTooLarge`);
const optionalText = (max: number, key: string) =>
  safeText()
    .trim()
    .max(max, `${V}.${key}`)
    .optional()
    .transform((v) => (v ? v : null));

export const ZPhone = safeText(`${V}.phoneRequired`)
  .trim()
  .min(1, `${V}.phoneRequired`)
  .regex(MOBILE_PATTERN, `${V}.mobileInvalid`);

export const ZShipTo = z.object({
  name: safeText(`${V}.recipientRequired`).trim().min(1, `${V}.recipientRequired`).max(50, `${V}.tooLong`),
  phone: safeText(`${V}.phoneRequired`)
    .trim()
    .min(1, `${V}.phoneRequired`)
    .refine((v) => MOBILE_PATTERN.test(v) || LANDLINE_PATTERN.test(v), `${V}.phoneInvalid`),
  province: safeText(`${V}.provinceRequired`).trim().min(1, `${V}.provinceRequired`).max(50, `${V}.tooLong`),
  city: safeText(`${V}.cityRequired`).trim().min(1, `${V}.cityRequired`).max(50, `${V}.tooLong`),
  district: optionalText(50, 'tooLong'),
  street: safeText(`${V}.streetRequired`).trim().min(1, `${V}.streetRequired`).max(200, `${V}.tooLong`),
  postalCode: safeText()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^\d{6}$/.test(v), `${V}.postalCodeInvalid`),
});
export type TShipTo = z.output<typeof ZShipTo>;

/** An existing customer by id, or a quick-created one by name and mobile number. */
export const ZOrderCustomer = z
  .object({
    id: ZId.optional(),
    name: safeText().trim().max(50, `${V}.tooLong`).optional(),
    phone: safeText().trim().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.id !== undefined) return;
    if (!c.name) ctx.addIssue({ code: 'custom', path: ['name'], message: `${V}.customerNameRequired` });
    if (!c.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: `${V}.phoneRequired` });
    else if (!MOBILE_PATTERN.test(c.phone))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: `${V}.mobileInvalid` });
  });

export const ZOrderLineInput = z.object({
  skuId: ZId,
  quantity: z
    .number(`${V}.quantityInvalid`)
    .int(`${V}.quantityInvalid`)
    .min(1, `${V}.quantityTooSmall`)
    .max(MAX_LINE_QUANTITY, `${V}.quantityTooLarge`),
  /** ship from this warehouse; omitted: the one with the most available stock */
  warehouseId: ZId.optional(),
});

export const ZOrderLines = z
  .array(ZOrderLineInput, `${V}.linesRequired`)
  .min(1, `${V}.linesRequired`)
  .max(MAX_ORDER_LINES, `${V}.tooManyLines`);

export const ZCreateOrderInput = z.object({
  customer: ZOrderCustomer,
  shipTo: ZShipTo,
  lines: ZOrderLines,
  discountCents: ZMoney.default(0),
  shippingCents: ZMoney.default(0),
  taxCents: ZMoney.default(0),
  buyerNote: optionalText(MAX_BUYER_NOTE_LENGTH, 'noteTooLong'),
  isCashOnDelivery: z.boolean().default(false),
  source: z.enum(orderSource.enumValues, `${V}.sourceInvalid`).default('manual'),
  /** the order's id on the platform it came from; makes creation idempotent per source */
  externalRef: safeText()
    .trim()
    .max(100, `${V}.tooLong`)
    .optional()
    .transform((v) => (v ? v : null)),
});
export type TCreateOrderInput = z.input<typeof ZCreateOrderInput>;
export type TCreateOrder = z.output<typeof ZCreateOrderInput>;

export const ZEditOrderInput = z.object({
  orderId: ZId,
  expectedVersion: z.number().int().min(1),
  changes: z.object({
    shipTo: ZShipTo.optional(),
    /** the full new list of lines */
    lines: ZOrderLines.optional(),
    discountCents: ZMoney.optional(),
    /** '' or null clears the note */
    buyerNote: safeText()
      .trim()
      .max(MAX_BUYER_NOTE_LENGTH, `${V}.noteTooLong`)
      .nullable()
      .optional()
      .transform((v) => (v === undefined ? undefined : v ? v : null)),
  }),
});
export type TEditOrderInput = z.input<typeof ZEditOrderInput>;

export const ZOrderIdInput = z.object({ orderId: ZId });

/** A parsed address handed on to createOrder / editOrder, which parse it again (null -> not given). */
export function shipToInput(shipTo: TShipTo) {
  return { ...shipTo, district: shipTo.district ?? undefined, postalCode: shipTo.postalCode ?? undefined };
}
