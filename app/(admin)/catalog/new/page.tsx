import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { buttonClass } from '@/components/ui/button';
import { SectionCard } from '@/components/ui/section-card';
import { getDb } from '@/db/client';
import { listCategories } from '@/domain/catalog/categories';
import { requirePermission } from '@/lib/auth/current-staff';
import { CreateProductForm } from './create-product-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('catalog.create');
  return { title: t('title') };
}

export default async function NewProductPage() {
  await requirePermission('catalog.write');
  const [categories, t] = await Promise.all([listCategories(getDb()), getTranslations('catalog')]);
  return (
    <>
      <PageHeader
        title={t('create.title')}
        actions={
          <Link href="/catalog" className={buttonClass('ghost')}>
            {t('create.back')}
          </Link>
        }
      />
      <div className="px-4 py-4 sm:px-6 sm:py-5">
        <SectionCard className="max-w-3xl">
          <CreateProductForm categories={categories} />
        </SectionCard>
      </div>
    </>
  );
}
