'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { CharacterCount } from '@/components/ui/character-count';
import { fieldClass, primaryButton, secondaryButton } from '@/components/ui/modal-dialog';
import { MAX_ORDER_NOTE_LENGTH } from '@/domain/orders/text-limits';
import { addOrderNoteAction, setOrderTagsAction } from './actions';

/** The internal-note form; notes then appear in the timeline. */
export function AddNoteForm({ orderId }: { orderId: number }) {
  const t = useTranslations('orders.actions');
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [length, setLength] = useState(0);
  return (
    <form
      key={formKey}
      className="space-y-2 border-t border-slate-200 px-4 py-3"
      data-testid="note-form"
      onSubmit={(event) => {
        event.preventDefault();
        const note = String(new FormData(event.currentTarget).get('note') ?? '');
        setMessage(null);
        startTransition(async () => {
          const result = await addOrderNoteAction({ orderId, note });
          if (result.ok) {
            setFormKey((key) => key + 1);
            setLength(0);
            setMessage({ tone: 'ok', text: t('done.note') });
          } else setMessage({ tone: 'error', text: result.fieldErrors?.note?.[0] ?? result.message });
        });
      }}
    >
      <label htmlFor="order-note" className="block text-xs font-medium text-slate-600">
        {t('notes.label')}
      </label>
      <textarea
        id="order-note"
        name="note"
        rows={2}
        required
        placeholder={t('notes.placeholder')}
        className={fieldClass}
        onChange={(event) => setLength(event.target.value.length)}
        aria-invalid={length > MAX_ORDER_NOTE_LENGTH ? true : undefined}
      />
      <CharacterCount length={length} max={MAX_ORDER_NOTE_LENGTH} testId="note-count" />
      <div className="flex items-center justify-between gap-2">
        <p
          className={`text-xs ${message?.tone === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}
          data-testid="note-message"
        >
          {message?.text}
        </p>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {t('notes.submit')}
        </button>
      </div>
    </form>
  );
}

/** Tags with an inline editor for people allowed to change them. */
export function OrderTagsEditor({ orderId, tags, canEdit }: { orderId: number; tags: string[]; canEdit: boolean }) {
  const t = useTranslations('orders.actions');
  const [isEditing, setIsEditing] = useState(false);
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (!isEditing) {
    return (
      <div className="flex flex-wrap items-center gap-1" data-testid="order-tags">
        {tags.length === 0 ? (
          <span className="text-xs text-slate-400">{t('tags.none')}</span>
        ) : (
          tags.map((tag) => (
            <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
              {tag}
            </span>
          ))
        )}
        {canEdit && (
          <button
            type="button"
            onClick={() => setIsEditing(true)}
            className="ml-1 text-xs font-medium text-sky-700 hover:underline"
          >
            {t('tags.edit')}
          </button>
        )}
      </div>
    );
  }
  return (
    <form
      className="space-y-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get('tags') ?? '');
        setError(null);
        startTransition(async () => {
          const result = await setOrderTagsAction({ orderId, tags: value });
          if (result.ok) setIsEditing(false);
          else setError(result.fieldErrors?.tags?.[0] ?? result.message);
        });
      }}
    >
      <label htmlFor="order-tags-input" className="block text-xs font-medium text-slate-600">
        {t('tags.label')}
      </label>
      <input
        id="order-tags-input"
        name="tags"
        defaultValue={tags.join(', ')}
        autoFocus
        className={fieldClass}
        aria-invalid={error ? true : undefined}
      />
      <p className="text-xs text-slate-500">{t('tags.hint')}</p>
      {error && (
        <p className="text-xs text-rose-700" data-testid="tags-error">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={() => {
            setIsEditing(false);
            setError(null);
          }}
          className={secondaryButton}
        >
          {t('tags.cancel')}
        </button>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {t('tags.save')}
        </button>
      </div>
    </form>
  );
}
