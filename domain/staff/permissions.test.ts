import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLE_PERMISSIONS } from './permissions';
import { STAFF_ROLES } from './roles';

describe('can', () => {
  it('lets admin do everything', () => {
    for (const p of PERMISSIONS) expect(can({ role: 'admin' }, p)).toBe(true);
  });

  it('keeps viewers read-only', () => {
    const writes = PERMISSIONS.filter((p) => !p.endsWith('.read'));
    for (const p of writes) expect(can({ role: 'viewer' }, p)).toBe(false);
    expect(can({ role: 'viewer' }, 'orders.read')).toBe(true);
  });

  it('separates duties between roles', () => {
    expect(can({ role: 'warehouse' }, 'shipping.write')).toBe(true);
    expect(can({ role: 'warehouse' }, 'refunds.write')).toBe(false);
    expect(can({ role: 'finance' }, 'refunds.write')).toBe(true);
    expect(can({ role: 'finance' }, 'orders.write')).toBe(false);
    expect(can({ role: 'operations' }, 'orders.write')).toBe(true);
    expect(can({ role: 'operations' }, 'staff.manage')).toBe(false);
  });

  it('after-sales: operations decides, the warehouse receives, finance refunds, viewers read', () => {
    expect(can({ role: 'operations' }, 'after_sales.write')).toBe(true);
    expect(can({ role: 'operations' }, 'after_sales.receive')).toBe(false);
    expect(can({ role: 'operations' }, 'after_sales.refund')).toBe(false);
    expect(can({ role: 'warehouse' }, 'after_sales.receive')).toBe(true);
    expect(can({ role: 'warehouse' }, 'after_sales.write')).toBe(false);
    expect(can({ role: 'finance' }, 'after_sales.refund')).toBe(true);
    expect(can({ role: 'finance' }, 'after_sales.write')).toBe(false);
    expect(can({ role: 'viewer' }, 'after_sales.read')).toBe(true);
  });

  it('catalog: operations and admin edit products, the warehouse and finance read them', () => {
    expect(can({ role: 'operations' }, 'catalog.write')).toBe(true);
    expect(can({ role: 'admin' }, 'catalog.write')).toBe(true);
    expect(can({ role: 'warehouse' }, 'catalog.write')).toBe(false);
    expect(can({ role: 'finance' }, 'catalog.write')).toBe(false);
    expect(can({ role: 'viewer' }, 'catalog.write')).toBe(false);
    for (const role of ['warehouse', 'finance', 'viewer'] as const) expect(can({ role }, 'catalog.read')).toBe(true);
  });

  it('operations take a payment (link, QR code) but do not confirm one by hand', () => {
    expect(can({ role: 'operations' }, 'payments.collect')).toBe(true);
    expect(can({ role: 'operations' }, 'payments.write')).toBe(false);
    expect(can({ role: 'finance' }, 'payments.collect')).toBe(true);
    expect(can({ role: 'warehouse' }, 'payments.collect')).toBe(false);
    expect(can({ role: 'viewer' }, 'payments.collect')).toBe(false);
  });

  it('refuses nobody', () => {
    expect(can(null, 'orders.read')).toBe(false);
  });

  it('gives every role only known permissions', () => {
    for (const role of STAFF_ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
});
