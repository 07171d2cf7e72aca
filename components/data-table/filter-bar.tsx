'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { parseAsString, useQueryStates } from 'nuqs';
import { useMemo, useTransition } from 'react';
import { buttonClass } from '@/components/ui/button';
import { compactFieldClass } from '@/components/ui/form-field';

export interface FilterField {
  /** the URL parameter */
  name: string;
  label: string;
  kind: 'search' | 'text' | 'date' | 'select' | 'checkbox';
  placeholder?: string;
  maxLength?: number;
  /** select: the choices; the first with value '' means "any" */
  options?: readonly { value: string; label: string }[];
  /** widen the search box */
  isWide?: boolean;
}

/**
 * The filter bar over a list. Its state is the URL (through nuqs): Apply writes the fields into the
 * query string and drops the page cursor, and the server renders the list for that URL, so every
 * view can be bookmarked and shared. Without JavaScript it is a plain GET form that does the same.
 * Values the server could not use are reported by the page (its "ignored parameters" message).
 */
export function FilterBar({
  fields,
  submitLabel,
  resetLabel,
  resetHref,
  cursorParam = 'cursor',
  label,
  testId,
}: {
  fields: readonly FilterField[];
  submitLabel: string;
  resetLabel: string;
  /** where Reset goes (the list with the parameters a reset keeps, e.g. the archive view) */
  resetHref: string;
  cursorParam?: string;
  label?: string;
  testId?: string;
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const parsers = useMemo(
    () => Object.fromEntries([...fields.map((field) => field.name), cursorParam].map((name) => [name, parseAsString])),
    [fields, cursorParam],
  );
  const [values, setValues] = useQueryStates(parsers, { shallow: false, history: 'push', startTransition });
  const ownNames = new Set([...fields.map((field) => field.name), cursorParam]);
  // the parameters this bar does not own (status tabs, page size...) travel along with a plain GET
  const carried = [...searchParams.entries()].filter(([name]) => !ownNames.has(name));
  const labelClass = 'text-[11px] font-medium uppercase tracking-wide text-slate-500';

  return (
    <form
      method="get"
      action={pathname}
      role="search"
      aria-label={label}
      data-testid={testId}
      aria-busy={isPending}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const next: Record<string, string | null> = { [cursorParam]: null };
        for (const field of fields) {
          const value = String(form.get(field.name) ?? '').trim();
          next[field.name] = value === '' ? null : value;
        }
        void setValues(next);
      }}
    >
      {carried.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const current = values[field.name] ?? '';
        if (field.kind === 'checkbox') {
          return (
            <label key={field.name} className="flex h-8 items-center gap-2 text-sm text-slate-700">
              <input
                key={current}
                type="checkbox"
                name={field.name}
                value="1"
                defaultChecked={current === '1'}
                className="size-4 accent-slate-900"
              />
              {field.label}
            </label>
          );
        }
        return (
          <label
            key={field.name}
            className={`flex flex-col gap-1 ${field.isWide ? 'min-w-0 flex-1 basis-56' : 'max-sm:flex-1'}`}
          >
            <span className={labelClass}>{field.label}</span>
            {field.kind === 'select' ? (
              <select key={current} name={field.name} defaultValue={current} className={compactFieldClass}>
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                key={current}
                type={field.kind}
                name={field.name}
                defaultValue={current}
                placeholder={field.placeholder}
                maxLength={field.maxLength}
                className={compactFieldClass}
              />
            )}
          </label>
        );
      })}
      <button type="submit" className={buttonClass('primary')} disabled={isPending}>
        {submitLabel}
      </button>
      <Link href={resetHref} className={buttonClass('ghost')}>
        {resetLabel}
      </Link>
    </form>
  );
}
