import { z } from 'zod';
import { STAFF_ROLES } from '@/domain/staff/roles';

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

/**
 * The tracking aggregator (Kuaidi100-style). `sandbox` plays it offline (testing/sandboxes/kuaidi100,
 * when the server enables it); `live` calls poll.kuaidi100.com. An empty callbackUrl means
 * this server's own push address (APP_URL, else 127.0.0.1 and PORT).
 */
export const ZKuaidi100Settings = z.object({
  mode: z.enum(['sandbox', 'live']),
  /** 授权 key: signs subscriptions and queries */
  key: z.string().max(200),
  /** customer id, part of the query sign */
  customer: z.string().max(200),
  /** the salt pushes are signed with; empty refuses every push */
  salt: z.string().max(200),
  callbackUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
});
export type TKuaidi100Settings = z.infer<typeof ZKuaidi100Settings>;

/**
 * Sign-in security: a session ends after `sessionIdleMinutes` without a request and, at the latest,
 * `sessionAbsoluteDays` after sign-in; staff in `totpRequiredRoles` must set up two-factor sign-in.
 */
export const MAX_SESSION_IDLE_MINUTES = 7 * 24 * 60;
export const MAX_SESSION_ABSOLUTE_DAYS = 90;
export const ZSecuritySettings = z.object({
  sessionIdleMinutes: z.number().int().min(5).max(MAX_SESSION_IDLE_MINUTES),
  sessionAbsoluteDays: z.number().int().min(1).max(MAX_SESSION_ABSOLUTE_DAYS),
  totpRequiredRoles: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length),
});
export type TSecuritySettings = z.infer<typeof ZSecuritySettings>;

export const MAX_UNPAID_TIMEOUT_MINUTES = 7 * 24 * 60;
export const MAX_AUTO_COMPLETE_DAYS = 90;
export const MAX_RECONCILE_AFTER_MINUTES = 7 * 24 * 60;

/** An after-sales reason code, editable in Settings; seller-fault reasons refund the shipping fee by default. */
export const ZAfterSalesReason = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/),
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(60),
  isSellerFault: z.boolean(),
  isActive: z.boolean(),
});
export type TAfterSalesReason = z.infer<typeof ZAfterSalesReason>;

/** After-sales deadlines (the WeChat mini-store rules by default) and what happens when they pass. */
export const ZAfterSalesDeadlines = z.object({
  /** the seller decides a request within this many hours */
  decideHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  /** refund-only requests up to this amount (fen) are approved when the decision deadline passes; 0: never */
  autoApproveRefundOnlyMaxCents: z.number().int().min(0).max(100_000_000),
  /** the buyer sends the return parcel within this many days, else the request closes */
  returnDays: z.number().int().min(1).max(60),
  /** the seller confirms receipt this many days after the return parcel was delivered, else it is flagged */
  receiveDays: z.number().int().min(1).max(60),
});
export type TAfterSalesDeadlines = z.infer<typeof ZAfterSalesDeadlines>;

export const SETTING_SCHEMAS = {
  low_stock_default_threshold: z.number().int().min(0),
  unpaid_timeout_minutes: z.number().int().min(1).max(MAX_UNPAID_TIMEOUT_MINUTES),
  auto_complete_days: z.number().int().min(1).max(MAX_AUTO_COMPLETE_DAYS),
  auto_review: ZAutoReviewRules,
  kuaidi100: ZKuaidi100Settings,
  /** payment attempts and refunds still pending this long are asked about at their provider */
  reconcile_after_minutes: z.number().int().min(1).max(MAX_RECONCILE_AFTER_MINUTES),
  after_sales_reasons: z
    .array(ZAfterSalesReason)
    .min(1)
    .max(100)
    .refine((list) => new Set(list.map((r) => r.code)).size === list.length, { message: 'duplicate reason code' }),
  after_sales_deadlines: ZAfterSalesDeadlines,
  security: ZSecuritySettings,
  /** the largest import file accepted, in MB */
  import_max_megabytes: z.number().int().min(1).max(1024),
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
  // the sandbox's own credentials: a demo works out of the box, and live mode needs real ones
  kuaidi100: {
    mode: 'sandbox',
    key: 'sandbox-key',
    customer: 'SANDBOXCUSTOMER',
    salt: 'sandbox-salt',
    callbackUrl: '',
  },
  reconcile_after_minutes: 15,
  after_sales_reasons: [
    { code: 'quality_problem', nameZh: '质量问题', nameEn: 'Quality problem', isSellerFault: true, isActive: true },
    { code: 'wrong_item', nameZh: '发错货', nameEn: 'Wrong item', isSellerFault: true, isActive: true },
    { code: 'missing_item', nameZh: '少件/漏发', nameEn: 'Missing item', isSellerFault: true, isActive: true },
    {
      code: 'damaged_in_transit',
      nameZh: '物流破损',
      nameEn: 'Damaged in transit',
      isSellerFault: true,
      isActive: true,
    },
    {
      code: 'no_longer_wanted',
      nameZh: '不想要了/七天无理由',
      nameEn: 'No longer wanted',
      isSellerFault: false,
      isActive: true,
    },
    { code: 'wrong_size', nameZh: '尺码不合适', nameEn: 'Wrong size', isSellerFault: false, isActive: true },
    { code: 'not_as_described', nameZh: '与描述不符', nameEn: 'Not as described', isSellerFault: true, isActive: true },
    { code: 'other', nameZh: '其他', nameEn: 'Other', isSellerFault: false, isActive: true },
  ],
  after_sales_deadlines: { decideHours: 48, autoApproveRefundOnlyMaxCents: 10_000, returnDays: 7, receiveDays: 10 },
  // a working day of idleness (8 h) and a month at most; two-factor is each person's choice until required
  security: { sessionIdleMinutes: 480, sessionAbsoluteDays: 30, totpRequiredRoles: [] },
  import_max_megabytes: 200,
};
