'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { fieldClass, FormField } from '@/components/ui/form-field';
import { toast } from '@/components/ui/toast';
import type { SpecAttribute } from '@/db/schema/catalog';
import type { CategoryOption } from '@/domain/catalog/categories';
import { minorUnitsToDecimal } from '@/domain/shared/money';
import { addSkuAction, archiveSkuAction, updateProductAction, updateSkuAction } from '../actions';
import { errorOf, formObject, ProductFields, type FieldErrors } from '../product-fields';

type Input<A extends (input: never) => unknown> = Parameters<A>[0];

/** The product's fields, saved against the version the page was loaded at. */
export function EditProductForm({
  product,
  categories,
}: {
  product: {
    id: number;
    version: number;
    name: string;
    categoryId: number | null;
    brand: string | null;
    description: string | null;
    isActive: boolean;
  };
  categories: CategoryOption[];
}) {
  const t = useTranslations('catalog.product');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      key={product.version}
      data-testid="edit-product-form"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const input = { ...formObject(event.currentTarget), productId: product.id, version: product.version };
        startTransition(async () => {
          const result = await updateProductAction(input as Input<typeof updateProductAction>);
          setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
          setMessage(result.ok ? null : result.message);
          if (result.ok) {
            toast.success(t('saved'));
            router.refresh();
          }
        });
      }}
    >
      <ProductFields categories={categories} errors={errors} defaults={product} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {t('save')}
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

export interface SkuFormValues {
  id: number;
  code: string;
  version: number;
  barcode: string | null;
  isBarcodeInternal: boolean;
  priceCents: number;
  costCents: number;
  weightGrams: number;
  lowStockThreshold: number | null;
  isActive: boolean;
}

/** A button that opens the SKU form in a dialog: editing `sku`, or adding one to the product. */
export function SkuDialogButton({
  productId,
  attributes,
  sku,
}: {
  productId: number;
  attributes: SpecAttribute[];
  sku?: SkuFormValues;
}) {
  const t = useTranslations('catalog');
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [isPending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const yuan = (cents: number | undefined) => (cents === undefined ? '' : minorUnitsToDecimal(cents, 2));
  const close = () => {
    setIsOpen(false);
    setErrors({});
    setMessage(null);
  };
  return (
    <>
      <Button
        variant={sku ? 'secondary' : 'primary'}
        size="sm"
        onClick={() => setIsOpen(true)}
        data-testid={sku ? `edit-sku-${sku.code}` : 'add-sku'}
      >
        {sku ? t('product.edit') : t('product.addSku')}
      </Button>
      {isOpen && (
        <Dialog
          title={sku ? t('product.editSku', { code: sku.code }) : t('product.addSku')}
          onClose={close}
          testId="sku-dialog"
        >
          <form
            className="grid gap-3 sm:grid-cols-2"
            onSubmit={(event) => {
              event.preventDefault();
              const fields = formObject(event.currentTarget);
              const specValues = Object.fromEntries(
                attributes.map((a, i) => [a.name, String(fields[`spec${i}`] ?? '')]),
              );
              startTransition(async () => {
                const result = sku
                  ? await updateSkuAction({ ...fields, skuId: sku.id, version: sku.version } as Input<
                      typeof updateSkuAction
                    >)
                  : await addSkuAction({ ...fields, productId, specValues } as Input<typeof addSkuAction>);
                if (result.ok) {
                  toast.success(t('product.saved'));
                  close();
                  router.refresh();
                  return;
                }
                // spec values come back keyed by the attribute's name; show them on its input
                const shown: FieldErrors = { ...(result.fieldErrors ?? {}) };
                attributes.forEach((a, i) => {
                  const error = shown[`specValues.${a.name}`];
                  if (error) shown[`spec${i}`] = error;
                });
                setErrors(shown);
                setMessage(result.message);
              });
            }}
          >
            {!sku && (
              <>
                <FormField label={t('fields.code')} error={errorOf(errors, 'code')} required>
                  <input name="code" maxLength={64} className={`${fieldClass} font-mono uppercase`} />
                </FormField>
                {attributes.length === 0 ? (
                  <FormField label={t('fields.variant')} error={errorOf(errors, 'variant')}>
                    <input name="variant" maxLength={80} className={fieldClass} />
                  </FormField>
                ) : (
                  attributes.map((a, i) => (
                    <FormField key={a.name} label={a.name} error={errorOf(errors, `spec${i}`)} required>
                      <input name={`spec${i}`} maxLength={40} list={`spec-values-${i}`} className={fieldClass} />
                    </FormField>
                  ))
                )}
                {attributes.map((a, i) => (
                  <datalist key={a.name} id={`spec-values-${i}`}>
                    {a.values.map((v) => (
                      <option key={v} value={v} />
                    ))}
                  </datalist>
                ))}
              </>
            )}
            <FormField label={t('fields.price')} error={errorOf(errors, 'price')} required>
              <input name="price" inputMode="decimal" defaultValue={yuan(sku?.priceCents)} className={fieldClass} />
            </FormField>
            <FormField label={t('fields.cost')} error={errorOf(errors, 'cost')} required>
              <input name="cost" inputMode="decimal" defaultValue={yuan(sku?.costCents)} className={fieldClass} />
            </FormField>
            <FormField label={t('fields.barcode')} hint={t('fields.barcodeHint')} error={errorOf(errors, 'barcode')}>
              <input
                name="barcode"
                maxLength={32}
                defaultValue={sku?.barcode ?? ''}
                className={`${fieldClass} font-mono`}
              />
            </FormField>
            <label className="flex items-end gap-2 pb-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                name="isBarcodeInternal"
                defaultChecked={sku?.isBarcodeInternal ?? false}
                className="size-4 rounded border-slate-300"
              />
              {t('fields.isBarcodeInternal')}
            </label>
            <FormField label={t('fields.weightGrams')} error={errorOf(errors, 'weightGrams')}>
              <input
                name="weightGrams"
                inputMode="numeric"
                defaultValue={sku?.weightGrams ?? ''}
                className={fieldClass}
              />
            </FormField>
            <FormField
              label={t('fields.lowStockThreshold')}
              hint={t('fields.lowStockThresholdHint')}
              error={errorOf(errors, 'lowStockThreshold')}
            >
              <input
                name="lowStockThreshold"
                inputMode="numeric"
                defaultValue={sku?.lowStockThreshold ?? ''}
                className={fieldClass}
              />
            </FormField>
            <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
              <input
                type="checkbox"
                name="isActive"
                defaultChecked={sku?.isActive ?? true}
                className="size-4 rounded border-slate-300"
              />
              {t('fields.skuActive')}
            </label>
            {message && (
              <p className="text-sm text-rose-700 sm:col-span-2" data-testid="form-error">
                {message}
              </p>
            )}
            <div className="flex justify-end gap-2 sm:col-span-2">
              <Button variant="secondary" onClick={close}>
                {t('product.cancel')}
              </Button>
              <Button type="submit" disabled={isPending}>
                {t('product.save')}
              </Button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}

/** Archive, after saying what it means. */
export function ArchiveSkuButton({ skuId, code }: { skuId: number; code: string }) {
  const t = useTranslations('catalog.product');
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setIsOpen(true)} data-testid={`archive-sku-${code}`}>
        {t('archive')}
      </Button>
      {isOpen && (
        <Dialog title={t('archive')} description={t('archiveConfirm', { code })} onClose={() => setIsOpen(false)}>
          {message && <p className="mb-3 text-sm text-rose-700">{message}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setIsOpen(false)}>
              {t('cancel')}
            </Button>
            <Button
              variant="danger"
              disabled={isPending}
              data-testid="confirm-archive"
              onClick={() =>
                startTransition(async () => {
                  const result = await archiveSkuAction({ skuId });
                  if (!result.ok) {
                    setMessage(result.message);
                    return;
                  }
                  toast.success(t('archived', { code }));
                  setIsOpen(false);
                  router.refresh();
                })
              }
            >
              {t('archive')}
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}
