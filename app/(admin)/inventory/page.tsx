import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { requirePermission } from '@/lib/auth/current-staff';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('inventory') };
}

// Not built yet: say so rather than show sample figures.
export default async function InventoryPage() {
  await requirePermission('inventory.read');
  const t = await getTranslations('nav');
  return (
    <>
      <PageHeader title={t('inventory')} />
      <EmptyState section={t('inventory')} />
    </>
  );
}
