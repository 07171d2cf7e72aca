import {
  ChartColumn,
  Boxes,
  CreditCard,
  LayoutDashboard,
  type LucideIcon,
  Package,
  ReceiptText,
  Settings,
  Truck,
  Undo2,
} from 'lucide-react';
import type { Permission } from '@/domain/staff/permissions';

export type NavKey =
  'dashboard' | 'orders' | 'catalog' | 'inventory' | 'payments' | 'shipping' | 'afterSales' | 'analytics' | 'settings';

export interface NavItem {
  key: NavKey;
  href: string;
  icon: LucideIcon;
  /** shown only to staff whose role has it; the page itself checks it again */
  permission: Permission;
}

/** The sidebar, top to bottom; `key` is also the label's message key in nav.json. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', href: '/', icon: LayoutDashboard, permission: 'orders.read' },
  { key: 'orders', href: '/orders', icon: ReceiptText, permission: 'orders.read' },
  { key: 'catalog', href: '/catalog', icon: Package, permission: 'catalog.read' },
  { key: 'inventory', href: '/inventory', icon: Boxes, permission: 'inventory.read' },
  { key: 'payments', href: '/payments', icon: CreditCard, permission: 'payments.read' },
  { key: 'shipping', href: '/shipping', icon: Truck, permission: 'shipping.read' },
  { key: 'afterSales', href: '/after-sales', icon: Undo2, permission: 'after_sales.read' },
  { key: 'analytics', href: '/analytics', icon: ChartColumn, permission: 'analytics.read' },
  { key: 'settings', href: '/settings', icon: Settings, permission: 'settings.read' },
];

/** Whether a nav item is the current section: the dashboard only at "/", others for their subtree. */
export function isNavItemActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
