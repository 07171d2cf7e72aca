import { z } from 'zod';
import {
  MAX_AUTO_COMPLETE_DAYS,
  MAX_RECONCILE_AFTER_MINUTES,
  MAX_UNPAID_TIMEOUT_MINUTES,
} from '@/domain/settings/setting-defaults';

const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

// a checkbox is "on" when ticked and absent otherwise
const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.boolean()])
  .optional()
  .transform((value) => value === 'on' || value === 'true' || value === true);

/** The order rules form: yuan in the form, fen in the store (exact: digits, never a float). */
export const ZOrderRulesForm = z.object({
  unpaidTimeoutMinutes: wholeNumber(1, MAX_UNPAID_TIMEOUT_MINUTES, 'settings.orderRules.validation.minutes'),
  autoCompleteDays: wholeNumber(1, MAX_AUTO_COMPLETE_DAYS, 'settings.orderRules.validation.days'),
  reconcileAfterMinutes: wholeNumber(1, MAX_RECONCILE_AFTER_MINUTES, 'settings.orderRules.validation.minutes'),
  autoReviewEnabled: checkbox,
  maxTotalYuan: z
    .string()
    .trim()
    .regex(/^(\d{1,9}(\.\d{1,2})?)?$/, 'settings.orderRules.validation.yuan')
    .transform((value) => {
      if (value === '') return null;
      const [yuan, fen = ''] = value.split('.');
      return Number(yuan) * 100 + Number(fen.padEnd(2, '0'));
    }),
  holdFlaggedCustomers: checkbox,
  holdWithBuyerNote: checkbox,
});
