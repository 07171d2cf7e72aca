import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { ENUM_MESSAGES } from './enum-messages';
import { pickMessages } from './pick-messages';

/**
 * What client components read on every page: the shared table and shell texts, the sidebar, and the
 * status names the one StatusBadge shows (it renders inside client tables too).
 */
export const SHARED_CLIENT_MESSAGES = [
  'common',
  'nav',
  'inventory.alerts.badge',
  // components/ui/character-count.tsx
  'orders.actions.notes',
  ENUM_MESSAGES.order_status,
  ENUM_MESSAGES.payment_status,
  ENUM_MESSAGES.refund_status,
  ENUM_MESSAGES.shipment_status,
  ENUM_MESSAGES.after_sales_status,
  'orders.paymentState',
  'orders.fulfillmentState',
  // the orders list's table, bulk actions and print links: that page carries no provider of its own (a
  // page-level provider there left its filter and page navigations pending in the e2e runs; cause not found yet)
  'orders.list',
  'orders.actions.bulk',
  'orders.actions.close',
  'orders.actions.working',
  'printing.entry',
] as const;

/**
 * Gives the client components below it the shared messages plus `namespaces` (dotted paths), and
 * nothing else: a nested provider replaces its parent's messages, so the shared ones come along.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: React.ReactNode;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...SHARED_CLIENT_MESSAGES, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
