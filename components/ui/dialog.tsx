'use client';

import { useEffect, useId, useRef } from 'react';

/**
 * A modal on the native <dialog> element: the browser traps focus, Escape closes it, and the
 * page behind is inert. Rendered only while open.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  testId,
}: {
  title: string;
  description?: React.ReactNode;
  onClose: () => void;
  children: React.ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      aria-labelledby={titleId}
      data-testid={testId}
      className="m-auto w-[calc(100%-1.5rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="border-b border-slate-200 px-5 py-3">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-sm text-slate-500">{description}</p> : null}
      </div>
      <div className="px-5 py-4">{children}</div>
    </dialog>
  );
}
