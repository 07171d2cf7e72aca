import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { buttonClass } from '@/components/ui/button';
import { SectionCard } from '@/components/ui/section-card';
import { getDb } from '@/db/client';
import { listCategories } from '@/domain/catalog/categories';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { AddCategoryForm } from './add-category-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('catalog.categories');
  return { title: t('title') };
}

/** The category tree, each category linking to its products; adding one needs catalog.write. */
export default async function CategoriesPage() {
  const staff = await requirePermission('catalog.read');
  const [categories, t] = await Promise.all([listCategories(getDb()), getTranslations('catalog')]);
  return (
    <>
      <PageHeader
        title={t('categories.title')}
        description={t('categories.description')}
        actions={
          <Link href="/catalog" className={buttonClass('ghost')}>
            {t('create.back')}
          </Link>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        {can(staff, 'catalog.write') && (
          <SectionCard>
            <AddCategoryForm categories={categories} />
          </SectionCard>
        )}
        <SectionCard testId="category-tree">
          {categories.length === 0 ? (
            <p className="text-sm text-slate-500">{t('categories.empty')}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {categories.map((c) => (
                <li key={c.id} style={{ paddingLeft: `${c.depth * 1.5}rem` }} data-category={c.path}>
                  <span className="text-slate-900">{c.name}</span>
                  <Link href={`/catalog?category=${c.id}`} className="ml-3 text-xs text-sky-700 hover:underline">
                    {t('categories.products')}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </SectionCard>
      </div>
    </>
  );
}
