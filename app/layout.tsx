import type { Metadata, Viewport } from 'next';
import { getLocale } from 'next-intl/server';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { Toaster } from '@/components/ui/toast';
import { ClientMessages } from '@/lib/i18n/client-messages';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Order Console', template: '%s · Order Console' },
  // home-screen install on phones and tablets: public/ holds the manifest and the icons (scripts/make-icons.sh)
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [
      { url: '/icon.svg', type: 'image/svg+xml' },
      { url: '/icon-192.png', sizes: '192x192' },
    ],
    apple: '/apple-touch-icon.png',
  },
  appleWebApp: { capable: true, title: 'Orders', statusBarStyle: 'black-translucent' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f172a' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* only the shared messages here; each area's layout or page adds what its client components read */}
        <ClientMessages namespaces={[]}>
          <NuqsAdapter>{children}</NuqsAdapter>
          <Toaster />
        </ClientMessages>
      </body>
    </html>
  );
}
