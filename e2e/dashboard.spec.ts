import { expect, test } from '@playwright/test';
import { createTestOrders, useEnglish } from './support';

test.describe('dashboard', () => {
  test("shows today's figures from the database and the 30-day chart", async ({ page, context, baseURL, request }) => {
    await useEnglish(context, baseURL!);
    await page.goto('/');
    const before = Number(await page.getByTestId('kpi-awaiting-payment-value').innerText());

    await createTestOrders(request, { status: 'pending_payment', count: 2 });
    await page.reload();
    await expect(page.getByTestId('kpi-awaiting-payment-value')).toHaveText(String(before + 2));

    const chart = page.getByTestId('sales-chart');
    await expect(chart).toBeVisible();
    // Recharts draws one bar per day with orders and a line for sales
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(chart.locator('.recharts-line-curve')).toHaveCount(1);
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(25);
  });

  test('KPI cards open the matching orders list', async ({ page, context, baseURL }) => {
    await useEnglish(context, baseURL!);
    await page.goto('/');
    await page.getByTestId('kpi-awaiting-payment').click();
    await expect(page).toHaveURL(/\/orders\?status=pending_payment/);
  });
});

test.describe('language', () => {
  test('switches between 简体中文 and English and remembers the choice', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation').first();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(nav.getByRole('link', { name: 'Orders' })).toBeVisible();
    await page.reload();
    await expect(nav.getByRole('link', { name: 'Orders' })).toBeVisible();

    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(nav.getByRole('link', { name: '订单' })).toBeVisible();
    await page.reload();
    await expect(nav.getByRole('link', { name: '订单' })).toBeVisible();
    await expect(page.getByTestId('staff-role')).toHaveText('管理员');
  });
});
