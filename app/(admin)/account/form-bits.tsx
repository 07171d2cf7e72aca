import { FormField, fieldClass } from '@/components/ui/form-field';
import type { ActionResult } from '@/lib/actions/staff-action';

// the console's one look for buttons and fields (components/ui), here in the account forms' shape
export { primaryButton, secondaryButton } from '@/components/ui/button';

/** A labelled input with its field error under it, through the shared FormField. */
export function Field({
  id,
  label,
  error,
  hint,
  ...input
}: { id: string; label: string; error?: string[]; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FormField
      label={label}
      hint={error ? undefined : hint}
      error={error ? <span data-testid={`field-error-${input.name}`}>{error.join(' ')}</span> : undefined}
    >
      <input id={id} className={fieldClass} {...input} />
    </FormField>
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
