'use client';

import { useTranslations } from 'next-intl';

/** On screen only: what is being printed, the other documents of the same run, Print and PDF. */
export function PrintToolbar({
  title,
  query,
  pdfHref,
  orderCount,
  notices,
  skipped,
  links,
  carrierChoice,
}: {
  title: string;
  query: string;
  pdfHref: string;
  orderCount: number;
  notices: string[];
  /** selected orders not printed because they may not ship, with the reason in words */
  skipped: { number: string; reason: string }[];
  links: { href: string; label: string; isCurrent: boolean }[];
  /** labels only: the carrier printed on parcels not shipped yet, chosen by reloading with ?carrier= */
  carrierChoice: { hidden: Record<string, string>; current: string; options: { code: string; name: string }[] } | null;
}) {
  const t = useTranslations('printing');
  return (
    <div
      className="print-toolbar sticky top-0 z-10 border-b border-slate-300 bg-white px-6 py-3 shadow-sm"
      data-testid="print-toolbar"
      data-query={query}
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3">
        <h1 className="text-base font-semibold text-slate-900">{title}</h1>
        <span className="text-sm text-slate-500">{t('toolbar.summary', { orders: orderCount })}</span>
        <nav className="flex flex-wrap gap-1 text-sm" aria-label={t('toolbar.documents')}>
          {links.map((link) => (
            <a
              key={link.href}
              href={link.href}
              aria-current={link.isCurrent ? 'page' : undefined}
              className={
                link.isCurrent
                  ? 'rounded px-2 py-1 font-medium text-slate-900 ring-1 ring-slate-300'
                  : 'rounded px-2 py-1 text-sky-700 hover:bg-sky-50'
              }
            >
              {link.label}
            </a>
          ))}
        </nav>
        {carrierChoice && (
          <form method="get" className="flex items-center gap-1 text-sm" data-testid="label-carrier-form">
            {Object.entries(carrierChoice.hidden).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <label htmlFor="label-carrier" className="text-slate-600">
              {t('toolbar.carrier')}
            </label>
            <select
              id="label-carrier"
              name="carrier"
              defaultValue={carrierChoice.current}
              className="rounded border border-slate-300 px-1 py-0.5"
              onChange={(event) => event.currentTarget.form?.requestSubmit()}
            >
              <option value="">{t('toolbar.noCarrier')}</option>
              {carrierChoice.options.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          </form>
        )}
        <div className="ml-auto flex gap-2">
          <a
            href={pdfHref}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            data-testid="print-pdf"
          >
            {t('toolbar.downloadPdf')}
          </a>
          <button
            type="button"
            onClick={() => window.print()}
            className="rounded-md bg-sky-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-500"
            data-testid="print-button"
          >
            {t('toolbar.print')}
          </button>
        </div>
      </div>
      {skipped.length > 0 && (
        <div className="mx-auto mt-2 max-w-5xl text-sm text-rose-800" data-testid="print-skipped">
          <p className="font-medium">{t('skipped.title', { count: skipped.length })}</p>
          <ul className="mt-1 list-inside list-disc">
            {skipped.map((order) => (
              <li key={order.number} data-testid="print-skipped-order" data-order-number={order.number}>
                <span className="font-mono">{order.number}</span>: {order.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {notices.length > 0 && (
        <ul className="mx-auto mt-2 max-w-5xl text-sm text-amber-800" data-testid="print-notices">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
