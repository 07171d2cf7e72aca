import { ClientMessages } from '@/lib/i18n/client-messages';
import { ENUM_MESSAGES } from '@/lib/i18n/enum-messages';

export default function ImportLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['import', ENUM_MESSAGES.import_status]}>{children}</ClientMessages>;
}
