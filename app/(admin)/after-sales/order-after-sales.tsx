import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getOrderAfterSales } from '@/domain/after-sales/order-after-sales';
import { getSetting } from '@/domain/settings/get-setting';
import { can } from '@/domain/staff/permissions';
import type { StaffRole } from '@/domain/staff/roles';
import { NewRequestForm } from './new-request-form';

/** The order page's after-sales card: the derived badge, the order's requests, and a new request for what may still be asked. */
export async function OrderAfterSales({ orderId, staff }: { orderId: number; staff: { role: StaffRole } }) {
  if (!can(staff, 'after_sales.read')) return null;
  const db = getDb();
  const [data, reasons, t, locale] = await Promise.all([
    getOrderAfterSales(db, orderId),
    getSetting(db, 'after_sales_reasons'),
    getTranslations('after-sales'),
    getLocale(),
  ]);
  const isChinese = locale.startsWith('zh');
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs"
      data-testid="order-after-sales"
    >
      <div className="flex items-center gap-2">
        <h2 className="text-sm font-medium">{t('order.title')}</h2>
        <span
          className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600"
          data-testid="after-sales-summary"
        >
          {t(`summary.${data.summary}`)}
        </span>
      </div>
      {data.requests.length === 0 ? (
        <p className="text-sm text-slate-500">{t('order.noRequests')}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {data.requests.map((r) => (
            <li key={r.id} className="flex gap-2">
              <Link href={`/after-sales/${r.id}`} className="font-mono text-xs text-sky-700 hover:underline">
                {r.number}
              </Link>
              <span>{t(`kind.${r.kind}`)}</span>
              <span className="text-slate-500">{t(`status.${r.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {can(staff, 'after_sales.write') && (
        <NewRequestForm
          orderId={orderId}
          lines={data.lines}
          reasons={reasons
            .filter((r) => r.isActive)
            .map((r) => ({ code: r.code, name: isChinese ? r.nameZh : r.nameEn }))}
        />
      )}
    </section>
  );
}
