import type { StaffRole } from './roles';

/**
 * Everything a staff member can be allowed to do. Server actions and route handlers check one of
 * these through `can` before calling the domain; the UI asks the same question to hide buttons.
 */
export const PERMISSIONS = [
  'orders.read',
  'orders.write', // create, edit, cancel, review, tag, note
  'orders.archive',
  'orders.import',
  'inventory.read',
  'inventory.write', // receive, adjust, thresholds, warehouses and bin locations
  'catalog.read',
  'catalog.write', // products, SKUs, categories, prices
  'payments.read',
  'payments.write', // confirm manual payments, query providers
  // start a provider payment (payment link, QR code) and ask the provider for its status: operations can
  // take the payment of an order they entered by hand; confirming a payment by hand stays payments.write
  'payments.collect',
  'refunds.write',
  'shipping.read',
  'shipping.write', // shipments, labels, tracking
  'after_sales.read',
  'after_sales.write', // create, approve, reject, cancel, record the return parcel
  'after_sales.receive', // receive and inspect returned goods
  'after_sales.refund', // propose and send after-sales refunds
  'analytics.read',
  'settings.read',
  'settings.write',
  'staff.manage', // staff accounts and roles
  'api_keys.manage',
  'audit.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = [
  'orders.read',
  'inventory.read',
  'catalog.read',
  'payments.read',
  'shipping.read',
  'after_sales.read',
  'analytics.read',
  'settings.read',
];

/** What each role may do. Admin may do everything. */
export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  operations: [
    ...READ_ALL,
    'catalog.write',
    'orders.write',
    'orders.archive',
    'orders.import',
    'payments.collect',
    'after_sales.write',
  ],
  warehouse: [...READ_ALL, 'inventory.write', 'shipping.write', 'after_sales.receive'],
  finance: [...READ_ALL, 'payments.write', 'payments.collect', 'refunds.write', 'audit.read', 'after_sales.refund'],
  viewer: READ_ALL,
};

/** The one permission check of the console. */
export function can(actor: { role: StaffRole } | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}
