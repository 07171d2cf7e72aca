import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PrintPage } from '../_lib/print-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('printing'))('titles.labels-thermal') };
}

/** /print/labels?orders=1,2,3&format=thermal|a4[&carrier=code]: shipping labels, 100 × 150 mm or four per A4 sheet. */
export default function LabelsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <PrintPage doc="labels" searchParams={searchParams} />;
}
