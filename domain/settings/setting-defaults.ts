import { z } from 'zod';

/**
 * Store settings: each key's shape and its default, the one place both the seed and the app
 * read them from. A row that is missing or no longer matches its shape falls back to the default.
 */
export const ZAutoReviewRules = z.object({
  enabled: z.boolean(),
  /**
   * paid orders above this total (minor units) wait for a person; null: no limit. Cash-on-delivery
   * orders never reach review: they go straight to awaiting shipment and are paid at the door.
   */
  maxTotalCents: z.number().int().min(0).nullable(),
  holdFlaggedCustomers: z.boolean(),
  holdWithBuyerNote: z.boolean(),
});
export type TAutoReviewRules = z.infer<typeof ZAutoReviewRules>;

export const MAX_UNPAID_TIMEOUT_MINUTES = 7 * 24 * 60;
export const MAX_AUTO_COMPLETE_DAYS = 90;

export const SETTING_SCHEMAS = {
  low_stock_default_threshold: z.number().int().min(0),
  unpaid_timeout_minutes: z.number().int().min(1).max(MAX_UNPAID_TIMEOUT_MINUTES),
  auto_complete_days: z.number().int().min(1).max(MAX_AUTO_COMPLETE_DAYS),
  auto_review: ZAutoReviewRules,
  /** payment attempts and refunds still pending this long are asked about at their provider */
  reconcile_after_minutes: z.number().int().min(1).max(7 * 24 * 60),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;

/** Store settings the console starts with; a merchant changes them in Settings. */
export const DEFAULT_SETTINGS: { readonly [K in SettingKey]: SettingValue<K> } = {
  low_stock_default_threshold: 10,
  unpaid_timeout_minutes: 30,
  auto_complete_days: 10,
  auto_review: {
    enabled: true,
    maxTotalCents: 300_000,
    holdFlaggedCustomers: true,
    holdWithBuyerNote: false,
  },
  reconcile_after_minutes: 15,
};
