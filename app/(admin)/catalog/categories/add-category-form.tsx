'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { fieldClass, FormField } from '@/components/ui/form-field';
import { toast } from '@/components/ui/toast';
import type { CategoryOption } from '@/domain/catalog/categories';
import { MAX_CATEGORY_DEPTH } from '@/domain/catalog/category-depth';
import { createCategoryAction } from '../actions';
import { errorOf, type FieldErrors } from '../product-fields';

/** A new category, at the top or under a category that is not yet at the deepest level. */
export function AddCategoryForm({ categories }: { categories: CategoryOption[] }) {
  const t = useTranslations('catalog.categories');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [seq, setSeq] = useState(0);
  return (
    <form
      key={seq}
      data-testid="add-category-form"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await createCategoryAction(data);
          if (result.ok) {
            toast.success(t('added', { name: result.data.name }));
            setErrors({});
            setMessage(null);
            setSeq((s) => s + 1);
            router.refresh();
            return;
          }
          setErrors(result.fieldErrors ?? {});
          setMessage(result.message);
        });
      }}
    >
      <FormField label={t('name')} error={errorOf(errors, 'name')} required className="min-w-56">
        <input name="name" maxLength={40} className={fieldClass} />
      </FormField>
      <FormField label={t('parent')} error={errorOf(errors, 'parentId')} className="min-w-56">
        <select name="parentId" defaultValue="" className={fieldClass}>
          <option value="">{t('top')}</option>
          {categories
            .filter((c) => c.depth + 1 < MAX_CATEGORY_DEPTH)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
        </select>
      </FormField>
      <Button type="submit" disabled={isPending}>
        {t('add')}
      </Button>
      {message && Object.keys(errors).length === 0 && <span className="text-sm text-rose-700">{message}</span>}
    </form>
  );
}
