import { cloneElement, isValidElement, useId } from 'react';

/** Inputs, selects and textareas: one look, red border when aria-invalid. */
export const fieldClass =
  'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-xs ' +
  'focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/20 aria-invalid:border-rose-400 disabled:bg-slate-50';

/** The compact inputs of filter bars (same look, fixed height so they line up with buttons). */
export const compactFieldClass =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs ' +
  'focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/20';

type ControlProps = { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/**
 * A label, the control, a hint and the field's error, wired together: the control gets the id,
 * aria-describedby (hint and error) and aria-invalid, so a screen reader reads the error with it.
 */
export function FormField({
  label,
  hint,
  error,
  children,
  className = '',
  required = false,
  testId,
}: {
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: React.ReactNode;
  /** one input, select or textarea */
  children: React.ReactElement<ControlProps>;
  className?: string;
  required?: boolean;
  testId?: string;
}) {
  const generated = useId();
  const id = (isValidElement(children) && children.props.id) || generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [children.props['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = cloneElement(children, {
    id,
    'aria-describedby': describedBy,
    ...(error ? { 'aria-invalid': true } : {}),
  });
  return (
    <div className={className} data-testid={testId}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span aria-hidden className="ml-0.5 text-rose-600">
            *
          </span>
        )}
      </label>
      {control}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-xs text-rose-700" data-field-error>
          {error}
        </p>
      )}
    </div>
  );
}
