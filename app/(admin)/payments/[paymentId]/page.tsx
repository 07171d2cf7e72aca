import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { parseOrderId } from '@/domain/orders/order-id';
import { getPayment } from '@/domain/payments/get-payment';
import { formatMoney } from '@/domain/shared/money';
import { requirePermission } from '@/lib/auth/current-staff';

type Params = Promise<{ paymentId: string }>;
const DATE_TIME = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('refunds');
  return { title: `${t('detail.attempt')} ${(await params).paymentId}` };
}

/** One payment attempt: its facts, its refunds, and every notification received for it (secrets masked). */
export default async function PaymentPage({ params }: { params: Params }) {
  await requirePermission('payments.read');
  const id = parseOrderId((await params).paymentId);
  const detail = id === null ? null : await getPayment(getDb(), id);
  if (!detail) notFound();
  const [t, tOrders, format, locale] = await Promise.all([
    getTranslations('refunds'),
    getTranslations('orders'),
    getFormatter(),
    getLocale(),
  ]);
  const { payment } = detail;
  const when = (value: Date | null) => (value ? format.dateTime(value, DATE_TIME) : '—');
  const facts: [string, React.ReactNode][] = [
    [
      t('detail.order'),
      <Link key="o" href={`/orders/${detail.order.id}`} className="font-mono text-sky-700 hover:underline">
        {detail.order.number}
      </Link>,
    ],
    [tOrders('detail.method'), tOrders(`paymentMethod.${payment.method}`)],
    [tOrders('detail.state'), tOrders(`paymentStatus.${payment.status}`)],
    [t('detail.amount'), formatMoney(payment.amountCents, payment.currency, locale)],
    [
      t('detail.outTradeNo'),
      <span key="n" className="font-mono">
        {payment.outTradeNo}
      </span>,
    ],
    [
      t('detail.providerTxnId'),
      <span key="p" className="font-mono">
        {payment.providerTxnId ?? '—'}
      </span>,
    ],
    [t('detail.created'), when(payment.createdAt)],
    [t('detail.paid'), when(payment.paidAt)],
    [t('detail.closed'), when(payment.closedAt)],
  ];
  return (
    <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
      <Link href="/payments" className="text-sm text-slate-500 hover:text-slate-900 hover:underline">
        ← {t('detail.back')}
      </Link>
      <h1 className="font-mono text-xl font-semibold tracking-tight text-slate-900">
        {t('detail.attempt')} {payment.outTradeNo}
      </h1>
      {payment.needsRefund && <p className="text-sm font-medium text-amber-800">{t('panel.owedBack')}</p>}
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-200 px-4 py-2.5 text-sm font-semibold text-slate-900">
          {t('detail.refunds')}
        </h2>
        {detail.refunds.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">{t('detail.noRefunds')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="payment-refunds">
            {detail.refunds.map((refund) => (
              <li
                key={refund.id}
                className="flex flex-wrap items-center gap-3 px-4 py-2"
                data-refund-status={refund.status}
              >
                <span className="font-mono text-xs text-slate-500">{refund.outRefundNo}</span>
                <span className="text-xs font-medium">{tOrders(`refundStatus.${refund.status}`)}</span>
                <span className="text-slate-700">{refund.reason}</span>
                <span className="text-xs text-slate-500">{when(refund.completedAt ?? refund.createdAt)}</span>
                <span className="ml-auto tabular-nums text-rose-700">
                  {formatMoney(-refund.amountCents, refund.currency, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-200 px-4 py-2.5 text-sm font-semibold text-slate-900">
          {t('detail.notifications')}
        </h2>
        {detail.notifications.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">{t('detail.noNotifications')}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="payment-notifications">
            {detail.notifications.map((n) => (
              <li key={n.id} className="space-y-1.5 px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-3">
                  <span className="tabular-nums text-slate-600">{when(n.receivedAt)}</span>
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                    {n.kind === 'refund' ? t('detail.kind.refund') : t('detail.kind.payment')}
                  </span>
                  <span className={`text-xs font-medium ${n.isVerified ? 'text-emerald-700' : 'text-rose-700'}`}>
                    {n.isVerified ? t('detail.verified') : t('detail.notVerified')}
                  </span>
                  <span className="text-xs text-slate-600">{t('detail.outcome', { outcome: n.outcome })}</span>
                  {n.error && <span className="text-xs text-rose-700">{t('detail.error', { error: n.error })}</span>}
                </div>
                <details>
                  <summary className="cursor-pointer text-xs text-slate-500">{t('detail.body')}</summary>
                  <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap break-all">
                    {n.body}
                  </pre>
                  {Object.keys(n.headers).length > 0 && (
                    <pre className="mt-1 max-h-40 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap break-all">
                      {Object.entries(n.headers)
                        .map(([key, value]) => `${key}: ${value}`)
                        .join('\n')}
                    </pre>
                  )}
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
