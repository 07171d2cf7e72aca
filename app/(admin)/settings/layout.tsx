import { ClientMessages } from '@/lib/i18n/client-messages';

/** The messages this area's client components read (the rest stay on the server). */
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        'settings',
        'staff',
        'payments.settings',
        'shipping.carriers',
        'shipping.rules',
        'shipping.settings',
      ]}
    >
      {children}
    </ClientMessages>
  );
}
