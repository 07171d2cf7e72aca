import { describe, expect, it } from 'vitest';
import { compareFigure, figureValue } from './overview-figures';
import { previousPeriod, resolveRange, storeToday } from './report-range';
import type { SalesOverview } from './sales-report';

const overview: SalesOverview = {
  grossCents: 10_000,
  discountCents: 1_000,
  refundCents: 900,
  netCents: 8_100,
  shippingCents: 800,
  taxCents: 0,
  orders: 3,
  units: 7,
  refunds: 1,
  aovCents: 3_000,
  newCustomers: 2,
  customers: 4,
  returningCustomers: 1,
};

describe('overview figures', () => {
  it('ratios divide exactly and are null without a denominator', () => {
    expect(figureValue(overview, 'refundRate')).toBe(0.1);
    expect(figureValue(overview, 'returningCustomerRate')).toBe(0.25);
    expect(figureValue({ ...overview, customers: 0 }, 'returningCustomerRate')).toBeNull();
    expect(figureValue({ ...overview, grossCents: 0, discountCents: 0 }, 'refundRate')).toBeNull();
  });

  it('compares with the previous period: change and percent, none from zero', () => {
    expect(compareFigure(150, 100)).toEqual({ change: 50, percent: 0.5 });
    expect(compareFigure(50, -100)).toEqual({ change: 150, percent: 1.5 });
    expect(compareFigure(5, 0)).toEqual({ change: 5, percent: null });
    expect(compareFigure(null, 3)).toEqual({ change: null, percent: null });
  });
});

describe('report ranges', () => {
  const today = '2026-03-15';
  it('resolves the presets in store days and the previous period of the same length', () => {
    expect(resolveRange({ preset: '7d', granularity: 'day' }, today)).toMatchObject({ from: '2026-03-09', to: today });
    expect(resolveRange({ preset: 'last_month', granularity: 'day' }, today)).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(resolveRange({ preset: 'this_year', granularity: 'month' }, today)).toMatchObject({ from: '2026-01-01' });
    expect(previousPeriod({ from: '2026-03-09', to: '2026-03-15' })).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });

  it('falls back to 30 days for a custom range reversed, incomplete or too long', () => {
    const fallback = { preset: '30d', from: '2026-02-14', to: today };
    expect(resolveRange({ preset: 'custom', from: '2026-03-10', to: '2026-03-01', granularity: 'day' }, today)).toEqual(
      fallback,
    );
    expect(resolveRange({ preset: 'custom', from: '2026-03-10', granularity: 'day' }, today)).toEqual(fallback);
    expect(resolveRange({ preset: 'custom', from: '2020-01-01', to: '2026-03-01', granularity: 'day' }, today)).toEqual(
      fallback,
    );
    expect(resolveRange({ preset: 'custom', from: '2026-03-01', to: '2026-03-10', granularity: 'day' }, today)).toEqual(
      {
        preset: 'custom',
        from: '2026-03-01',
        to: '2026-03-10',
      },
    );
  });

  it("store today is Shanghai's date", () => {
    expect(storeToday(new Date('2026-03-15T16:30:00Z'))).toBe('2026-03-16');
    expect(storeToday(new Date('2026-03-15T15:59:00Z'))).toBe('2026-03-15');
  });
});
