import { expect, test } from '@playwright/test';
import { createTestOrders, useEnglish } from './support';

test.describe('analytics', () => {
  test('Overview counts new orders at once, explains each figure and drills down to the orders', async ({
    page,
    context,
    baseURL,
    request,
  }) => {
    await useEnglish(context, baseURL!);
    await page.goto('/analytics?preset=7d');
    const orders = page.getByTestId('figure-orders-value');
    const before = Number((await orders.innerText()).replaceAll(',', ''));

    await createTestOrders(request, { status: 'paid', count: 2, ageMinutes: 1 });
    await page.reload();
    await expect(orders).toHaveText((before + 2).toLocaleString('en'));
    await expect(page.getByTestId('figure-orders-change')).not.toBeEmpty();

    await page.getByTestId('figure-aov-how').click();
    const definition = page.getByTestId('figure-aov-definition');
    await expect(definition).toBeVisible();
    await expect(definition).toContainText('(Gross sales − discounts) ÷ orders');
    await page.keyboard.press('Escape');

    await orders.click();
    await expect(page).toHaveURL(/\/orders\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  });

  test('Sales tab: chart and tables, filters and granularity in the URL', async ({ page, context, baseURL }) => {
    await useEnglish(context, baseURL!);
    await page.goto('/analytics?tab=sales');
    const chart = page.getByTestId('analytics-sales-chart');
    await expect(chart).toBeVisible();
    await expect(chart.locator('.recharts-line-curve')).toHaveCount(1);
    await expect(page.getByTestId('analytics-series-table').locator('tbody tr')).toHaveCount(30);

    const filters = page.getByTestId('analytics-filters');
    await filters.locator('select[name=preset]').selectOption('90d');
    await filters.locator('select[name=granularity]').selectOption('month');
    await filters.locator('button[type=submit]').click();
    await expect(page).toHaveURL(/preset=90d/);
    await expect(page).toHaveURL(/granularity=month/);
    // the URL changes before the new table streams in: wait for the monthly rows, not the daily ones
    const rows = page.getByTestId('analytics-series-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeLessThanOrEqual(4);
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('analytics-by-channel')).toBeVisible();
    await expect(page.getByTestId('analytics-by-payment_method')).toBeVisible();
  });
});
