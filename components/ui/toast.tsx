'use client';

import { Toaster as SonnerToaster, toast } from 'sonner';

/** The one place toasts appear (bottom right, above the page); mounted once in the root layout. */
export function Toaster() {
  return <SonnerToaster position="bottom-right" richColors closeButton toastOptions={{ className: 'text-sm' }} />;
}

/** Short confirmations after an action ("Order reviewed"); errors that need reading stay on the page. */
export { toast };
