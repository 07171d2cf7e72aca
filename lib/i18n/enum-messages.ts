/**
 * Where each database enum's values are named for people, in messages/<locale>/<area>.json. Every
 * pgEnum in db/schema is listed here (enum-messages.test.ts fails on one that is not, or on a value
 * missing in either language), so a raw code such as `picked_up` never reaches the screen.
 */
export const ENUM_MESSAGES = {
  order_status: 'orders.status',
  order_source: 'orders.source',
  order_event_kind: 'orders.eventKind',
  payment_method: 'orders.paymentMethod',
  payment_status: 'orders.paymentStatus',
  refund_status: 'orders.refundStatus',
  shipment_status: 'orders.shipmentStatus',
  shipment_exception_kind: 'shipping.exceptions.kind',
  waybill_status: 'shipping.waybillStatus',
  after_sales_kind: 'after-sales.kind',
  after_sales_status: 'after-sales.status',
  stock_movement_kind: 'inventory.kind',
  staff_role: 'staff.roles',
  actor_type: 'orders.actorType',
  import_status: 'orders.importStatus',
} as const satisfies Record<string, string>;

/**
 * Codes kept in text columns rather than enums, that a person still reads: the tracking push log's
 * outcomes (logistics_push_log.outcome; accepted or the refusal code of kuaidi100.ts).
 */
export const TEXT_CODE_MESSAGES = {
  pushOutcome: {
    namespace: 'shipping.pushOutcome',
    values: [
      'accepted',
      'unknown_shipment',
      'malformed_push',
      'salt_not_configured',
      'missing_param',
      'missing_sign',
      'malformed_sign',
      'bad_signature',
    ],
  },
} as const;
