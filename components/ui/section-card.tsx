/** A white card with an optional title row: the block every page is built from. */
export function SectionCard({
  title,
  description,
  actions,
  children,
  flush = false,
  className = '',
  testId,
  ...rest
}: {
  title?: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
  /** no padding around the body (tables go edge to edge) */
  flush?: boolean;
  className?: string;
  testId?: string;
} & Omit<React.ComponentProps<'section'>, 'title' | 'children'>) {
  return (
    <section
      className={`rounded-lg border border-slate-200 bg-white shadow-xs ${className}`}
      data-testid={testId}
      {...rest}
    >
      {(title || actions) && (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2.5">
          <div className="min-w-0">
            {title && <h2 className="text-sm font-semibold text-slate-900">{title}</h2>}
            {description && <p className="mt-0.5 text-xs text-slate-500">{description}</p>}
          </div>
          {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
        </div>
      )}
      <div className={flush ? '' : 'p-4'}>{children}</div>
    </section>
  );
}
