import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findOrdersToShip } from '@/domain/logistics/bulk-ship';
import { listActiveCarriers } from '@/domain/logistics/list-shipments';
import { requirePermission } from '@/lib/auth/current-staff';
import { ShippingHeader } from '../shipping-tabs';
import { BulkShipCsvForm, BulkShipForm } from './bulk-ship-forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shipping');
  return { title: t('bulk.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// ?order=SO...&order=SO... from the queue (or a print page): order numbers, at most 200
const ZSelectedOrders = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,40}$/),
  )
  .max(200);

/**
 * Bulk ship (also linked from the print pages, see BULK_SHIP_PATH): a tracking number per selected
 * order, or a CSV of order number, carrier code, tracking number. Each order ships on its own.
 */
export default async function BulkShipPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('shipping.write');
  const raw = (await searchParams).order;
  const parsed = ZSelectedOrders.safeParse(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
  const numbers = parsed.success ? [...new Set(parsed.data)] : [];
  const db = getDb();
  const [selected, carrierRows, t, locale] = await Promise.all([
    findOrdersToShip(db, numbers),
    listActiveCarriers(db),
    getTranslations('shipping'),
    getLocale(),
  ]);
  const isChinese = locale.startsWith('zh');
  const carriers = carrierRows.map((c) => ({ id: c.id, code: c.code, name: isChinese ? c.name : c.nameEn }));
  // keep the order they were ticked in
  const rows = numbers.map((n) => selected.find((o) => o.number === n)).filter((o) => o !== undefined);

  return (
    <>
      <ShippingHeader current="bulkShip" title={t('bulk.title')} />
      <div className="space-y-5 px-4 py-4 sm:px-6 sm:py-5">
        {!parsed.success && (
          <p
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="rejected-params"
          >
            {t('bulk.badSelection')}
          </p>
        )}
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
          <h2 className="text-sm font-semibold text-slate-900">{t('bulk.typedTitle')}</h2>
          <p className="mb-3 text-xs text-slate-500">{t('bulk.typedHint')}</p>
          {rows.length === 0 ? (
            <p className="text-sm text-slate-500" data-testid="bulk-no-selection">
              {t('bulk.noSelection')}
            </p>
          ) : (
            <BulkShipForm
              orders={rows.map((o) => ({
                number: o.number,
                recipient: `${o.shipName} · ${o.shipProvince} ${o.shipCity}`,
                carrierId: o.waybillCarrierId ?? o.assignedCarrierId,
                waybillNumber: o.waybillNumber,
                status: o.status,
              }))}
              carriers={carriers}
            />
          )}
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
          <h2 className="text-sm font-semibold text-slate-900">{t('bulk.csvTitle')}</h2>
          <p className="mb-3 text-xs text-slate-500">
            {t('bulk.csvHint', { codes: carriers.map((c) => c.code).join(', ') })}
          </p>
          <BulkShipCsvForm />
        </section>
      </div>
    </>
  );
}
