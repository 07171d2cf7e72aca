import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/layout/page-header';
import { fieldClass, primaryButton, secondaryButton } from '@/components/ui/modal-dialog';
import {
  listPayments, parsePaymentListParams, PAYMENT_METHODS, PAYMENT_STATES, paymentListSearchParams,
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
    listPayments(getDb(), filters), getTranslations('refunds'), getTranslations('orders'), getFormatter(), getLocale(),
  ]);
  const th = 'px-4 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500';
  const tone = (status: string) => (status === 'succeeded' ? 'text-emerald-700' : status === 'failed' ? 'text-rose-700' : 'text-slate-500');
  const paramLabel = (param: string) => ((PARAMS as readonly string[]).includes(param) ? t(`list.params.${param as (typeof PARAMS)[number]}`) : param);
  const nextHref = page.nextCursor ? `/payments?${paymentListSearchParams(filters, page.nextCursor).toString()}` : null;
  const firstQuery = paymentListSearchParams(filters).toString();

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={<span data-testid="payments-count">{t('list.shownCount', { count: page.rows.length })}</span>}
        actions={can(staff, 'payments.write') || can(staff, 'refunds.write')
          ? <Link href="/payments/reconciliation" className={secondaryButton}>{t('list.reconciliationLink')}</Link> : null}
      />
      <div className="space-y-4 px-6 py-5">
        {rejected.length > 0 && (
          <div className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="rejected-params">
            <p className="font-medium">{t('list.rejectedTitle')}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {rejected.map((item, index) => (
                <li key={`${item.param}-${index}`}>{t(`list.rejected.${item.reason === 'reversed_range' ? 'reversed_range' : 'invalid'}`, { param: paramLabel(item.param), value: item.value })}</li>
              ))}
            </ul>
          </div>
        )}
        <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <form method="get" action="/payments" className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3" data-testid="payment-filters">
            <label className="text-xs font-medium text-slate-600">{t('list.method')}
              <select name="method" defaultValue={filters.method ?? ''} className={fieldClass}>
                <option value="">{t('list.any')}</option>
                {PAYMENT_METHODS.map((method) => <option key={method} value={method}>{tOrders(`paymentMethod.${method}`)}</option>)}
              </select>
            </label>
            <label className="text-xs font-medium text-slate-600">{t('list.state')}
              <select name="state" defaultValue={filters.state ?? ''} className={fieldClass}>
                <option value="">{t('list.any')}</option>
                {PAYMENT_STATES.map((state) => <option key={state} value={state}>{tOrders(`paymentStatus.${state}`)}</option>)}
              </select>
            </label>
            <label className="text-xs font-medium text-slate-600">{t('list.from')}
              <input type="date" name="from" defaultValue={filters.from ?? ''} className={fieldClass} />
            </label>
            <label className="text-xs font-medium text-slate-600">{t('list.to')}
              <input type="date" name="to" defaultValue={filters.to ?? ''} className={fieldClass} />
            </label>
            <button type="submit" className={primaryButton}>{t('list.apply')}</button>
            <Link href="/payments" className="text-sm text-slate-600 hover:underline">{t('list.clear')}</Link>
          </form>
          <table className="w-full text-sm" data-testid="payments-table">
            <thead className="bg-slate-50">
              <tr className="border-b border-slate-200">
                <th className={th}>{t('list.created')}</th>
                <th className={th}>{t('list.order')}</th>
                <th className={th}>{t('list.method')}</th>
                <th className={th}>{t('list.state')}</th>
                <th className={th}>{t('list.reference')}</th>
                <th className={`${th} text-right`}>{t('list.amount')}</th>
                <th className={`${th} text-right`}>{t('list.refunded')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.length === 0 && (
                <tr><td colSpan={7} className="px-4 py-6 text-center text-slate-500">{filters.cursor ? t('list.emptyPastEnd') : t('list.empty')}</td></tr>
              )}
              {page.rows.map((row) => (
                <tr key={row.id} data-payment-id={row.id} data-order-number={row.orderNumber}>
                  <td className="px-4 py-2 tabular-nums text-slate-600">
                    <Link href={`/payments/${row.id}`} className="hover:underline">{format.dateTime(row.createdAt, DATE_TIME)}</Link>
                  </td>
                  <td className="px-4 py-2"><Link href={`/orders/${row.orderId}`} className="font-mono text-sky-700 hover:underline">{row.orderNumber}</Link></td>
                  <td className="px-4 py-2">{tOrders(`paymentMethod.${row.method}`)}</td>
                  <td className={`px-4 py-2 text-xs font-medium ${tone(row.status)}`}>
                    {tOrders(`paymentStatus.${row.status}`)}
                    {row.needsRefund && <span className="ml-1.5 rounded bg-amber-100 px-1 py-0.5 text-amber-800">{t('list.needsRefund')}</span>}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-500">
                    <Link href={`/payments/${row.id}`} className="hover:underline">{row.providerTxnId ?? row.outTradeNo}</Link>
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(row.amountCents, row.currency, locale)}</td>
                  <td className="px-4 py-2 text-right tabular-nums text-rose-700" data-testid="payment-refunded">
                    {row.refundedCents > 0 ? formatMoney(row.refundedCents, row.currency, locale) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2.5" aria-label={t('list.pagination')}>
            <div>{filters.cursor && <Link href={firstQuery ? `/payments?${firstQuery}` : '/payments'} className="text-sm text-slate-600 hover:underline">{t('list.firstPage')}</Link>}</div>
            {nextHref ? <Link rel="next" href={nextHref} className={secondaryButton}>{t('list.next')} →</Link> : <span className="text-sm text-slate-300">{t('list.next')} →</span>}
          </nav>
        </section>
      </div>
    </>
  );
}
