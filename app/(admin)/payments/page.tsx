import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/layout/page-header';
import { FilterBar } from '@/components/data-table/filter-bar';
import { keysetLinks } from '@/components/data-table/keyset-links';
import { KeysetPagination } from '@/components/data-table/keyset-pagination';
import { RowsTable } from '@/components/data-table/rows-table';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { secondaryButton } from '@/components/ui/button';
import {
  listPayments,
  parsePaymentListParams,
  PAYMENT_METHODS,
  PAYMENT_STATES,
  paymentListSearchParams,
} from '@/domain/payments/payment-list';
import { formatMoney } from '@/domain/shared/money';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('refunds');
  return { title: t('list.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const DATE_TIME = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
const PARAMS = ['method', 'state', 'from', 'to', 'cursor'] as const;

/** Payment attempts, newest first: filters in the URL (GET form), keyset pages, amounts in yuan. */
export default async function PaymentsPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requirePermission('payments.read');
  const { filters, rejected } = parsePaymentListParams(await searchParams);
  const [page, t, tOrders, format, locale] = await Promise.all([
    listPayments(getDb(), filters),
    getTranslations('refunds'),
    getTranslations('orders'),
    getFormatter(),
    getLocale(),
  ]);
  const paramLabel = (param: string) =>
    (PARAMS as readonly string[]).includes(param) ? t(`list.params.${param as (typeof PARAMS)[number]}`) : param;

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={<span data-testid="payments-count">{t('list.shownCount', { count: page.rows.length })}</span>}
        actions={
          can(staff, 'payments.write') || can(staff, 'refunds.write') ? (
            <Link href="/payments/reconciliation" className={secondaryButton}>
              {t('list.reconciliationLink')}
            </Link>
          ) : null
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        {rejected.length > 0 && (
          <div
            className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
            data-testid="rejected-params"
          >
            <p className="font-medium">{t('list.rejectedTitle')}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {rejected.map((item, index) => (
                <li key={`${item.param}-${index}`}>
                  {t(`list.rejected.${item.reason === 'reversed_range' ? 'reversed_range' : 'invalid'}`, {
                    param: paramLabel(item.param),
                    value: item.value,
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
          <div className="border-b border-slate-200 p-3">
            <FilterBar
              testId="payment-filters"
              submitLabel={t('list.apply')}
              resetLabel={t('list.clear')}
              resetHref="/payments"
              fields={[
                {
                  name: 'method',
                  kind: 'select',
                  label: t('list.method'),
                  options: [
                    { value: '', label: t('list.any') },
                    ...PAYMENT_METHODS.map((method) => ({ value: method, label: tOrders(`paymentMethod.${method}`) })),
                  ],
                },
                {
                  name: 'state',
                  kind: 'select',
                  label: t('list.state'),
                  options: [
                    { value: '', label: t('list.any') },
                    ...PAYMENT_STATES.map((state) => ({ value: state, label: tOrders(`paymentStatus.${state}`) })),
                  ],
                },
                { name: 'from', kind: 'date', label: t('list.from') },
                { name: 'to', kind: 'date', label: t('list.to') },
              ]}
            />
          </div>
          <RowsTable
            id="payments-table"
            isPlain={false}
            hasStickyHeader
            summary={<span data-testid="payments-count">{t('list.shownCount', { count: page.rows.length })}</span>}
            emptyTitle={filters.cursor ? t('list.emptyPastEnd') : t('list.empty')}
            columns={[
              {
                id: 'created',
                header: t('list.created'),
                className: 'whitespace-nowrap tabular-nums text-slate-600',
                sticky: true,
              },
              { id: 'order', header: t('list.order') },
              { id: 'method', header: t('list.method') },
              { id: 'state', header: t('list.state') },
              { id: 'reference', header: t('list.reference') },
              { id: 'amount', header: t('list.amount'), align: 'right' },
              { id: 'refunded', header: t('list.refunded'), align: 'right' },
            ]}
            rows={page.rows.map((row) => ({
              id: row.id,
              attributes: { 'data-payment-id': row.id, 'data-order-number': row.orderNumber },
              cells: {
                created: (
                  <Link href={`/payments/${row.id}`} className="hover:underline">
                    {format.dateTime(row.createdAt, DATE_TIME)}
                  </Link>
                ),
                order: (
                  <Link href={`/orders/${row.orderId}`} className="font-mono text-sky-700 hover:underline">
                    {row.orderNumber}
                  </Link>
                ),
                method: tOrders(`paymentMethod.${row.method}`),
                state: (
                  <span className="inline-flex items-center gap-1.5">
                    <StatusBadge kind="payment" status={row.status} />
                    {row.needsRefund && <Badge tone="attention">{t('list.needsRefund')}</Badge>}
                  </span>
                ),
                reference: (
                  <Link href={`/payments/${row.id}`} className="font-mono text-xs text-slate-500 hover:underline">
                    {row.providerTxnId ?? row.outTradeNo}
                  </Link>
                ),
                amount: formatMoney(row.amountCents, row.currency, locale),
                // nothing refunded is the normal case: a quiet dash, not a red one
                refunded: (
                  <span
                    data-testid="payment-refunded"
                    className={row.refundedCents > 0 ? 'text-slate-900' : 'text-slate-300'}
                  >
                    {row.refundedCents > 0 ? formatMoney(row.refundedCents, row.currency, locale) : '—'}
                  </span>
                ),
              },
            }))}
          />
          <KeysetPagination
            label={t('list.pagination')}
            links={keysetLinks('/payments', paymentListSearchParams(filters), {
              nextCursor: page.nextCursor,
              prevCursor: null,
              isPastFirst: filters.cursor !== undefined,
            })}
          />
        </section>
      </div>
    </>
  );
}
