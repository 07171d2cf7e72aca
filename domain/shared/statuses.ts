import type { paymentStatus } from '@/db/schema/payments';

// The status words of each aggregate, for code above the domain (components/ never import db/).
export type { OrderStatus } from '@/db/schema/orders';
export type { RefundStatus } from '@/db/schema/payments';
export type { ShipmentStatus } from '@/db/schema/logistics';
export type { AfterSalesStatus } from '@/db/schema/after-sales';
export type PaymentAttemptStatus = (typeof paymentStatus.enumValues)[number];
