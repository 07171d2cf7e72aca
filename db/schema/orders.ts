import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { skus } from './catalog';
import { customers } from './customers';
import { warehouses } from './inventory';
import { actorType, staffUsers } from './staff';
import { importBatches } from './system';

/** The statuses of domain/orders/order-status.ts; the transitions between them live there. */
export const orderStatus = pgEnum('order_status', [
  'pending_payment',
  'paid',
  'awaiting_shipment',
  'partially_shipped',
  'shipped',
  'completed',
  'cancelled',
]);

/** Where an order came from: typed in by staff, a CSV import, or the REST API. */
export const orderSource = pgEnum('order_source', ['manual', 'import', 'api']);

/** Feeds human-readable order numbers (SO + date + sequence). */
export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 1000 });

/**
 * An order. Money columns are integer minor units in `currency`; total = subtotal - discount +
 * shipping + tax, computed on the server. The shipping address is a snapshot taken at order time.
 * Payment and fulfillment states are derived from payments and shipments, not stored here.
 */
export const orders = pgTable(
  'orders',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    number: text('number').notNull(),
    source: orderSource('source').notNull(),
    /** the order's id on the platform or system it came from; unique per source */
    externalRef: text('external_ref'),
    /** the import that brought the order in (source = import): its platform and file */
    importBatchId: bigint('import_batch_id', { mode: 'number' }).references(() => importBatches.id),
    status: orderStatus('status').notNull(),
    isCashOnDelivery: boolean('is_cash_on_delivery').notNull().default(false),
    currency: char('currency', { length: 3 }).notNull().default('CNY'),
    subtotalCents: integer('subtotal_cents').notNull(),
    discountCents: integer('discount_cents').notNull().default(0),
    shippingCents: integer('shipping_cents').notNull().default(0),
    taxCents: integer('tax_cents').notNull().default(0),
    totalCents: integer('total_cents').notNull(),
    /** sum of line quantities, a snapshot kept with the lines so the list needs no aggregate */
    itemCount: integer('item_count').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id),
    shipName: text('ship_name').notNull(),
    shipPhone: text('ship_phone').notNull(),
    shipProvince: text('ship_province').notNull(),
    shipCity: text('ship_city').notNull(),
    shipDistrict: text('ship_district'),
    shipStreet: text('ship_street').notNull(),
    shipPostalCode: text('ship_postal_code'),
    buyerNote: text('buyer_note'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** an order waiting for a person's review instead of passing auto-review */
    needsReview: boolean('needs_review').notNull().default(false),
    /**
     * the carrier the carrier rules suggest (domain/logistics/carrier-rules), set when the order reaches
     * awaiting shipment; the ship form preselects it and staff may pick another. No FK: schema/logistics imports this file.
     */
    assignedCarrierId: bigint('assigned_carrier_id', { mode: 'number' }),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedBy: bigint('archived_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** bumped by every edit, for optimistic concurrency on edit forms */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    // order search by number prefix (LIKE 'SO2611%')
    index('orders_number_prefix_idx').on(t.number.op('text_pattern_ops')),
    // idempotent import / API: one order per external reference and source
    uniqueIndex('orders_source_external_ref_key')
      .on(t.source, t.externalRef)
      .where(sql`${t.externalRef} is not null`),
    // orders list, default view: newest first, keyset on (placed_at, id)
    index('orders_list_placed_idx')
      .on(t.placedAt.desc(), t.id.desc())
      .where(sql`${t.archivedAt} is null`),
    // orders list filtered by status (also the timers: pending_payment by age, shipped by age)
    index('orders_list_status_idx')
      .on(t.status, t.placedAt.desc(), t.id.desc())
      .where(sql`${t.archivedAt} is null`),
    // orders list filtered by source
    index('orders_list_source_idx')
      .on(t.source, t.placedAt.desc(), t.id.desc())
      .where(sql`${t.archivedAt} is null`),
    // orders list sorted by total
    index('orders_list_total_idx')
      .on(t.totalCents.desc(), t.id.desc())
      .where(sql`${t.archivedAt} is null`),
    // dashboard 30-day series (domain/analytics/dashboard-summary.ts): counts and sales by day of placed_at,
    // archived orders included, read from the index alone
    index('orders_placed_at_idx').on(t.placedAt, t.status, t.currency, t.totalCents),
    // archived filter
    index('orders_archived_idx')
      .on(t.archivedAt.desc(), t.id.desc())
      .where(sql`${t.archivedAt} is not null`),
    // customer's orders (detail page, repeat-rate analytics), and search by customer
    index('orders_customer_idx').on(t.customerId, t.placedAt.desc()),
    // search by recipient name / phone
    index('orders_ship_name_idx').on(t.shipName),
    index('orders_ship_phone_idx').on(t.shipPhone),
  ],
);

/** A line of an order: a snapshot of the SKU as sold (code, name, price, cost). */
export const orderLines = pgTable(
  'order_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    skuId: bigint('sku_id', { mode: 'number' }).references(() => skus.id),
    skuCode: text('sku_code').notNull(),
    name: text('name').notNull(),
    variant: text('variant'),
    unitPriceCents: integer('unit_price_cents').notNull(),
    unitCostCents: integer('unit_cost_cents').notNull().default(0),
    quantity: integer('quantity').notNull(),
    discountCents: integer('discount_cents').notNull().default(0),
    lineTotalCents: integer('line_total_cents').notNull(),
    /** the warehouse whose stock this line reserved */
    warehouseId: bigint('warehouse_id', { mode: 'number' }).references(() => warehouses.id),
  },
  (t) => [
    // lines of an order
    index('order_lines_order_idx').on(t.orderId),
    // order search by SKU code
    index('order_lines_sku_code_idx').on(t.skuCode),
    // top products and velocity per SKU
    index('order_lines_sku_idx').on(t.skuId),
  ],
);

export const orderEventKind = pgEnum('order_event_kind', [
  'created',
  'status_changed',
  'edited',
  'note',
  'tagged',
  'payment',
  'refund',
  'shipment',
  'tracking',
  'after_sales',
  'archived',
  'restored',
  'imported',
]);

/** The order timeline: every transition, edit, note and integration event, newest last. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    kind: orderEventKind('kind').notNull(),
    fromStatus: orderStatus('from_status'),
    toStatus: orderStatus('to_status'),
    actorType: actorType('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    /** the actor's display name at the time (staff name, "system", integration name) */
    actorName: text('actor_name'),
    message: text('message'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // timeline of an order
    index('order_events_order_idx').on(t.orderId, t.id),
  ],
);

export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderLine = typeof orderLines.$inferSelect;
export type NewOrderLine = typeof orderLines.$inferInsert;
export type OrderEvent = typeof orderEvents.$inferSelect;
export type NewOrderEvent = typeof orderEvents.$inferInsert;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type OrderSource = (typeof orderSource.enumValues)[number];
