import { eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { orderStatus, orders } from '@/db/schema/orders';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';

/**
 * Test data for the Playwright suite, made by the same factories as the unit tests. The embedded
 * database belongs to the server process, so e2e tests create their data through it. Built only
 * with E2E_ROUTES=1 (never in a production build), answers only when the e2e server started the
 * app with E2E_FACTORIES=1, and only for a signed-in admin.
 */
const ZCreateTestOrders = z.object({
  status: z.enum(orderStatus.enumValues),
  count: z.number().int().min(1).max(60).default(1),
  customerName: z.string().min(1).max(40).optional(),
  /** minutes before now of the first order; the rest follow a minute apart */
  ageMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 365)
    .optional(),
  /** units on each order's one line; default 1 and 2 alternating */
  quantity: z.number().int().min(1).max(20).optional(),
  /** the SKU's bin in its warehouse (pick lists) */
  location: z.string().min(1).max(20).optional(),
  /** each order gets a second line (one unit of a second SKU) in a second warehouse: two parcels */
  isSplit: z.boolean().optional(),
  isCashOnDelivery: z.boolean().optional(),
  /** the carrier the rules would have assigned (aggregator code), for the shipping queue and e-waybills */
  assignedCarrier: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional(),
});

export async function POST(request: Request) {
  if (process.env.E2E_FACTORIES !== '1') return new NextResponse(null, { status: 404 });
  const staff = await getCurrentStaff();
  if (!can(staff, 'staff.manage')) return NextResponse.json({ error: 'admin only' }, { status: 403 });
  const parsed = ZCreateTestOrders.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const input = parsed.data;

  const factories = createFactories(getDb(), { seed: Date.now() % 100_000 });
  const warehouse = await factories.warehouse();
  const sku = await factories.sku();
  await factories.stock({
    skuId: sku.id,
    warehouseId: warehouse.id,
    onHand: input.count * (input.quantity ?? 2) + 10,
    location: input.location,
  });
  const second = input.isSplit ? { warehouse: await factories.warehouse(), sku: await factories.sku() } : null;
  if (second)
    await factories.stock({ skuId: second.sku.id, warehouseId: second.warehouse.id, onHand: input.count + 10 });
  const customer = await factories.customer(input.customerName ? { name: input.customerName } : {});
  const created = [];
  for (let i = 0; i < input.count; i++) {
    const placedAt =
      input.ageMinutes === undefined ? undefined : new Date(Date.now() - (input.ageMinutes + i) * 60_000);
    const { order } = await factories.order({
      status: input.status,
      customerId: customer.id,
      placedAt,
      isCashOnDelivery: input.isCashOnDelivery,
      lines: [
        { skuId: sku.id, quantity: input.quantity ?? 1 + (i % 2), warehouseId: warehouse.id },
        ...(second ? [{ skuId: second.sku.id, quantity: 1, warehouseId: second.warehouse.id }] : []),
      ],
    });
    if (input.assignedCarrier) {
      const carrier = await factories.carrier(input.assignedCarrier);
      await getDb().update(orders).set({ assignedCarrierId: carrier.id }).where(eq(orders.id, order.id));
    }
    created.push({ id: order.id, number: order.number, totalCents: order.totalCents });
  }
  return NextResponse.json({
    orders: created,
    sku: { id: sku.id, code: sku.code },
    customer: { id: customer.id, name: customer.name },
    warehouse: { id: warehouse.id, name: warehouse.name },
    secondWarehouse: second ? { id: second.warehouse.id, name: second.warehouse.name } : null,
  });
}
