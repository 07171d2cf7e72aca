import { ClientMessages } from '@/lib/i18n/client-messages';

/** The messages this area's client components read (the rest stay on the server). */
export default function NewOrderLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['orders.entry']}>{children}</ClientMessages>;
}
