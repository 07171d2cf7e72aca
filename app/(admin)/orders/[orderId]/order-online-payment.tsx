import { getFormatter, getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import type { Payment } from '@/db/schema/payments';
import { isProviderMethod } from '@/domain/payments/attempts';
import { formatMoney } from '@/domain/shared/money';
import { Card } from './card';
import { CreatePaymentForm, QueryStatusButton } from './online-payment-controls';

const DATE_TIME = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const;

/**
 * The order page's payment section for operations, finance and admin (payments.collect): create a provider
 * attempt while the order is pending payment, pay it (link, QR, form), query its status.
 */
export async function OrderOnlinePayment({
  orderId,
  canCreate,
  enabledMethods,
  attempts,
  locale,
}: {
  orderId: number;
  canCreate: boolean;
  enabledMethods: string[];
  attempts: Payment[];
  locale: string;
}) {
  const [t, tm, format] = await Promise.all([
    getTranslations('payments.order'),
    getTranslations('payments.settings.methods'),
    getFormatter(),
  ]);
  const providerAttempts = attempts.filter((p) => isProviderMethod(p.method)).toReversed();
  const qrCodes = new Map(
    await Promise.all(
      providerAttempts
        .filter((p) => p.status === 'pending' && p.checkout?.kind === 'qr')
        .map(
          async (p) =>
            [
              p.id,
              await QRCode.toDataURL(p.checkout?.kind === 'qr' ? p.checkout.codeUrl : '', { margin: 1, width: 160 }),
            ] as const,
        ),
    ),
  );
  const th = 'px-4 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500';
  const tone = (status: string) =>
    status === 'succeeded' ? 'text-emerald-700' : status === 'failed' ? 'text-rose-700' : 'text-slate-500';

  return (
    <Card title={t('title')}>
      <div data-testid="online-payment">
        {canCreate && enabledMethods.length > 0 && (
          <div className="border-b border-slate-200 px-4 py-3">
            <CreatePaymentForm orderId={orderId} methods={enabledMethods.map((m) => ({ value: m, label: tm(m) }))} />
          </div>
        )}
        {providerAttempts.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">{t('noAttempts')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="payment-attempts">
              <thead className="bg-slate-50">
                <tr className="border-b border-slate-200">
                  <th className={th}>{t('method')}</th>
                  <th className={th}>{t('outTradeNo')}</th>
                  <th className={th}>{t('state')}</th>
                  <th className={th}>{t('created')}</th>
                  <th className={`${th} text-right`}>{t('amount')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {providerAttempts.map((p) => (
                  <tr
                    key={p.id}
                    data-testid="payment-attempt"
                    data-out-trade-no={p.outTradeNo}
                    data-status={p.status}
                    className="align-top"
                  >
                    <td className="px-4 py-2">{tm(p.method)}</td>
                    <td className="px-4 py-2 font-mono text-xs text-slate-600">
                      <div>{p.outTradeNo}</div>
                      {p.providerTxnId && (
                        <div className="text-slate-400">
                          {t('providerTxnId')}: {p.providerTxnId}
                        </div>
                      )}
                      {p.status === 'pending' && p.checkout?.kind === 'redirect' && (
                        <a
                          href={p.checkout.url}
                          className="mt-1 inline-block font-sans text-sm font-medium text-sky-700 hover:underline"
                          data-testid="pay-link"
                        >
                          {t('payLink')}
                        </a>
                      )}
                      {p.status === 'pending' && p.checkout?.kind === 'form' && (
                        <form method="post" action={p.checkout.action} className="mt-1">
                          {Object.entries(p.checkout.fields).map(([name, value]) => (
                            <input key={name} type="hidden" name={name} value={value} />
                          ))}
                          <button
                            type="submit"
                            className="font-sans text-sm font-medium text-sky-700 hover:underline"
                            data-testid="pay-link"
                          >
                            {t('payLink')}
                          </button>
                        </form>
                      )}
                      {p.status === 'pending' && p.checkout?.kind === 'qr' && (
                        <div className="mt-1 font-sans">
                          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimise */}
                          <img
                            src={qrCodes.get(p.id)}
                            alt={t('scanToPay')}
                            width={160}
                            height={160}
                            data-testid="pay-qr"
                          />
                          <a
                            href={p.checkout.codeUrl}
                            className="text-xs text-sky-700 hover:underline"
                            data-testid="pay-link"
                          >
                            {t('scanToPay')}
                          </a>
                        </div>
                      )}
                    </td>
                    <td className={`px-4 py-2 text-xs font-medium ${tone(p.status)}`}>
                      <div data-testid="attempt-status">{t(`statuses.${p.status}`)}</div>
                      {p.needsRefund && (
                        <div className="mt-0.5 text-amber-700" data-testid="attempt-needs-refund">
                          {t('needsRefund')}
                        </div>
                      )}
                      <QueryStatusButton orderId={orderId} paymentId={p.id} />
                    </td>
                    <td className="px-4 py-2 tabular-nums text-slate-600">{format.dateTime(p.createdAt, DATE_TIME)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">
                      {formatMoney(p.amountCents, p.currency, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Card>
  );
}
