import { expect, test } from '@playwright/test';
import { createTestStock, signInAndWait, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

test('a stock count shows in Settings → Audit log with before and after, filtered by record, and exports as CSV', async ({
  page,
  request,
}) => {
  const stock = await createTestStock(request, { onHand: 10, threshold: 0 });
  await page.goto(`/inventory/${stock.sku.id}`);
  const form = page.getByTestId('adjust-form');
  await form.getByRole('textbox', { name: 'Quantity' }).fill('8');
  await form.getByLabel('Reason').fill('Audit trail count');
  await form.getByRole('button', { name: 'Adjust stock' }).click();
  await expect(page.getByTestId('adjust-success')).toContainText('On hand is now 8.');

  await page.goto('/settings');
  await page.getByRole('link', { name: /Audit log/ }).click();
  await expect(page).toHaveURL(/\/settings\/audit-log$/);
  await page.getByLabel('Record type').fill('stock_level');
  await page.getByLabel('Record id').fill(`${stock.sku.id}:${stock.warehouse.id}`);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`type=stock_level&id=${stock.sku.id}%3A${stock.warehouse.id}`));
  const rows = page.getByTestId('audit-table').locator('tbody tr[data-audit-action]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-audit-action', 'inventory.adjust');
  await expect(rows.first().getByTestId('audit-before')).toHaveText('onHand: 10');
  await expect(rows.first().getByTestId('audit-after')).toContainText('onHand: 8');

  const download = await page.request.get((await page.getByTestId('audit-export').getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('text/csv');
  const csv = await download.text();
  expect(csv).toContain('inventory.adjust');
  expect(csv.trim().split('\r\n')).toHaveLength(2);
});

test('garbage filters get the list page message, not an error', async ({ page }) => {
  await page.goto('/settings/audit-log?actor=root&from=2026-13-40&cursor=%00');
  await expect(page.getByTestId('rejected-params')).toContainText('Who: “root” is not a valid value');
  await expect(page.getByTestId('audit-table')).toBeVisible();
  const csv = await page.request.get('/settings/audit-log.csv?action=%3Cscript%3E');
  expect(csv.status()).toBe(422);
});

test('roles without audit.read are refused the page and the export', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await useEnglish(context, baseURL!);
  const page = await context.newPage();
  await signInAndWait(page, 'warehouse@example.com');
  const response = await page.goto('/settings/audit-log');
  expect(response?.status()).toBe(403);
  expect((await page.request.get('/settings/audit-log.csv')).status()).toBe(403);
  await context.close();
});
