import { z } from 'zod';
import { ZCarrierInput } from '@/domain/logistics/manage-carriers';
import { parseYuanToFen } from '@/domain/shared/money';

// a checkbox is "on" when ticked and absent otherwise
const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.boolean()])
  .optional()
  .transform((value) => value === 'on' || value === 'true' || value === true);
const optionalGrams = z
  .string()
  .trim()
  .regex(/^\d{0,7}$/, 'shipping.rules.validation.grams')
  .transform((v) => (v === '' ? undefined : Number(v)));
const optionalYuan = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return undefined;
    const parsed = parseYuanToFen(v);
    if (!parsed.ok || parsed.fen < 0) {
      ctx.addIssue({ code: 'custom', message: 'shipping.rules.validation.yuan' });
      return z.NEVER;
    }
    return parsed.fen;
  });

/** The aggregator form: key and salt left empty keep what is stored (the page never shows them). */
export const ZKuaidi100Form = z.object({
  mode: z.enum(['sandbox', 'live'], { error: 'shipping.settings.validation.mode' }),
  key: z.string().trim().max(200).optional(),
  customer: z.string().trim().max(200),
  salt: z.string().trim().max(200).optional(),
  callbackUrl: z.union([
    z.literal(''),
    z.url({ protocol: /^https?$/, error: 'shipping.settings.validation.callbackUrl' }).max(500),
  ]),
});

/** One carrier rule as the form sends it: provinces comma- or space-separated, weights in grams, totals in yuan. */
export const ZCarrierRuleForm = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^\d*$/)
      .transform((v) => (v === '' ? undefined : Number(v)))
      .optional(),
    name: z.string().trim().min(1, 'shipping.rules.validation.name').max(60, 'shipping.rules.validation.name'),
    carrierId: z.coerce
      .number({ error: 'shipping.rules.validation.carrier' })
      .int()
      .positive('shipping.rules.validation.carrier'),
    provinces: z
      .string()
      .trim()
      .max(400)
      .transform((v) =>
        v
          .split(/[,，、\s]+/)
          .map((p) => p.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(z.string().max(20, 'shipping.rules.validation.province')).max(40, 'shipping.rules.validation.province'),
      ),
    minWeightGrams: optionalGrams,
    maxWeightGrams: optionalGrams,
    minTotalYuan: optionalYuan,
    maxTotalYuan: optionalYuan,
    tag: z
      .string()
      .trim()
      .max(40)
      .transform((v) => (v === '' ? undefined : v)),
    isActive: checkbox,
  })
  .refine(
    (r) => r.minWeightGrams === undefined || r.maxWeightGrams === undefined || r.minWeightGrams <= r.maxWeightGrams,
    { path: ['maxWeightGrams'], message: 'shipping.rules.validation.weightRange' },
  )
  .refine((r) => r.minTotalYuan === undefined || r.maxTotalYuan === undefined || r.minTotalYuan <= r.maxTotalYuan, {
    path: ['maxTotalYuan'],
    message: 'shipping.rules.validation.totalRange',
  });

/** The carrier form (Settings > Logistics): the domain's own rules, with form coercion. */
export const ZCarrierForm = ZCarrierInput.extend({
  id: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  code: z.preprocess((v) => (v === '' ? undefined : v), ZCarrierInput.shape.code),
  trackingPattern: ZCarrierInput.shape.trackingPattern.default(''),
  trackingUrlTemplate: ZCarrierInput.shape.trackingUrlTemplate.default(''),
  isActive: checkbox,
});
