import Link from 'next/link';

/**
 * The console's buttons: one primary colour (slate-900) everywhere, so the thing to press next
 * looks the same on every page. Links styled as buttons use the same classes.
 */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost' | 'link';
export type ButtonSize = 'sm' | 'md';

const BASE =
  'inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md font-medium ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-slate-900 text-white shadow-xs hover:bg-slate-800',
  secondary: 'border border-slate-300 bg-white text-slate-700 shadow-xs hover:bg-slate-50',
  danger: 'bg-rose-600 text-white shadow-xs hover:bg-rose-500',
  ghost: 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
  link: 'text-sky-700 underline-offset-2 hover:underline',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'h-7 px-2.5 text-xs',
  md: 'h-8 px-3.5 text-sm',
};

/** The class list of a button (or of a link that looks like one). */
export function buttonClass(variant: ButtonVariant = 'primary', size: ButtonSize = 'md', extra = ''): string {
  const sizing = variant === 'link' ? 'text-sm' : SIZES[size];
  return `${BASE} ${VARIANTS[variant]} ${sizing}${extra ? ` ${extra}` : ''}`;
}

/** Kept for the forms written before the variants: the same three looks. */
export const primaryButton = buttonClass('primary');
export const secondaryButton = buttonClass('secondary');
export const dangerButton = buttonClass('danger');

type ButtonProps = React.ComponentProps<'button'> & { variant?: ButtonVariant; size?: ButtonSize };

export function Button({ variant = 'primary', size = 'md', className = '', type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}

type ButtonLinkProps = React.ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize };

export function ButtonLink({ variant = 'primary', size = 'md', className = '', ...props }: ButtonLinkProps) {
  return <Link className={buttonClass(variant, size, className)} {...props} />;
}
