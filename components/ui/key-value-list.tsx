export interface KeyValueItem {
  label: React.ReactNode;
  value: React.ReactNode;
  /** a stable key and test hook (data-key) */
  key?: string;
}

/** Label / value pairs in two columns (one on a phone), as on an order or payment page. */
export function KeyValueList({
  items,
  columns = 1,
  className = '',
  testId,
}: {
  items: readonly KeyValueItem[];
  columns?: 1 | 2;
  className?: string;
  testId?: string;
}) {
  return (
    <dl
      className={`grid gap-x-6 gap-y-2 text-sm ${columns === 2 ? 'sm:grid-cols-2' : ''} ${className}`}
      data-testid={testId}
    >
      {items.map((item, index) => (
        <div key={item.key ?? index} className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2" data-key={item.key}>
          <dt className="text-slate-500">{item.label}</dt>
          <dd className="min-w-0 break-words text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
