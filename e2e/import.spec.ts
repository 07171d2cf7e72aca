import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { createTestStock, uniqueName, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

const HEADER =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Total,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Province,Shipping Phone,Phone';

test('a Shopify export is checked, shows its row error, commits with a progress bar and its orders are in the list', async ({
  page,
  request,
}) => {
  const stock = await createTestStock(request, { onHand: 50, threshold: 0 });
  const buyer = uniqueName('导入买家');
  const ref = uniqueName('#S');
  const phone = `139${String(Date.now()).slice(-8)}`;
  const line = (name: string, financial: string, fulfilment: string, qty: number, sku: string) =>
    `${name},b@x.cn,${financial},2024-05-01 10:05:00 +0800,${fulfilment},CNY,,8.00,,0,2024-05-01 10:00:00 +0800,${qty},Item,25.00,${sku},${buyer},${buyer},文三路100号,杭州市,310000,浙江省,${phone},${phone}`;
  const csv = [
    HEADER,
    line(`${ref}-1`, 'paid', 'fulfilled', 2, stock.sku.code),
    line(`${ref}-1`, '', '', 1, stock.sku.code),
    line(`${ref}-2`, 'paid', '', 1, stock.sku.code),
    line(`${ref}-3`, 'paid', '', 1, 'NO-SUCH-SKU'),
  ].join('\n');

  await page.goto('/orders');
  await page.getByTestId('import-orders-link').click();
  await expect(page).toHaveURL(/\/orders\/import$/);
  await page
    .getByLabel('Order file')
    .setInputFiles({ name: 'orders_export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-submit').click();
  await expect(page).toHaveURL(/\/orders\/import\/\d+$/);

  // the dry run: a diff and one row error, nothing written
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-status', 'checked');
  await expect(page.getByTestId('import-format')).toHaveText('Shopify');
  await expect(page.getByTestId('summary-newOrders')).toHaveText('2');
  await expect(page.getByTestId('summary-ordersWithErrors')).toHaveText('1');
  const error = page.getByTestId('import-errors').locator('tbody tr[data-code=sku_unknown]');
  await expect(error).toHaveAttribute('data-row', '5');
  await expect(error).toContainText('No SKU with this code or barcode');

  // the rows to fix, as they were, with what is wrong
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-errors-csv').click()]);
  const errorsCsv = await readFile((await download.path())!, 'utf8');
  expect(errorsCsv).toContain('Name,Email,Financial Status');
  expect(errorsCsv).toContain(`${ref}-3`);
  expect(errorsCsv).toContain('Lineitem sku: No SKU with this code or barcode (NO-SUCH-SKU)');
  expect(errorsCsv).not.toContain(`${ref}-1`);

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('import-created')).toContainText('2 orders created');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

  await page.goto(`/orders?source=import&q=${encodeURIComponent(buyer)}`);
  await expect(page.locator('tbody tr[data-order-id]')).toHaveCount(2);
});
