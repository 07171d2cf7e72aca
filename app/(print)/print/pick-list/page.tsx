import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PrintPage } from '../_lib/print-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('printing'))('titles.pick-list') };
}

/** /print/pick-list?orders=1,2,3 or ?warehouse=ID: batch picking by warehouse, bin and SKU. */
export default function PickListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <PrintPage doc="pick-list" searchParams={searchParams} />;
}
