'use client';

import { PrintLinks } from '@/components/printing/print-links';
import { useSelection } from './bulk-selection';

/** Print links for the orders selected on this page of the list. */
export function BulkPrintLinks() {
  const { selected } = useSelection();
  return <PrintLinks orderIds={[...selected]} testId="bulk-print" />;
}
