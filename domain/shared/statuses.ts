import type { paymentStatus } from '@/db/schema/payments';
import type { importStatus } from '@/db/schema/system';

// The status words of each aggregate, for code above the domain (components/ never import db/).
export type { OrderStatus } from '@/db/schema/orders';
export type { RefundStatus } from '@/db/schema/payments';
export type { ShipmentStatus } from '@/db/schema/logistics';
export type { AfterSalesStatus } from '@/db/schema/after-sales';
export type ImportStatus = (typeof importStatus.enumValues)[number];
export type PaymentAttemptStatus = (typeof paymentStatus.enumValues)[number];
