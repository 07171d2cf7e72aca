import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orderLines, orders } from './orders';
import { warehouses } from './inventory';
import { staffUsers } from './staff';

export const carriers = pgTable(
  'carriers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** the aggregator's company code: shunfeng, zhongtong, jd ... */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** a regular expression a tracking number must match */
    trackingPattern: text('tracking_pattern'),
    /** link to the carrier's tracking page, with {number} */
    trackingUrlTemplate: text('tracking_url_template'),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [uniqueIndex('carriers_code_key').on(t.code)],
);

export const shipmentStatus = pgEnum('shipment_status', [
  'pending',
  'shipped',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
  'returning',
  'returned',
]);

export const shipments = pgTable(
  'shipments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    warehouseId: bigint('warehouse_id', { mode: 'number' })
      .notNull()
      .references(() => warehouses.id),
    carrierId: bigint('carrier_id', { mode: 'number' })
      .notNull()
      .references(() => carriers.id),
    trackingNumber: text('tracking_number').notNull(),
    status: shipmentStatus('status').notNull().default('shipped'),
    hasException: boolean('has_exception').notNull().default(false),
    shippedAt: timestamp('shipped_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastTrackedAt: timestamp('last_tracked_at', { withTimezone: true }),
    /** when the tracking aggregator accepted the subscription; null: not yet (the subscribe sweep retries) */
    trackingSubscribedAt: timestamp('tracking_subscribed_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a tracking number is used once per carrier
    uniqueIndex('shipments_carrier_tracking_key').on(t.carrierId, t.trackingNumber),
    // shipments of an order
    index('shipments_order_idx').on(t.orderId),
    // shipments list by state, newest first; exceptions queue
    index('shipments_status_idx').on(t.status, t.shippedAt.desc()),
    // the subscribe sweep: shipments whose subscription has not been accepted yet
    index('shipments_unsubscribed_idx')
      .on(t.shippedAt)
      .where(sql`${t.trackingSubscribedAt} is null`),
  ],
);

export const shipmentLines = pgTable(
  'shipment_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    shipmentId: bigint('shipment_id', { mode: 'number' })
      .notNull()
      .references(() => shipments.id),
    orderLineId: bigint('order_line_id', { mode: 'number' })
      .notNull()
      .references(() => orderLines.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    index('shipment_lines_shipment_idx').on(t.shipmentId),
    // how much of a line has shipped
    index('shipment_lines_order_line_idx').on(t.orderLineId),
  ],
);

export const trackingEvents = pgTable(
  'tracking_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    shipmentId: bigint('shipment_id', { mode: 'number' })
      .notNull()
      .references(() => shipments.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** the aggregator's state code (0 in transit, 1 picked up, 3 signed ...) */
    stateCode: integer('state_code'),
    description: text('description').notNull(),
    location: text('location'),
    raw: jsonb('raw').$type<Record<string, unknown>>(),
    /** repeated pushes carry the same events: one row per (shipment, time, text) */
    dedupeKey: text('dedupe_key').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tracking_events_dedupe_key').on(t.shipmentId, t.dedupeKey),
    // shipment tracking timeline
    index('tracking_events_shipment_idx').on(t.shipmentId, t.occurredAt),
  ],
);

/** Ordered carrier auto-assignment rules: the first matching rule picks the carrier. */
export const carrierRules = pgTable(
  'carrier_rules',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    conditions: jsonb('conditions').$type<Record<string, unknown>>().notNull(),
    carrierId: bigint('carrier_id', { mode: 'number' })
      .notNull()
      .references(() => carriers.id),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    index('carrier_rules_position_idx')
      .on(t.position)
      .where(sql`${t.isActive}`),
  ],
);

export const shipmentExceptionKind = pgEnum('shipment_exception_kind', ['problem', 'refused', 'returning', 'rejected']);

/**
 * A parcel a person must look at: a problem (疑难), refused (退签), returning (退回) or rejected (拒签)
 * tracking state. One row per tracking event that raised it, so replayed pushes raise nothing new.
 */
export const shipmentExceptions = pgTable(
  'shipment_exceptions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    shipmentId: bigint('shipment_id', { mode: 'number' })
      .notNull()
      .references(() => shipments.id),
    kind: shipmentExceptionKind('kind').notNull(),
    /** the tracking event's dedupe key */
    eventKey: text('event_key').notNull(),
    description: text('description').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: bigint('resolved_by', { mode: 'number' }).references(() => staffUsers.id),
    resolutionNote: text('resolution_note'),
  },
  (t) => [
    uniqueIndex('shipment_exceptions_event_key').on(t.shipmentId, t.eventKey),
    // the open exceptions list, oldest first
    index('shipment_exceptions_open_idx')
      .on(t.raisedAt)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

/** Every tracking push received, accepted or not: what came, whether the sign held, what it changed. */
export const logisticsPushLog = pgTable(
  'logistics_push_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text('provider').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** accepted, or the refusal code (bad_signature, malformed_push, unknown_shipment ...) */
    outcome: text('outcome').notNull(),
    message: text('message'),
    carrierCode: text('carrier_code'),
    trackingNumber: text('tracking_number'),
    shipmentId: bigint('shipment_id', { mode: 'number' }).references(() => shipments.id),
    eventsAdded: integer('events_added').notNull().default(0),
    /** the form body as received, cut to 8 KB */
    body: text('body'),
  },
  (t) => [
    // the push log in Settings and on the shipment page, newest first
    index('logistics_push_log_received_idx').on(t.receivedAt.desc()),
    index('logistics_push_log_shipment_idx').on(t.shipmentId, t.receivedAt.desc()),
  ],
);

export const waybillStatus = pgEnum('waybill_status', ['requesting', 'assigned', 'used', 'cancelled', 'failed']);

/**
 * An electronic waybill (电子面单) taken from a carrier's account for one parcel: an order's unshipped
 * units in one warehouse. `requesting` is written before the provider is asked, with the request id
 * the provider dedupes on, so a retry after a timeout asks again with the same id and never gets a
 * second number; at most one requesting/assigned waybill per parcel.
 */
export const waybills = pgTable(
  'waybills',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    warehouseId: bigint('warehouse_id', { mode: 'number' })
      .notNull()
      .references(() => warehouses.id),
    carrierId: bigint('carrier_id', { mode: 'number' })
      .notNull()
      .references(() => carriers.id),
    /** the idempotency key sent to the provider (Kuaidi100 orderId) */
    requestId: text('request_id').notNull(),
    status: waybillStatus('status').notNull().default('requesting'),
    trackingNumber: text('tracking_number'),
    /** the carrier's order number (kdComOrderNum), needed to cancel */
    carrierOrderNumber: text('carrier_order_number'),
    /** 大头笔 */
    sortingCode: text('sorting_code'),
    /** 集包地 */
    packageCenter: text('package_center'),
    labelData: text('label_data'),
    /** units in the parcel when the waybill was taken */
    quantity: integer('quantity').notNull(),
    codAmountCents: integer('cod_amount_cents').notNull().default(0),
    failureReason: text('failure_reason'),
    shipmentId: bigint('shipment_id', { mode: 'number' }).references(() => shipments.id),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one live waybill per parcel: a concurrent or retried request finds the first one
    uniqueIndex('waybills_live_parcel_key')
      .on(t.orderId, t.warehouseId)
      .where(sql`${t.status} in ('requesting', 'assigned')`),
    uniqueIndex('waybills_request_id_key').on(t.requestId),
    // a number is assigned once per carrier (a duplicate from a carrier is refused)
    uniqueIndex('waybills_carrier_tracking_key')
      .on(t.carrierId, t.trackingNumber)
      .where(sql`${t.trackingNumber} is not null`),
    // the waybills of the orders in a print run / on an order page
    index('waybills_order_idx').on(t.orderId),
  ],
);

export type Waybill = typeof waybills.$inferSelect;
export type WaybillStatus = (typeof waybillStatus.enumValues)[number];
export type ShipmentException = typeof shipmentExceptions.$inferSelect;
export type LogisticsPushLogEntry = typeof logisticsPushLog.$inferSelect;
export type CarrierRule = typeof carrierRules.$inferSelect;
export type Carrier = typeof carriers.$inferSelect;
export type Shipment = typeof shipments.$inferSelect;
export type NewShipment = typeof shipments.$inferInsert;
export type ShipmentLine = typeof shipmentLines.$inferSelect;
export type TrackingEvent = typeof trackingEvents.$inferSelect;
export type ShipmentStatus = (typeof shipmentStatus.enumValues)[number];
