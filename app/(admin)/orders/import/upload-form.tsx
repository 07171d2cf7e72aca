'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { fieldClass, FormField } from '@/components/ui/form-field';

/**
 * The upload: the order file (and a Taobao item file after it) as one raw body, so the server
 * streams it into the database instead of parsing a form; then the import's page follows its dry run.
 */
export function UploadForm({ maxMegabytes }: { maxMegabytes: number }) {
  const t = useTranslations('import');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const orderFile = form.get('orderFile');
    const itemFile = form.get('itemFile');
    if (!(orderFile instanceof File) || orderFile.size === 0) return setError(t('upload.chooseFile'));
    const hasItems = itemFile instanceof File && itemFile.size > 0;
    setError(null);
    setIsSending(true);
    try {
      const response = await fetch('/api/internal/imports', {
        method: 'POST',
        body: hasItems ? new Blob([orderFile, itemFile]) : orderFile,
        headers: {
          'x-file-name': encodeURIComponent(orderFile.name),
          ...(hasItems
            ? { 'x-item-file-name': encodeURIComponent(itemFile.name), 'x-order-file-bytes': String(orderFile.size) }
            : {}),
        },
      });
      const answer = (await response.json()) as { batchId?: number; message?: string };
      if (!response.ok || !answer.batchId) return setError(answer.message ?? response.statusText);
      router.push(`/orders/import/${answer.batchId}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setIsSending(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-4 p-4 sm:grid-cols-2" data-testid="import-upload">
      <FormField
        label={t('upload.orderFile')}
        hint={t('upload.orderFileHint', { megabytes: maxMegabytes })}
        error={error}
      >
        <input type="file" name="orderFile" accept=".csv,.xlsx,text/csv" className={fieldClass} />
      </FormField>
      <FormField label={t('upload.itemFile')} hint={t('upload.itemFileHint')}>
        <input type="file" name="itemFile" accept=".csv,.xlsx,text/csv" className={fieldClass} />
      </FormField>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSending} data-testid="import-submit">
          {isSending ? t('upload.uploading') : t('upload.submit')}
        </Button>
      </div>
    </form>
  );
}
