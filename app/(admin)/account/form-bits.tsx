import type { ActionResult } from '@/lib/actions/staff-action';

export const inputClass =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm outline-none transition focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 aria-invalid:border-red-400';
export const primaryButton =
  'rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-70';
export const secondaryButton =
  'rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70';

/** A labelled input with its field error under it (ids let the error be read with the field). */
export function Field({
  id,
  label,
  error,
  hint,
  ...input
}: { id: string; label: string; error?: string[]; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} data-testid={`field-error-${input.name}`} className="mt-1 text-xs text-red-600">
          {error.join(' ')}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

/** The form-level message of a failed action when no field carries it. */
export function FormError({ result, testId }: { result: ActionResult<unknown> | null; testId: string }) {
  if (!result || result.ok || (result.fieldErrors && Object.keys(result.fieldErrors).length > 0)) return null;
  return (
    <p data-testid={testId} className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {result.message}
    </p>
  );
}

export function Success({ children, testId }: { children: React.ReactNode; testId: string }) {
  return (
    <p
      data-testid={testId}
      className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
    >
      {children}
    </p>
  );
}
