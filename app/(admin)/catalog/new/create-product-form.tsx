'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { fieldClass, FormField } from '@/components/ui/form-field';
import type { CategoryOption } from '@/domain/catalog/categories';
import { countVariants, generateVariants, parseSpecValues } from '@/domain/catalog/variants';
import { createProductAction } from '../actions';
import { errorOf, formObject, ProductFields, type FieldErrors } from '../product-fields';

const MAX_ATTRIBUTES = 3;

/** A new product: its fields, up to three spec attributes whose combinations become SKUs, one price for all. */
export function CreateProductForm({ categories }: { categories: CategoryOption[] }) {
  const t = useTranslations('catalog');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [baseCode, setBaseCode] = useState('');
  const [attributes, setAttributes] = useState([
    { name: '', values: '' },
    { name: '', values: '' },
  ]);
  const parsed = attributes.map((a) => ({ name: a.name.trim(), values: parseSpecValues(a.values) }));
  const count = countVariants(parsed);
  const preview = generateVariants(parsed, baseCode.trim().toUpperCase() || 'CODE').slice(0, 12);

  return (
    <form
      data-testid="create-product-form"
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        const input = { ...formObject(event.currentTarget), attributes };
        startTransition(async () => {
          const result = await createProductAction(input as Parameters<typeof createProductAction>[0]);
          if (result.ok) {
            router.push(`/catalog/${result.data.productId}`);
            return;
          }
          setErrors(result.fieldErrors ?? {});
          setMessage(result.message);
        });
      }}
    >
      <ProductFields categories={categories} errors={errors} />
      <div className="grid gap-3 sm:grid-cols-4">
        <FormField
          label={t('fields.baseCode')}
          hint={t('fields.baseCodeHint')}
          error={errorOf(errors, 'baseCode')}
          required
          className="sm:col-span-2"
        >
          <input
            name="baseCode"
            maxLength={60}
            value={baseCode}
            onChange={(e) => setBaseCode(e.target.value)}
            className={`${fieldClass} font-mono uppercase`}
          />
        </FormField>
        <FormField label={t('fields.price')} error={errorOf(errors, 'price')} required>
          <input name="price" inputMode="decimal" className={fieldClass} />
        </FormField>
        <FormField label={t('fields.cost')} error={errorOf(errors, 'cost')} required>
          <input name="cost" inputMode="decimal" className={fieldClass} />
        </FormField>
        <FormField label={t('fields.weightGrams')} error={errorOf(errors, 'weightGrams')}>
          <input name="weightGrams" inputMode="numeric" className={fieldClass} />
        </FormField>
        <FormField
          label={t('fields.lowStockThreshold')}
          hint={t('fields.lowStockThresholdHint')}
          error={errorOf(errors, 'lowStockThreshold')}
        >
          <input name="lowStockThreshold" inputMode="numeric" className={fieldClass} />
        </FormField>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t('fields.attributes')}</legend>
        <p className="text-xs text-slate-500">{t('fields.attributesHint')}</p>
        {errorOf(errors, 'attributes') && <p className="text-xs text-rose-700">{errorOf(errors, 'attributes')}</p>}
        {attributes.map((attribute, index) => (
          <div key={index} className="grid gap-2 sm:grid-cols-3" data-testid={`attribute-${index}`}>
            <FormField label={t('fields.attributeName')} error={errorOf(errors, `attributes.${index}.name`)}>
              <input
                value={attribute.name}
                maxLength={20}
                onChange={(e) =>
                  setAttributes((list) => list.map((a, i) => (i === index ? { ...a, name: e.target.value } : a)))
                }
                className={fieldClass}
              />
            </FormField>
            <FormField
              label={t('fields.attributeValues')}
              error={errorOf(errors, `attributes.${index}.values`)}
              className="sm:col-span-2"
            >
              <input
                value={attribute.values}
                maxLength={500}
                onChange={(e) =>
                  setAttributes((list) => list.map((a, i) => (i === index ? { ...a, values: e.target.value } : a)))
                }
                className={fieldClass}
              />
            </FormField>
          </div>
        ))}
        {attributes.length < MAX_ATTRIBUTES && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setAttributes((list) => [...list, { name: '', values: '' }])}
          >
            + {t('fields.attributes')}
          </Button>
        )}
      </fieldset>
      <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="variant-preview">
        <p className="font-medium text-slate-700">{t('create.preview', { count })}</p>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 font-mono text-xs text-slate-600">
          {preview.map((v) => (
            <li key={v.code}>
              {v.code}
              {v.label && <span className="ml-1 font-sans text-slate-500">{v.label}</span>}
            </li>
          ))}
          {count > preview.length && <li>…</li>}
        </ul>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? t('create.saving') : t('create.submit')}
        </Button>
        {message && (
          <span className="text-sm text-rose-700" data-testid="form-error">
            {message}
          </span>
        )}
      </div>
    </form>
  );
}
