import { z } from 'zod';
import { parseYuanToFen } from '@/domain/shared/money';
import {
  MAX_LINE_QUANTITY,
  MAX_MONEY_CENTS,
  MAX_ORDER_LINES,
  ZCreateOrderInput,
  ZEditOrderInput,
  ZId,
  ZOrderCustomer,
} from './order-input';

/*
 * What the order forms send: ZCreateOrderInput / ZEditOrderInput (order-input.ts, shared with the
 * API), except that money is the yuan text people typed ("12.5") and the customer says whether it
 * is a chosen one or a quick-created one. Messages are i18n keys (orders.entry.validation.*) the
 * action wrapper translates; every field is checked, so the form shows every error at once.
 */

const V = 'orders.entry.validation';

/** A yuan amount typed in a form ("12.5") as integer fen (1250), exactly; blank is zero. */
export const ZYuanAmount = z
  .string(`${V}.amountInvalid`)
  .max(32, `${V}.amountInvalid`)
  .transform((text, ctx) => {
    const parsed = parseYuanToFen(text);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message: parsed.error === 'too_precise' ? `${V}.amountTooPrecise` : `${V}.amountInvalid`,
      });
      return z.NEVER;
    }
    if (parsed.fen > MAX_MONEY_CENTS) {
      ctx.addIssue({ code: 'custom', message: `${V}.moneyTooLarge` });
      return z.NEVER;
    }
    return parsed.fen;
  });

/** The customer box: a chosen customer (kind 'existing', nothing chosen yet is an error) or a quick-created one. */
export const ZEntryCustomer = z
  .object({
    kind: z.enum(['existing', 'new'], `${V}.customerRequired`),
    id: z.number().optional(),
    name: z.string().optional(),
    phone: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'existing' && !c.id)
      ctx.addIssue({ code: 'custom', path: ['id'], message: `${V}.customerRequired` });
    // a refinement issue stops the parse here, so the pipe only sees a chosen id or a name and phone
  })
  .transform((c): z.input<typeof ZOrderCustomer> =>
    c.kind === 'existing' ? { id: c.id ?? 0 } : { name: c.name ?? '', phone: (c.phone ?? '').replace(/[\s-]/g, '') },
  )
  .pipe(ZOrderCustomer);

const create = ZCreateOrderInput.shape;

/** The new-order form. */
export const ZOrderEntryForm = z.object({
  customer: ZEntryCustomer,
  shipTo: create.shipTo,
  lines: create.lines,
  discount: ZYuanAmount,
  shipping: ZYuanAmount,
  isCashOnDelivery: z.boolean(),
  buyerNote: create.buyerNote,
});
export type TOrderEntryForm = z.output<typeof ZOrderEntryForm>;

const changes = ZEditOrderInput.shape.changes.shape;

/** The edit form: everything that may change before shipment, and the version the form was opened at. */
export const ZOrderEditForm = z.object({
  orderId: ZId,
  expectedVersion: ZEditOrderInput.shape.expectedVersion,
  shipTo: create.shipTo,
  lines: create.lines,
  discount: ZYuanAmount,
  buyerNote: changes.buyerNote,
});
export type TOrderEditForm = z.output<typeof ZOrderEditForm>;

/** The totals preview asks with the lines and amounts on the form, before they are all valid. */
export const ZTotalsPreviewInput = z.object({
  lines: z
    .array(z.object({ skuId: ZId, quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) }))
    .max(MAX_ORDER_LINES),
  discount: ZYuanAmount,
  shipping: ZYuanAmount,
  /** an order being edited: its SKUs keep the price they were sold at */
  orderId: ZId.optional(),
});
