import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { RowsTable } from '@/components/data-table/rows-table';
import type { ReconciliationSummary } from '@/domain/payments/reconciliation/get-reconciliation-summary';
import { formatMoney } from '@/domain/shared/money';

const DATE_TIME = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/** When reconciliation last ran and today's money per method: an empty list of differences then reads as checked. */
export async function ReconciliationSummaryCard({ summary }: { summary: ReconciliationSummary }) {
  const [t, tOrders, format, locale] = await Promise.all([
    getTranslations('refunds.reconciliation.summary'),
    getTranslations('orders'),
    getFormatter(),
    getLocale(),
  ]);
  const { lastRun } = summary;
  const when = (date: Date | null) => (date ? format.dateTime(date, DATE_TIME) : '—');
  const isRunning = Boolean(lastRun?.startedAt && (!lastRun.finishedAt || lastRun.finishedAt < lastRun.startedAt));
  const counts = lastRun?.result as { succeeded?: number; failed?: number } | null | undefined;
  return (
    <section
      className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs"
      data-testid="reconciliation-summary"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-slate-900">{t('title', { day: summary.day })}</h2>
        <p className="text-xs text-slate-500" data-testid="reconciliation-last-run">
          {!lastRun
            ? t('never')
            : isRunning
              ? t('lastRunRunning', { date: when(lastRun.startedAt) })
              : lastRun.error
                ? t('lastRunFailed', { date: when(lastRun.finishedAt), error: lastRun.error })
                : `${t('lastRun', { date: when(lastRun.finishedAt) })} · ${t('resultCounts', {
                    succeeded: counts?.succeeded ?? 0,
                    failed: counts?.failed ?? 0,
                  })}`}
        </p>
      </header>
      {summary.totals.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">{t('noMoney')}</p>
      ) : (
        <RowsTable
          id="reconciliation-totals"
          columns={[
            { id: 'method', header: t('columns.method'), sticky: true },
            { id: 'payments', header: t('columns.payments'), align: 'right' },
            { id: 'paid', header: t('columns.paid'), align: 'right' },
            { id: 'refunds', header: t('columns.refunds'), align: 'right' },
            { id: 'refunded', header: t('columns.refunded'), align: 'right' },
            { id: 'net', header: t('columns.net'), align: 'right', className: 'font-medium' },
          ]}
          rows={summary.totals.map((row) => ({
            id: `${row.method}-${row.currency}`,
            attributes: { 'data-method': row.method },
            cells: {
              method: tOrders(`paymentMethod.${row.method}`),
              payments: row.paymentCount,
              paid: formatMoney(row.paidCents, row.currency, locale),
              refunds: row.refundCount,
              refunded: row.refundedCents ? formatMoney(-row.refundedCents, row.currency, locale) : '—',
              net: formatMoney(row.paidCents - row.refundedCents, row.currency, locale),
            },
          }))}
        />
      )}
    </section>
  );
}
