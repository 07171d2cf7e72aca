import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { createTestStock, signInAndWait, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

async function openAlertBadge(page: Page): Promise<number> {
  const badge = page.getByTestId('nav-badge-inventory');
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.getAttribute('data-count'));
}

test('low stock: filter, open the SKU, receive stock; on hand, ledger and alert follow', async ({ page, request }) => {
  const stock = await createTestStock(request, { onHand: 3, threshold: 5, productName: 'E2E 低库存毛巾' });

  await page.goto('/inventory');
  await page.locator('[data-stock-view=low]').click();
  await expect(page).toHaveURL(/stock=low/);
  await page.locator('input[name=q]').fill(stock.sku.code);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${stock.sku.code}`));
  await expect(page).toHaveURL(/stock=low/);
  const rows = page.getByTestId('stock-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Low');
  await expect(rows.first().locator('[data-col=available]')).toContainText('3');

  await page.getByRole('link', { name: stock.sku.code }).click();
  await expect(page).toHaveURL(new RegExp(`/inventory/${stock.sku.id}$`));
  const level = page.getByTestId(`level-${stock.warehouse.id}`);
  await expect(level.locator('[data-col=on-hand]')).toHaveText('3');
  await expect(level.locator('[data-col=alert]')).toContainText('Raised');
  const badgeBefore = await openAlertBadge(page);
  expect(badgeBefore).toBeGreaterThan(0);

  await page.getByTestId('receive-sku-link').click();
  await expect(page).toHaveURL(/\/inventory\/receive\?sku=/);
  await page.locator('#receive-warehouse').selectOption(String(stock.warehouse.id));
  await expect(page.getByRole('combobox', { name: 'SKU code 1' })).toHaveValue(stock.sku.code);
  await page.getByRole('textbox', { name: 'Quantity 1' }).fill('20');
  await page.getByRole('textbox', { name: 'Unit cost (¥, optional) 1' }).fill('12.5');
  await page.locator('#receive-supplier').fill('E2E Supplier');
  await page.getByRole('button', { name: 'Book receipt' }).click();
  const success = page.getByTestId('receive-success');
  await expect(success).toContainText(/Receipt GR\d{12} booked: 1 line/);
  const receiptNumber = (await success.textContent())!.match(/GR\d{12}/)![0];

  await page.goto(`/inventory/${stock.sku.id}`);
  await expect(level.locator('[data-col=on-hand]')).toHaveText('23');
  await expect(level.locator('[data-col=available]')).toHaveText('23');
  await expect(level.locator('[data-col=alert]')).not.toContainText('Raised');
  const newest = page.getByTestId('ledger-table').locator('tbody tr').first();
  await expect(newest).toHaveAttribute('data-movement-kind', 'receive');
  await expect(newest.locator('[data-col=on-hand-after]')).toHaveText('23');
  await expect(newest).toContainText(receiptNumber);
  await expect(newest).toContainText('+20');
  expect(await openAlertBadge(page)).toBe(badgeBefore - 1);

  await page.goto('/inventory/alerts');
  await expect(page.locator(`[data-sku-code="${stock.sku.code}"]`)).toHaveCount(0);
});

test('adjusting below reserved is refused with a message; a count with a reason adjusts', async ({ page, request }) => {
  const stock = await createTestStock(request, { onHand: 10, reserved: 6, threshold: 0 });
  await page.goto(`/inventory/${stock.sku.id}`);
  const form = page.getByTestId('adjust-form');
  const onHand = page.getByTestId(`level-${stock.warehouse.id}`).locator('[data-col=on-hand]');
  await form.getByRole('textbox', { name: 'Quantity' }).fill('5');
  await form.getByLabel('Reason').fill('Cycle count');
  await form.getByRole('button', { name: 'Adjust stock' }).click();
  await expect(page.getByTestId('field-error-adjust-quantity-error')).toHaveText(
    /cannot go below the units reserved by open orders \(6\)/,
  );
  await expect(onHand).toHaveText('10');
  // what was typed stays for correction
  await expect(form.getByLabel('Reason')).toHaveValue('Cycle count');

  await form.getByRole('textbox', { name: 'Quantity' }).fill('7');
  await form.getByLabel('Reason').fill('Cycle count: 3 damaged');
  await form.getByRole('button', { name: 'Adjust stock' }).click();
  await expect(page.getByTestId('adjust-success')).toContainText('Stock adjusted by -3. On hand is now 7.');
  await expect(onHand).toHaveText('7');
  await expect(page.getByTestId('ledger-table').locator('tbody tr').first()).toContainText('Cycle count: 3 damaged');

  await page.getByLabel('Change (+/−)').check();
  await form.getByRole('textbox', { name: 'Quantity' }).fill('abc');
  await form.getByLabel('Reason').fill('typo');
  await form.getByRole('button', { name: 'Adjust stock' }).click();
  await expect(page.getByTestId('field-error-adjust-quantity-error')).toHaveText('Enter a whole number.');
});

test('an open alert can be acknowledged and moves to the acknowledged list', async ({ page, request }) => {
  const stock = await createTestStock(request, { onHand: 1, threshold: 4 });
  await page.goto('/inventory/alerts');
  const row = page.locator(`tr[data-sku-code="${stock.sku.code}"]`);
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(row).toHaveCount(0);
  await page.goto('/inventory/alerts?view=acknowledged');
  await expect(page.locator(`tr[data-sku-code="${stock.sku.code}"]`)).toContainText('管理员 Admin');
});

test('reorder suggestions download as CSV', async ({ page }) => {
  // page.request carries the browser's cookies: the session and the English locale
  await page.goto('/inventory/reorder?days=30&safety=3');
  await expect(page.getByTestId('reorder-count')).toBeVisible();
  const csv = await page.request.get('/inventory/reorder.csv?days=30&safety=3');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const body = await csv.text();
  expect(body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
    'SKU code,SKU name,Variant,Product,Units sold,Per day,Lead time (days),Safety (days),Available,Incoming,Suggested',
  );
  expect((await page.request.get('/inventory/reorder.csv?days=abc')).status()).toBe(400);
});

test.describe('read-only roles', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a viewer sees stock and the ledger but no receive, adjust or threshold forms', async ({
    page,
    request,
    context,
    baseURL,
  }) => {
    await useEnglish(context, baseURL!);
    // the stock is made with the admin's session before the viewer signs in
    const adminRequest = await playwrightRequest.newContext({ baseURL, storageState: 'e2e/.auth/admin.json' });
    const stock = await createTestStock(adminRequest, { onHand: 2, threshold: 5 });
    await adminRequest.dispose();

    await signInAndWait(page, 'viewer@example.com');
    await page.goto(`/inventory/${stock.sku.id}`);
    await expect(page.getByTestId(`level-${stock.warehouse.id}`).locator('[data-col=on-hand]')).toHaveText('2');
    await expect(page.getByTestId('inventory-read-only')).toBeVisible();
    await expect(page.getByTestId('ledger-table')).toBeVisible();
    await expect(page.getByTestId('receive-sku-link')).toHaveCount(0);
    await expect(page.getByTestId('adjust-form')).toHaveCount(0);
    await expect(page.locator('input[name=threshold]')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Receive stock' })).toHaveCount(0);
    expect((await page.goto('/inventory/receive'))?.status()).toBe(403);
    await page.goto('/inventory/alerts');
    await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
    expect((await request.get('/inventory/reorder.csv')).status()).toBe(401);
  });
});
