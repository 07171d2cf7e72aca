'use client';

import { Menu, X } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/**
 * The sidebar as a drawer on a phone: a native modal <dialog> (focus stays inside, Escape closes).
 * Its contents are in the page only while open, so the sidebar's test ids stay unique. Following a
 * link closes it.
 */
export function PhoneMenu({
  openLabel,
  closeLabel,
  children,
}: {
  openLabel: string;
  closeLabel: string;
  children: React.ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const pathname = usePathname();
  const ref = useRef<HTMLDialogElement>(null);
  const [openedAt, setOpenedAt] = useState(pathname);
  if (isOpen && openedAt !== pathname) setIsOpen(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <>
      <button
        type="button"
        aria-label={openLabel}
        aria-expanded={isOpen}
        aria-controls="phone-menu"
        data-testid="phone-menu-button"
        onClick={() => {
          setOpenedAt(pathname);
          setIsOpen(true);
        }}
        className="inline-flex size-10 items-center justify-center rounded-md text-slate-200 hover:bg-slate-800"
      >
        <Menu aria-hidden className="size-5" />
      </button>
      <dialog
        ref={ref}
        id="phone-menu"
        aria-label={openLabel}
        data-testid="phone-menu"
        onCancel={(event) => {
          event.preventDefault();
          setIsOpen(false);
        }}
        onClick={(event) => {
          if (event.target === event.currentTarget) setIsOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-slate-900 p-0 backdrop:bg-slate-900/50"
      >
        {isOpen && (
          <div className="relative h-full">
            <button
              type="button"
              aria-label={closeLabel}
              onClick={() => setIsOpen(false)}
              data-testid="phone-menu-close"
              className="absolute right-2 top-2 z-10 inline-flex size-10 items-center justify-center rounded-md text-slate-300 hover:bg-slate-800"
            >
              <X aria-hidden className="size-5" />
            </button>
            {children}
          </div>
        )}
      </dialog>
    </>
  );
}
