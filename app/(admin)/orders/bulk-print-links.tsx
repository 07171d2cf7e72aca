'use client';

import { PrintLinks } from '@/components/printing/print-links';

/** Print links for the orders selected on this page of the list. */
export function BulkPrintLinks({ orderIds }: { orderIds: number[] }) {
  return <PrintLinks orderIds={orderIds} testId="bulk-print" />;
}
