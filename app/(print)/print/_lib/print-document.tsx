import type { ReactElement } from 'react';
import type { Database } from '@/db/client';
import { PackingSlipsDocument } from '@/components/printing/packing-slips-document';
import { PickListDocument } from '@/components/printing/pick-list-document';
import { printCss, type PrintDocumentKind } from '@/components/printing/print-css';
import { ShippingLabelsDocument } from '@/components/printing/shipping-labels-document';
import type { Translate } from '@/components/printing/translate';
import { findLabelCarrier } from '@/domain/logistics/printing/find-label-carrier';
import { loadPrintBatch } from '@/domain/logistics/printing/load-print-batch';
import { buildPackingSlips } from '@/domain/logistics/printing/packing-slips';
import { buildPickList } from '@/domain/logistics/printing/pick-list';
import { MAX_PRINT_ORDERS, type PrintParams } from '@/domain/logistics/printing/print-params';
import { buildShippingLabels } from '@/domain/logistics/printing/shipping-labels';
import { fail, ok, type Result } from '@/domain/shared/result';

/** The three printable documents; their pages live at /print/<doc> and their PDFs at /print/<doc>.pdf. */
export const PRINT_DOCS = ['pick-list', 'packing-slips', 'labels'] as const;
export type PrintDoc = (typeof PRINT_DOCS)[number];

export interface RenderedPrintDocument {
  kind: PrintDocumentKind;
  css: string;
  body: ReactElement;
  orderCount: number;
  /** things the person should know that do not stop the printing (missing orders, a capped run) */
  notices: string[];
  /** selected orders left out because their status does not let them ship, with the reason */
  skipped: { number: string; reason: string }[];
}

/**
 * Loads and lays out one document. The print page and the PDF route both call this, so the PDF is
 * the same markup and stylesheet the browser prints.
 */
export async function renderPrintDocument(
  db: Database,
  doc: PrintDoc,
  params: PrintParams,
  context: { t: Translate; locale: string; now: Date },
): Promise<Result<RenderedPrintDocument, 'invalid_carrier'>> {
  const { t, locale, now } = context;
  const plannedCarrier = doc === 'labels' && params.carrierCode ? await findLabelCarrier(db, params.carrierCode) : null;
  if (doc === 'labels' && params.carrierCode && !plannedCarrier) {
    return fail('invalid_carrier', `carrier ${params.carrierCode} is not an active carrier`, {
      carrier: ['invalid_carrier'],
    });
  }
  const batch = await loadPrintBatch(db, params.selection);
  const notices: string[] = [];
  if (batch.missingOrderIds.length > 0) {
    notices.push(
      t('notices.missingOrders', {
        count: batch.missingOrderIds.length,
        ids: batch.missingOrderIds.slice(0, 20).join(', '),
      }),
    );
  }
  if (batch.hasMore) notices.push(t('notices.hasMore', { max: MAX_PRINT_ORDERS }));

  const kind: PrintDocumentKind = doc === 'labels' ? (params.format === 'a4' ? 'labels-a4' : 'labels-thermal') : doc;
  const body =
    doc === 'pick-list' ? (
      <PickListDocument pickList={buildPickList(batch)} printedAt={now} locale={locale} t={t} />
    ) : doc === 'packing-slips' ? (
      <PackingSlipsDocument slips={buildPackingSlips(batch)} locale={locale} t={t} />
    ) : (
      <ShippingLabelsDocument
        labels={buildShippingLabels(batch, plannedCarrier)}
        format={params.format}
        printedAt={now}
        locale={locale}
        t={t}
      />
    );
  const skipped = batch.skipped.map((order) => ({
    number: order.number,
    reason: t(`skipped.reasons.${order.status}`),
  }));
  return ok({ kind, css: printCss(kind), body, orderCount: batch.orders.length, notices, skipped });
}
