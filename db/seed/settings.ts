/** Store settings the console starts with; a merchant changes them in Settings. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  low_stock_default_threshold: 10,
  unpaid_timeout_minutes: 30,
  auto_complete_days: 10,
  auto_review: {
    enabled: true,
    /** orders above this total wait for a person */
    maxTotalCents: 300_000,
    holdCashOnDelivery: true,
    holdFlaggedCustomers: true,
    holdWithBuyerNote: false,
  },
};

/** The settings row that records a completed demo seed; its presence makes the seed a no-op. */
export const DEMO_SEED_KEY = 'demo_seed';
