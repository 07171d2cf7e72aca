import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PrintPage } from '../_lib/print-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('printing'))('titles.packing-slips') };
}

/** /print/packing-slips?orders=1,2,3: one slip per order, each on its own page. */
export default function PackingSlipsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <PrintPage doc="packing-slips" searchParams={searchParams} />;
}
