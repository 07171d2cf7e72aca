'use client';

import { useEffect, useRef } from 'react';

/**
 * A modal on the native <dialog> element: the browser traps focus, Escape closes it, and the
 * page behind is inert. Rendered only while open.
 */
export function ModalDialog({ title, onClose, children, testId }: { title: string; onClose: () => void; children: React.ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      onCancel={(event) => { event.preventDefault(); onClose(); }}
      aria-labelledby="modal-dialog-title"
      data-testid={testId}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="border-b border-slate-200 px-5 py-3">
        <h2 id="modal-dialog-title" className="text-base font-semibold text-slate-900">{title}</h2>
      </div>
      <div className="px-5 py-4">{children}</div>
    </dialog>
  );
}

export const fieldClass = 'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-xs focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/20 aria-invalid:border-rose-400';
export const primaryButton = 'inline-flex h-8 items-center rounded-md bg-slate-900 px-3.5 text-sm font-medium text-white shadow-xs hover:bg-slate-800 disabled:cursor-wait disabled:opacity-60';
export const dangerButton = 'inline-flex h-8 items-center rounded-md bg-rose-600 px-3.5 text-sm font-medium text-white shadow-xs hover:bg-rose-500 disabled:cursor-wait disabled:opacity-60';
export const secondaryButton = 'inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50 disabled:opacity-60';
