import { ClientMessages } from '@/lib/i18n/client-messages';

/** Print pages: no sidebar or app chrome, only the document and a toolbar that hides itself in print. */
export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={['printing']}>
      <div className="print-root">{children}</div>
    </ClientMessages>
  );
}
