import { useTranslations } from 'next-intl';

/**
 * "Print" links for a set of orders: pick list, packing slips, labels (thermal / A4) and their PDFs.
 * Each opens in a new tab, so the list or order page stays where it was.
 */
export function PrintLinks({ orderIds, testId }: { orderIds: number[]; testId?: string }) {
  const t = useTranslations('printing.entry');
  const disabled = orderIds.length === 0;
  const query = `orders=${orderIds.join(',')}`;
  const docs = [
    { key: 'pick-list', label: t('pickList'), path: 'pick-list', extra: '' },
    { key: 'packing-slips', label: t('packingSlips'), path: 'packing-slips', extra: '' },
    { key: 'labels-thermal', label: t('labelsThermal'), path: 'labels', extra: '&format=thermal' },
    { key: 'labels-a4', label: t('labelsA4'), path: 'labels', extra: '&format=a4' },
  ];
  const link = 'rounded px-1.5 py-0.5 text-sky-700 hover:bg-sky-50 hover:underline';
  return (
    <div
      className="flex flex-wrap items-center gap-x-1 gap-y-1 text-sm"
      data-testid={testId}
      title={disabled ? t('selectFirst') : undefined}
    >
      <span className="mr-1 font-medium text-slate-700">{t('menu')}:</span>
      {docs.map((doc, index) => (
        <span key={doc.key} className="inline-flex items-center">
          {index > 0 && (
            <span className="px-1 text-slate-300" aria-hidden="true">
              |
            </span>
          )}
          {disabled ? (
            <span className="px-1.5 py-0.5 text-slate-400" aria-disabled="true">
              {doc.label}
            </span>
          ) : (
            <>
              <a
                href={`/print/${doc.path}?${query}${doc.extra}`}
                target="_blank"
                rel="noopener"
                className={link}
                data-print-doc={doc.key}
              >
                {doc.label}
              </a>
              <a
                href={`/print/${doc.path}.pdf?${query}${doc.extra}`}
                className="text-xs text-slate-500 hover:underline"
                data-print-pdf={doc.key}
              >
                {t('pdf')}
              </a>
            </>
          )}
        </span>
      ))}
    </div>
  );
}
