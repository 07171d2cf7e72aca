'use client';

import { useTranslations } from 'next-intl';
import { fieldClass, FormField } from '@/components/ui/form-field';
import type { CategoryOption } from '@/domain/catalog/categories';

export type FieldErrors = Record<string, string[]>;

export const errorOf = (errors: FieldErrors, name: string) => errors[name]?.join(' ');

/** The product's own fields, shared by the create and edit forms. */
export function ProductFields({
  categories,
  errors,
  defaults,
}: {
  categories: CategoryOption[];
  errors: FieldErrors;
  defaults?: {
    name: string;
    categoryId: number | null;
    brand: string | null;
    description: string | null;
    isActive: boolean;
  };
}) {
  const t = useTranslations('catalog.fields');
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField label={t('name')} error={errorOf(errors, 'name')} required>
        <input name="name" maxLength={120} defaultValue={defaults?.name} className={fieldClass} />
      </FormField>
      <FormField label={t('category')} error={errorOf(errors, 'categoryId')} required>
        <select name="categoryId" defaultValue={defaults?.categoryId ?? ''} className={fieldClass}>
          <option value="">{t('chooseCategory')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.path}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('brand')} error={errorOf(errors, 'brand')}>
        <input name="brand" maxLength={60} defaultValue={defaults?.brand ?? ''} className={fieldClass} />
      </FormField>
      <label className="flex items-end gap-2 pb-1.5 text-sm text-slate-700">
        <input
          type="checkbox"
          name="isActive"
          defaultChecked={defaults?.isActive ?? true}
          className="size-4 rounded border-slate-300"
        />
        {t('isActive')}
      </label>
      <FormField label={t('description')} error={errorOf(errors, 'description')} className="sm:col-span-2">
        <textarea
          name="description"
          rows={3}
          maxLength={2000}
          defaultValue={defaults?.description ?? ''}
          className={fieldClass}
        />
      </FormField>
    </div>
  );
}

/** A form's fields as an object (checkboxes as booleans), for the catalog's server actions. */
export function formObject(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const out: Record<string, unknown> = {};
  for (const [key, value] of data.entries()) if (typeof value === 'string') out[key] = value;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox][name]')) out[box.name] = box.checked;
  return out;
}
