import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { syncLowStockAlerts } from '@/domain/inventory/sync-low-stock-alerts';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';

/**
 * Test stock for the Playwright suite: a new warehouse and SKU with `onHand` units (`reserved` of them reserved) and the SKU's
 * low-stock threshold, its alert raised by the same rule stock changes use. Built only with
 * E2E_ROUTES=1 (never in a production build), answers only when the e2e server started the app
 * with E2E_FACTORIES=1, and only for a signed-in admin.
 */
const ZCreateTestStock = z.object({
  onHand: z.number().int().min(0).max(10_000),
  reserved: z.number().int().min(0).max(10_000).default(0),
  threshold: z.number().int().min(0).max(10_000),
  productName: z.string().min(1).max(40).optional(),
});

export async function POST(request: Request) {
  if (process.env.E2E_FACTORIES !== '1') return new NextResponse(null, { status: 404 });
  const staff = await getCurrentStaff();
  if (!can(staff, 'staff.manage')) return NextResponse.json({ error: 'admin only' }, { status: 403 });
  const parsed = ZCreateTestStock.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const input = parsed.data;

  const factories = createFactories(getDb(), { seed: Date.now() % 100_000 });
  const warehouse = await factories.warehouse();
  const product = await factories.product(input.productName ? { name: input.productName } : {});
  const sku = await factories.sku({ productId: product.id, lowStockThreshold: input.threshold });
  await factories.stock({
    skuId: sku.id,
    warehouseId: warehouse.id,
    onHand: input.onHand,
    reserved: Math.min(input.reserved, input.onHand),
  });
  await syncLowStockAlerts(getDb(), { skuId: sku.id });
  return NextResponse.json({
    sku: { id: sku.id, code: sku.code },
    warehouse: { id: warehouse.id, name: warehouse.name },
  });
}
