import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { PROVIDER_SLUGS } from '@/domain/payments/notify-urls';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { getSandboxTrade } from './books';
import { SANDBOX_MERCHANTS } from './merchants';
import { isSandboxEnabled } from './register';
import { formatMoney } from '@/domain/shared/money';

const TONE: Record<ProviderMethod, string> = {
  alipay: 'bg-sky-600',
  wechat_pay: 'bg-emerald-600',
  unionpay: 'bg-rose-700',
};

export async function sandboxPayMetadata(provider: ProviderMethod): Promise<Metadata> {
  const t = await getTranslations('payments.sandbox');
  return { title: t('title', { provider: t(`providers.${provider}`) }) };
}

/** The sandbox cashier: what the buyer is asked to pay, and the three things a buyer can do. */
export async function SandboxPayPage({ provider, id }: { provider: ProviderMethod; id: string }) {
  if (!isSandboxEnabled()) notFound();
  const trade = await getSandboxTrade(getDb(), id);
  if (!trade || trade.provider !== provider) notFound();
  const [t, locale] = await Promise.all([getTranslations('payments.sandbox'), getLocale()]);
  const merchant = SANDBOX_MERCHANTS[provider];
  const row = 'flex justify-between gap-6 py-2 text-sm';
  const button = 'h-10 flex-1 rounded-md text-sm font-semibold';

  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <header className={`${TONE[provider]} px-5 py-4 text-white`}>
          <h1 className="text-lg font-semibold">{t('title', { provider: t(`providers.${provider}`) })}</h1>
          <p className="text-xs opacity-90">{t('banner')}</p>
        </header>
        <dl className="divide-y divide-slate-100 px-5" data-testid="sandbox-trade">
          <div className={row}>
            <dt className="text-slate-500">{t('merchant')}</dt>
            <dd>
              {merchant.name} ({trade.merchantId})
            </dd>
          </div>
          <div className={row}>
            <dt className="text-slate-500">{t('order')}</dt>
            <dd className="font-mono text-xs" data-testid="sandbox-out-trade-no">
              {trade.outTradeNo}
            </dd>
          </div>
          <div className={row}>
            <dt className="text-slate-500">{t('subject')}</dt>
            <dd>{trade.subject}</dd>
          </div>
          <div className={row}>
            <dt className="text-slate-500">{t('amount')}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid="sandbox-amount">
              {formatMoney(trade.amountCents, trade.currency, locale)}
            </dd>
          </div>
        </dl>
        {trade.status === 'open' ? (
          <form
            method="post"
            action={`/sandbox/${PROVIDER_SLUGS[provider]}/pay/${trade.id}/complete`}
            className="flex gap-2 border-t border-slate-200 p-5"
          >
            <button
              type="submit"
              name="action"
              value="pay"
              className={`${button} ${TONE[provider]} text-white`}
              data-testid="sandbox-pay"
            >
              {t('pay')}
            </button>
            <button
              type="submit"
              name="action"
              value="fail"
              className={`${button} border border-rose-300 text-rose-700`}
              data-testid="sandbox-fail"
            >
              {t('fail')}
            </button>
            <button
              type="submit"
              name="action"
              value="abandon"
              className={`${button} border border-slate-300 text-slate-700`}
              data-testid="sandbox-abandon"
            >
              {t('abandon')}
            </button>
          </form>
        ) : (
          <div className="space-y-2 border-t border-slate-200 p-5 text-sm" data-testid="sandbox-done">
            <p>{t('done', { status: trade.status })}</p>
            {trade.returnUrl && (
              <a href={trade.returnUrl} className="text-sky-700 hover:underline">
                {t('backToMerchant')}
              </a>
            )}
          </div>
        )}
      </div>
    </main>
  );
}
