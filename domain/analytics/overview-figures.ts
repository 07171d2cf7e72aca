import type { SalesOverview } from './sales-report';

/** The Overview's figures, in the order the page shows them; each has a definition in messages analytics.figures. */
export const OVERVIEW_FIGURES = [
  'grossSales',
  'discounts',
  'refunds',
  'netSales',
  'shipping',
  'orders',
  'units',
  'aov',
  'newCustomers',
  'returningCustomerRate',
  'refundRate',
] as const;
export type OverviewFigure = (typeof OVERVIEW_FIGURES)[number];

export type FigureKind = 'money' | 'count' | 'ratio';

export const FIGURE_KINDS: Record<OverviewFigure, FigureKind> = {
  grossSales: 'money',
  discounts: 'money',
  refunds: 'money',
  netSales: 'money',
  shipping: 'money',
  orders: 'count',
  units: 'count',
  aov: 'money',
  newCustomers: 'count',
  returningCustomerRate: 'ratio',
  refundRate: 'ratio',
};

/** A figure's value: minor units, a count, or a ratio (null when its denominator is zero). */
export function figureValue(overview: SalesOverview, figure: OverviewFigure): number | null {
  switch (figure) {
    case 'grossSales':
      return overview.grossCents;
    case 'discounts':
      return overview.discountCents;
    case 'refunds':
      return overview.refundCents;
    case 'netSales':
      return overview.netCents;
    case 'shipping':
      return overview.shippingCents;
    case 'orders':
      return overview.orders;
    case 'units':
      return overview.units;
    case 'aov':
      return overview.aovCents;
    case 'newCustomers':
      return overview.newCustomers;
    case 'returningCustomerRate':
      return overview.customers === 0 ? null : overview.returningCustomers / overview.customers;
    case 'refundRate': {
      const sold = overview.grossCents - overview.discountCents;
      return sold <= 0 ? null : overview.refundCents / sold;
    }
  }
}

export interface Comparison {
  /** current - previous (for ratios: in ratio units, shown as percentage points) */
  change: number | null;
  /** change / |previous|; null when the previous value is zero or unknown */
  percent: number | null;
}

/** How a figure moved against the previous period. */
export function compareFigure(current: number | null, previous: number | null): Comparison {
  if (current === null || previous === null) return { change: null, percent: null };
  const change = current - previous;
  return { change, percent: previous === 0 ? null : change / Math.abs(previous) };
}
