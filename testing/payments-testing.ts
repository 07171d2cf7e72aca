import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import type { Actor } from '@/domain/shared/actor';
import type { PaymentsRequestContext } from '@/domain/payments/providers/resolve-provider';
import { plugInTestSandbox } from './sandboxes/payments/test-transport';

/** Test helpers shared by the payments test files (not used by the app). */
export const TEST_AUTH_SECRET = 'payments-test-auth-secret';
export const TEST_ORIGIN = 'http://127.0.0.1:3999';
export const FINANCE: Actor = { type: 'staff', id: null, name: 'finance test' };

/** The payments context of a test, with the sandbox plugged in (its notifications kept, not posted). */
export function paymentsTestContext(handle: DatabaseHandle): PaymentsRequestContext {
  plugInTestSandbox();
  return { db: handle.db, authSecret: TEST_AUTH_SECRET, env: { NODE_ENV: 'test' }, origin: TEST_ORIGIN };
}

/** A new order pending payment, with its own SKU and stock. */
export async function pendingOrder(f: Factories, placedAt?: Date) {
  const warehouse = await f.warehouse();
  const sku = await f.sku({ priceCents: 12_345 });
  await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 10 });
  const { order } = await f.order({
    status: 'pending_payment',
    lines: [{ skuId: sku.id, quantity: 1 }],
    warehouseId: warehouse.id,
    placedAt,
  });
  return order;
}

export function paymentsFactories(handle: DatabaseHandle, seed: number): Factories {
  return createFactories(handle.db, { seed });
}
