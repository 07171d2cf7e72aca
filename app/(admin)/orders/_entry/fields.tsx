'use client';

import { useId } from 'react';

/** Field-level messages from the server action, keyed by path ("shipTo.city", "lines.0.quantity"). */
export type FieldErrors = Record<string, string[]>;

export const inputClass =
  'block h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs outline-none transition focus:border-sky-500 focus:ring-2 focus:ring-sky-500/20 aria-invalid:border-red-400 aria-invalid:bg-red-50/40 disabled:bg-slate-50 disabled:text-slate-500';
export const labelClass = 'mb-1 block text-xs font-medium text-slate-600';

/** A titled panel of the order form. */
export function FormSection({
  title,
  children,
  aside,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  aside?: React.ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={testId}>
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        {aside}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}

/**
 * The message of one field, under it; test ids follow the field path. A field can fail several
 * checks at once (an empty phone is also not a valid number): the first says what to do.
 */
export function FieldError({ id, messages, path }: { id?: string; messages: string[] | undefined; path: string }) {
  if (!messages?.length) return null;
  return (
    <p id={id} data-testid={`field-error-${path}`} className="mt-1 text-xs text-red-600">
      {messages[0]}
    </p>
  );
}

/** A labelled text input bound to one field of the form state, with its server-side messages. */
export function TextField({
  label,
  path,
  value,
  onChange,
  errors,
  className,
  inputProps,
}: {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  className?: string;
  inputProps?: React.InputHTMLAttributes<HTMLInputElement>;
}) {
  const id = useId();
  const messages = errors[path];
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        name={path}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={messages ? true : undefined}
        aria-describedby={messages ? `${id}-error` : undefined}
        className={inputClass}
        autoComplete="off"
        {...inputProps}
      />
      <FieldError id={`${id}-error`} messages={messages} path={path} />
    </div>
  );
}
