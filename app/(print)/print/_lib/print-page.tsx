import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listLabelCarriers } from '@/domain/logistics/printing/find-label-carrier';
import { parsePrintParams, printQuery, type PrintParams } from '@/domain/logistics/printing/print-params';
import { requirePermission } from '@/lib/auth/current-staff';
import { renderPrintDocument, type PrintDoc } from './print-document';
import { PrintToolbar } from './print-toolbar';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The body of /print/<doc>: the document with its own stylesheet, and the screen toolbar. */
export async function PrintPage({ doc, searchParams }: { doc: PrintDoc; searchParams: SearchParams }) {
  await requirePermission('shipping.read');
  const [t, locale] = await Promise.all([getTranslations('printing'), getLocale()]);
  const parsed = parsePrintParams(await searchParams);
  if (!parsed.ok) return <PrintParamsError message={t(`errors.${parsed.code}`, parsed.params)} />;

  const rendered = await renderPrintDocument(getDb(), doc, parsed.data, { t, locale, now: new Date() });
  if (!rendered.ok) return <PrintParamsError message={t(`errors.${rendered.code}`)} />;
  const { kind, css, body, orderCount, notices, skipped } = rendered.data;
  const query = printQuery(parsed.data);
  const carriers = doc === 'labels' ? await listLabelCarriers(getDb()) : null;
  const isChinese = locale.startsWith('zh');
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: css }} />
      <PrintToolbar
        title={t(`titles.${kind}`)}
        query={query}
        pdfHref={`/print/${doc}.pdf?${query}`}
        orderCount={orderCount}
        notices={notices}
        skipped={skipped}
        links={documentLinks(parsed.data).map((link) => ({
          ...link,
          label: t(`titles.${link.kind}`),
          isCurrent: link.kind === kind,
        }))}
        carrierChoice={
          carriers && {
            hidden: Object.fromEntries(new URLSearchParams(printQuery({ ...parsed.data, carrierCode: null }))),
            current: parsed.data.carrierCode ?? '',
            options: carriers.map((c) => ({ code: c.code, name: isChinese ? c.name : c.nameEn })),
          }
        }
      />
      <div className="print-doc">{body}</div>
    </>
  );
}

/** The four documents of the same run, for moving between them without going back to the list. */
function documentLinks(params: PrintParams) {
  return [
    { kind: 'pick-list', href: `/print/pick-list?${printQuery(params)}` },
    { kind: 'packing-slips', href: `/print/packing-slips?${printQuery(params)}` },
    { kind: 'labels-thermal', href: `/print/labels?${printQuery({ ...params, format: 'thermal' })}` },
    { kind: 'labels-a4', href: `/print/labels?${printQuery({ ...params, format: 'a4' })}` },
  ] as const;
}

async function PrintParamsError({ message }: { message: string }) {
  const t = await getTranslations('printing');
  return (
    <div className="mx-auto max-w-xl px-6 py-16" data-testid="print-error">
      <h1 className="text-lg font-semibold text-slate-900">{t('errors.title')}</h1>
      <p className="mt-2 text-sm text-rose-700">{message}</p>
      <Link href="/orders" className="mt-4 inline-block text-sm text-sky-700 hover:underline">
        {t('errors.back')}
      </Link>
    </div>
  );
}
