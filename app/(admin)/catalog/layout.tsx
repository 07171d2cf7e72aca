import { ClientMessages } from '@/lib/i18n/client-messages';

export default function CatalogLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['catalog']}>{children}</ClientMessages>;
}
