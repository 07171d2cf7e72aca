import { expect, test } from '@playwright/test';
import { useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

test('a product with 2 x 2 variants: create, edit a price (history kept), archive a SKU (it leaves the picker)', async ({
  page,
}) => {
  const suffix = Date.now().toString(36).toUpperCase();
  const code = `E2E${suffix}`;
  const category = `E2E tees ${suffix}`;

  // a category of its own
  await page.goto('/catalog/categories');
  const categoryForm = page.getByTestId('add-category-form');
  await categoryForm.getByLabel('Category name').fill(category);
  await categoryForm.getByRole('button', { name: 'Add category' }).click();
  await expect(page.getByTestId('category-tree').locator(`[data-category="${category}"]`)).toBeVisible();

  // the product: colour x size gives four SKUs
  await page.goto('/catalog');
  await page.getByTestId('new-product').click();
  await expect(page).toHaveURL(/\/catalog\/new$/);
  const form = page.getByTestId('create-product-form');
  await form.getByLabel('Product name').fill(`E2E cotton tee ${suffix}`);
  await form.getByLabel('Category').selectOption({ label: category });
  await form.getByLabel('Brand').fill('Mianyu');
  await form.getByLabel('SKU code (prefix)').fill(code.toLowerCase());
  await form.getByLabel('Price (yuan)').fill('79');
  await form.getByLabel('Cost (yuan)').fill('30.50');
  await form.getByTestId('attribute-0').getByLabel('Spec name').fill('Colour');
  await form.getByTestId('attribute-0').getByLabel('Values (comma separated)').fill('Red, Blue');
  await form.getByTestId('attribute-1').getByLabel('Spec name').fill('Size');
  await form.getByTestId('attribute-1').getByLabel('Values (comma separated)').fill('M，L');
  await expect(form.getByTestId('variant-preview')).toContainText('4 SKUs will be generated');
  await form.getByRole('button', { name: 'Create product' }).click();

  await expect(page).toHaveURL(/\/catalog\/\d+$/);
  const rows = page.getByTestId('skus-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const row = (n: number) => page.locator(`tr[data-sku-code="${code}-0${n}"]`);
  await expect(row(1)).toContainText('Red / M');
  await expect(row(4)).toContainText('Blue / L');
  await expect(row(1).getByTestId('sku-price')).toContainText('79.00');

  // a bad barcode is refused with the reason, and nothing changes
  await page.getByTestId(`edit-sku-${code}-01`).click();
  const dialog = page.getByTestId('sku-dialog');
  await dialog.getByLabel('Barcode').fill('6901234567890');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toContainText("The barcode's check digit is wrong");

  // a valid one and a new price: saved, with the change in the history
  await dialog.getByLabel('Barcode').fill('6901234567892');
  await dialog.getByLabel('Price (yuan)').fill('89.90');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(1).getByTestId('sku-price')).toContainText('89.90');
  await expect(row(1)).toContainText('6901234567892');
  const history = page.getByTestId('price-history').locator(`li[data-sku-code="${code}-01"]`);
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText(/price .*89\.90, cost .*30\.50/);
  await expect(history.first()).toContainText(/was price .*79\.00/);

  // archive the second SKU: it stays listed as archived, without edit buttons
  await page.getByTestId(`archive-sku-${code}-02`).click();
  await page.getByTestId('confirm-archive').click();
  await expect(row(2).getByTestId('sku-status')).toHaveText('Archived');
  await expect(page.getByTestId(`edit-sku-${code}-02`)).toHaveCount(0);

  // the order form's picker offers the other three only
  const picker = await page.request.get(`/api/internal/skus?q=${code}`);
  expect(picker.ok()).toBe(true);
  const { skus } = (await picker.json()) as { skus: { code: string }[] };
  expect(skus.map((s) => s.code).sort()).toEqual([`${code}-01`, `${code}-03`, `${code}-04`]);

  // the catalog list finds it by SKU code, with three SKUs left
  await page.goto('/catalog');
  await page.getByTestId('catalog-filters').getByLabel('Search').fill(`${code}-03`);
  await page.getByTestId('catalog-filters').getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${code}-03`));
  const listed = page.getByTestId('products-table').locator('tbody tr');
  await expect(listed).toHaveCount(1);
  await expect(listed.first().locator('[data-col=skus]')).toHaveText('3');
});

test('warehouses: add one, edit it, set a bin; one with stock refuses to close, an empty one closes', async ({
  page,
}) => {
  const code = `W${Date.now().toString(36).toUpperCase().slice(-6)}`;
  await page.goto('/inventory/warehouses');
  const form = page.getByTestId('new-warehouse-form');
  await form.getByLabel('Code').fill(code.toLowerCase());
  await form.getByLabel('Name').fill(`E2E warehouse ${code}`);
  await form.getByLabel('City').fill('Hangzhou');
  await form.getByLabel('Contact phone').fill('not a phone');
  await form.getByRole('button', { name: 'Add warehouse' }).click();
  await expect(form).toContainText('Enter a valid phone number');
  await form.getByLabel('Contact phone').fill('0571-88881234');
  await form.getByRole('button', { name: 'Add warehouse' }).click();
  const row = page.locator(`tr[data-warehouse-code="${code}"]`);
  await expect(row).toContainText(`E2E warehouse ${code}`);
  await row.getByRole('link', { name: code }).click();
  await expect(page).toHaveURL(/\/inventory\/warehouses\/\d+$/);

  const edit = page.getByTestId('edit-warehouse-form');
  await edit.getByLabel('Name').fill(`E2E warehouse ${code} renamed`);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `${code} · E2E warehouse ${code} renamed` })).toBeVisible();

  // a bin for a seeded SKU; an unknown code is refused
  const bins = page.getByTestId('bin-form');
  await bins.getByLabel('SKU code').fill('NO-SUCH-SKU');
  await bins.getByLabel('Bin').fill('A-01-1');
  await bins.getByRole('button', { name: 'Set bin' }).click();
  await expect(bins).toContainText('Unknown SKU code NO-SUCH-SKU');
  await bins.getByLabel('SKU code').fill('fs101-01');
  await bins.getByLabel('Bin').fill('a-01-1');
  await bins.getByRole('button', { name: 'Set bin' }).click();
  await expect(page.locator('tr[data-sku-code="FS101-01"] [data-col=location]')).toHaveText('A-01-1');

  // it holds nothing: it closes
  await page.getByTestId('warehouse-active-toggle').click();
  await expect(page.getByTestId('warehouse-active')).toHaveText('Inactive');

  // the demo store's Shanghai warehouse holds stock: refused with the reason
  await page.goto('/inventory/warehouses');
  await page.locator('tr[data-warehouse-code="SH"]').getByRole('link', { name: 'SH' }).click();
  await page.getByTestId('warehouse-active-toggle').click();
  await expect(page.getByTestId('active-error')).toContainText('still holds stock');
  await expect(page.getByTestId('warehouse-active')).toHaveText('Active');
});
