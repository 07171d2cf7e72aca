import type { Metadata } from 'next';
import Link from 'next/link';
import { RowsTable } from '@/components/data-table/rows-table';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db/client';
import { allowedAfterSalesActions } from '@/domain/after-sales/after-sales-actions';
import { getAfterSalesRequest } from '@/domain/after-sales/get-after-sales-request';
import { listWarehouses } from '@/domain/inventory/list-warehouses';
import { listCarriers } from '@/domain/logistics/manage-carriers';
import { getSetting } from '@/domain/settings/get-setting';
import { formatMoney } from '@/domain/shared/money';
import { requirePermission } from '@/lib/auth/current-staff';
import { RequestActions } from '../request-actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('afterSales') };
}

/** One request: its lines and what became of them, the return parcel, the refund, the timeline, and what this person may do now. */
export default async function AfterSalesRequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const staff = await requirePermission('after_sales.read');
  const id = Number((await params).requestId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = getDb();
  const detail = await getAfterSalesRequest(db, id);
  if (!detail) notFound();
  const [t, format, locale, carriers, warehouses, reasons] = await Promise.all([
    getTranslations('after-sales'),
    getFormatter(),
    getLocale(),
    listCarriers(db),
    listWarehouses(db),
    getSetting(db, 'after_sales_reasons'),
  ]);
  const isChinese = locale.startsWith('zh');
  const { request, order } = detail;
  const money = (cents: number) => formatMoney(cents, order.currency, locale);
  const when = (date: Date) =>
    format.dateTime(date, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const reasonName = (code: string) => {
    const reason = reasons.find((r) => r.code === code);
    return reason ? (isChinese ? reason.nameZh : reason.nameEn) : code;
  };
  const actions = allowedAfterSalesActions(request, staff);
  return (
    <>
      <PageHeader title={`${t('title')} ${request.number}`} />
      <div className="grid gap-5 px-6 py-5 lg:grid-cols-3">
        <section className="space-y-4 lg:col-span-2">
          <dl className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-xs sm:grid-cols-4">
            <div>
              <dt className="text-xs text-slate-500">{t('table.kind')}</dt>
              <dd>{t(`kind.${request.kind}`)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t('table.status')}</dt>
              <dd data-testid="request-status">{t(`status.${request.status}`)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t('detail.order')}</dt>
              <dd>
                <Link href={`/orders/${order.id}`} className="font-mono text-sky-700 hover:underline">
                  {order.number}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t('detail.deadline')}</dt>
              <dd>
                {request.overdueAt ? (
                  <span className="text-rose-700">{t('overdue')}</span>
                ) : request.deadlineAt ? (
                  when(request.deadlineAt)
                ) : (
                  '—'
                )}
              </dd>
            </div>
            {request.customerNote && (
              <div className="col-span-full">
                <dt className="text-xs text-slate-500">{t('detail.customerNote')}</dt>
                <dd>{request.customerNote}</dd>
              </div>
            )}
            {request.rejectReason && (
              <div className="col-span-full">
                <dt className="text-xs text-slate-500">{t('detail.rejectReason')}</dt>
                <dd>{request.rejectReason}</dd>
              </div>
            )}
          </dl>

          <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
            <RowsTable
              id="request-lines"
              columns={[
                { id: 'sku', header: t('detail.sku'), sticky: true },
                { id: 'quantity', header: t('detail.quantity'), align: 'right', className: 'tabular-nums' },
                { id: 'reason', header: t('detail.reason') },
                { id: 'received', header: t('detail.received'), align: 'right', className: 'tabular-nums' },
                { id: 'restocked', header: t('detail.restocked'), align: 'right', className: 'tabular-nums' },
                { id: 'damaged', header: t('detail.damaged'), align: 'right', className: 'tabular-nums' },
                { id: 'scrapped', header: t('detail.scrapped'), align: 'right', className: 'tabular-nums' },
                { id: 'missing', header: t('detail.missing'), align: 'right', className: 'tabular-nums' },
              ]}
              rows={detail.lines.map((line) => ({
                id: line.id,
                cells: {
                  sku: (
                    <>
                      <span className="font-mono text-xs">{line.skuCode}</span> {line.name}
                      {line.note && <p className="text-xs text-slate-500">{line.note}</p>}
                    </>
                  ),
                  quantity: line.quantity,
                  reason: (
                    <>
                      {reasonName(line.reasonCode)}
                      {line.isSellerFault && (
                        <span className="ml-1 text-xs text-amber-700">({t('detail.sellerFault')})</span>
                      )}
                    </>
                  ),
                  received: line.receivedQuantity ?? '—',
                  restocked: line.restockedQuantity,
                  damaged: line.damagedQuantity,
                  scrapped: line.scrappedQuantity,
                  missing: line.receivedQuantity === null ? '—' : line.quantity - line.receivedQuantity,
                },
              }))}
            />
          </section>

          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-xs">
            <h2 className="mb-2 font-medium">{t('detail.timeline')}</h2>
            <ol className="space-y-2" data-testid="request-timeline">
              {detail.events.map((event) => (
                <li key={event.id} className="flex flex-wrap gap-2">
                  <span className="text-xs text-slate-500">{when(event.createdAt)}</span>
                  <span>{event.toStatus ? t(`status.${event.toStatus}`) : t(`event.${event.kind as 'created'}`)}</span>
                  <span className="text-xs text-slate-500">{event.actorName}</span>
                  {event.message && <span className="text-slate-600">— {event.message}</span>}
                </li>
              ))}
            </ol>
          </section>
        </section>

        <aside className="space-y-4">
          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-xs">
            <h2 className="mb-2 font-medium">{t('detail.returnParcel')}</h2>
            <p>
              {detail.returnCarrier
                ? `${isChinese ? detail.returnCarrier.name : detail.returnCarrier.nameEn} ${request.returnTrackingNumber}`
                : '—'}
            </p>
            <h2 className="mb-2 mt-4 font-medium">{t('detail.refund')}</h2>
            <p data-testid="request-proposed">
              {t('detail.proposed')}: {request.refundProposedCents === null ? '—' : money(request.refundProposedCents)}
            </p>
            <p data-testid="request-refund" data-refund-status={detail.refund?.status ?? ''}>
              {detail.refund
                ? `${detail.refund.outRefundNo} · ${money(detail.refund.amountCents)} · ${detail.refund.status}`
                : t('detail.notSent')}
            </p>
            {request.refundError && (
              <p className="text-rose-700">{t('detail.refundError', { detail: request.refundError })}</p>
            )}
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
            <h2 className="mb-2 text-sm font-medium">{t('detail.actions')}</h2>
            <RequestActions
              actions={actions}
              context={{
                requestId: request.id,
                carriers: carriers
                  .filter((c) => c.isActive)
                  .map((c) => ({ id: c.id, label: isChinese ? c.name : c.nameEn })),
                warehouses: warehouses.filter((w) => w.isActive).map((w) => ({ id: w.id, label: w.name })),
                lines: detail.lines.map((l) => ({
                  id: l.id,
                  label: `${l.skuCode} ${l.name}`,
                  quantity: l.quantity,
                  shippedFrom: l.shippedFrom,
                })),
              }}
            />
          </section>
        </aside>
      </div>
    </>
  );
}
