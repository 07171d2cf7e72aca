import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { StatusBadge } from '@/components/orders/status-badge';
import { findSkusForEntry } from '@/domain/catalog/search-skus';
import { EDITABLE_STATUSES } from '@/domain/orders/edit-order';
import { getOrder } from '@/domain/orders/get-order';
import { parseOrderId } from '@/domain/orders/order-id';
import { minorUnitsToDecimal } from '@/domain/shared/money';
import { requirePermission } from '@/lib/auth/current-staff';
import type { LineState } from '../../_entry/entry-state';
import { EditOrderForm } from './edit-order-form';

type Params = Promise<{ orderId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseOrderId((await params).orderId);
  const detail = id === null ? null : await getOrder(getDb(), id);
  const t = await getTranslations('orders');
  return { title: detail ? t('entry.editTitle', { number: detail.order.number }) : t('detail.notFoundTitle') };
}

/** Editing before shipment: address, lines, discount, note. Later orders say why they cannot be edited. */
export default async function EditOrderPage({ params }: { params: Params }) {
  await requirePermission('orders.write');
  const id = parseOrderId((await params).orderId);
  const db = getDb();
  const detail = id === null ? null : await getOrder(db, id);
  if (!detail) notFound();
  const { order } = detail;
  const [t, locale] = await Promise.all([getTranslations('orders'), getLocale()]);

  const header = (
    <>
      <div>
        <Link href={`/orders/${order.id}`} className="text-sm text-slate-500 hover:text-slate-900 hover:underline">
          ← {t('entry.backToOrder')}
        </Link>
      </div>
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2.5">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">
            {t('entry.editTitle', { number: order.number })}
          </h1>
          <StatusBadge status={order.status} />
        </div>
        <p className="text-sm text-slate-500">
          {detail.customer ? `${t('entry.edit.customer')}: ${detail.customer.name} · ` : ''}
          {t('entry.editDescription')}
        </p>
      </header>
    </>
  );

  if (!EDITABLE_STATUSES.includes(order.status) || order.archivedAt) {
    return (
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        {header}
        <div
          className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          data-testid="not-editable"
        >
          <p className="font-semibold">{t('entry.edit.notEditableTitle')}</p>
          <p className="mt-0.5">{t('entry.edit.notEditable', { status: t(`status.${order.status}`) })}</p>
        </div>
      </div>
    );
  }

  // one form line per SKU: what the order holds of it counts as available to this order
  const held = new Map<number, number>();
  for (const line of detail.lines)
    if (line.skuId !== null) held.set(line.skuId, (held.get(line.skuId) ?? 0) + line.quantity);
  const skus = await findSkusForEntry(db, [...held.keys()]);
  // a kept line keeps the price it was sold at (editOrder does the same); added SKUs show today's
  const soldPrice = (skuId: number) => detail.lines.find((l) => l.skuId === skuId)?.unitPriceCents;
  const lines: LineState[] = skus
    .map((sku) => ({
      sku: { ...sku, priceCents: soldPrice(sku.id) ?? sku.priceCents },
      quantity: String(held.get(sku.id) ?? 0),
      heldByOrder: held.get(sku.id) ?? 0,
    }))
    .sort(
      (a, b) =>
        detail.lines.findIndex((l) => l.skuId === a.sku.id) - detail.lines.findIndex((l) => l.skuId === b.sku.id),
    );

  return (
    <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
      {header}
      {detail.paidCents > 0 && (
        <p
          className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
          data-testid="paid-hint"
        >
          {t('entry.edit.paidHint')}
        </p>
      )}
      <EditOrderForm
        key={order.version}
        locale={locale}
        initial={{
          orderId: order.id,
          version: order.version,
          address: {
            name: order.shipName,
            phone: order.shipPhone,
            province: order.shipProvince,
            city: order.shipCity,
            district: order.shipDistrict ?? '',
            street: order.shipStreet,
            postalCode: order.shipPostalCode ?? '',
          },
          lines,
          discount: order.discountCents === 0 ? '' : minorUnitsToDecimal(order.discountCents, 2),
          shipping: minorUnitsToDecimal(order.shippingCents, 2),
          shippingCents: order.shippingCents,
          currency: order.currency,
          buyerNote: order.buyerNote ?? '',
        }}
      />
    </div>
  );
}
