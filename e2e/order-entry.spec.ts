import { expect, test, type Page } from '@playwright/test';
import { formatMoney } from '../domain/shared/money';
import { createTestOrders, signInAndWait, uniqueName, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

interface SkuLookup {
  id: number;
  code: string;
  priceCents: number;
  available: number;
}

/** The SKU picker's answer for a code, as the form sees it. */
async function pickerSku(page: Page, code: string): Promise<SkuLookup> {
  const search = page.getByTestId('sku-search').getByRole('combobox');
  await search.fill(code);
  const option = page.getByRole('option').filter({ has: page.locator(`[data-sku-code="${code}"]`) });
  await expect(option).toBeVisible();
  const available = Number(await option.getByTestId('sku-option-available').getAttribute('data-available'));
  const response = await page.request.get(`/api/internal/skus?q=${encodeURIComponent(code)}`);
  const sku = (await response.json()).skus.find((s: SkuLookup) => s.code === code) as SkuLookup;
  return { ...sku, available };
}

async function addSku(page: Page, code: string) {
  await pickerSku(page, code);
  await page.getByTestId('sku-search').getByRole('combobox').press('Enter');
  await expect(page.getByTestId('order-line').and(page.locator(`[data-sku-code="${code}"]`))).toBeVisible();
}

async function fillAddress(
  page: Page,
  address: {
    name: string;
    phone: string;
    province: string;
    city: string;
    district: string;
    street: string;
    postalCode: string;
  },
) {
  for (const [key, value] of Object.entries(address)) await page.locator(`input[name="shipTo.${key}"]`).fill(value);
}

/** The first active seed SKU of a code prefix that has at least `min` available. */
async function stockedSeedSku(page: Page, prefix: string, min: number): Promise<SkuLookup> {
  const response = await page.request.get(`/api/internal/skus?q=${prefix}`);
  expect(response.status()).toBe(200);
  const sku = ((await response.json()).skus as SkuLookup[]).find((s) => s.available >= min);
  expect(sku, `a ${prefix} SKU with ${min} available`).toBeTruthy();
  return sku!;
}

test('an order typed in by hand with a new customer lands in pending payment, priced and with stock reserved', async ({
  page,
}) => {
  const name = uniqueName('Entry');
  const phone = `139${String(Date.now()).slice(-8)}`;
  await page.goto('/orders');
  await page.getByTestId('new-order-link').click();
  await expect(page).toHaveURL(/\/orders\/new$/);

  const first = await stockedSeedSku(page, 'SM202', 3);
  const second = await stockedSeedSku(page, 'JJ304', 2);

  await page.getByText('New customer', { exact: true }).click();
  await page.locator('input[name="customer.name"]').fill(name);
  await page.locator('input[name="customer.phone"]').fill(phone);
  await fillAddress(page, {
    name,
    phone,
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    street: '文三路 90 号 3 幢',
    postalCode: '310012',
  });

  const before = await pickerSku(page, first.code);
  await addSku(page, first.code);
  await addSku(page, second.code);
  await page.getByLabel(`Quantity of ${first.code}`).fill('2');
  await page.locator('input[name=discount]').fill('5.5');
  await page.locator('input[name=shipping]').fill('8');

  const expectedTotal = first.priceCents * 2 + second.priceCents - 550 + 800;
  // the preview comes from the server and matches what the order will get
  await expect(page.getByTestId('totals-total')).toHaveText(formatMoney(expectedTotal, 'CNY', 'en'));

  await page.getByTestId('submit-order').click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^SO\d+/);
  await expect(page.locator('main')).toContainText('Pending payment');
  await expect(page.getByTestId('order-totals')).toContainText(formatMoney(expectedTotal, 'CNY', 'en'));
  await expect(page.getByTestId('order-customer')).toContainText(name);
  await expect(page.getByTestId('order-shipping')).toContainText('文三路 90 号 3 幢');
  await expect(page.getByTestId('order-timeline')).toContainText('Order created');

  // the two units are held for this order: the picker offers two fewer
  await page.goto('/orders/new');
  const after = await pickerSku(page, first.code);
  expect(after.available).toBe(before.available - 2);
});

test("an empty order form shows every field error, in the user's language", async ({ page, context, baseURL }) => {
  await page.goto('/orders/new');
  await page.getByTestId('submit-order').click();
  await expect(page.getByTestId('form-error')).toHaveText('Some fields need attention: see the messages next to them.');
  await expect(page.getByTestId('field-error-customer')).toHaveText('Choose a customer or create a new one');
  const addressErrors = {
    name: 'Enter the recipient',
    phone: 'Enter a phone number',
    province: 'Enter the province',
    city: 'Enter the city',
    street: 'Enter the street address',
  };
  for (const [field, message] of Object.entries(addressErrors))
    await expect(page.getByTestId(`field-error-shipTo.${field}`)).toHaveText(message);
  await expect(page.getByTestId('field-error-lines')).toHaveText('Add at least one item');

  // an amount with fen fractions is refused, not rounded
  await page.locator('input[name=discount]').fill('1.005');
  await page.getByTestId('submit-order').click();
  await expect(page.getByTestId('field-error-discount')).toHaveText('At most 2 decimal places');

  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: baseURL! }]);
  await page.goto('/orders/new');
  await page.getByText('新客户', { exact: true }).click();
  await page.getByTestId('submit-order').click();
  await expect(page.getByTestId('form-error')).toHaveText('部分字段需要修改，请查看字段旁的提示。');
  await expect(page.getByTestId('field-error-customer.name')).toHaveText('请填写客户姓名');
  await expect(page.getByTestId('field-error-shipTo.street')).toHaveText('请填写详细地址');
  await expect(page.getByTestId('field-error-lines')).toHaveText('请至少添加一件商品');
});

test('ordering more than is available names the SKU next to its line and creates nothing', async ({
  page,
  request,
}) => {
  // a fresh SKU with 12 on hand and nothing reserved (the cancelled order released its unit)
  const { sku } = await createTestOrders(request, { status: 'cancelled', count: 1 });
  const name = uniqueName('Short');
  await page.goto('/orders/new');
  await page.getByText('New customer', { exact: true }).click();
  await page.locator('input[name="customer.name"]').fill(name);
  await page.locator('input[name="customer.phone"]').fill('13800138000');
  await fillAddress(page, {
    name,
    phone: '13800138000',
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    street: '科技园 1 号',
    postalCode: '',
  });
  const { available } = await pickerSku(page, sku.code);
  expect(available).toBe(12);
  await addSku(page, sku.code);
  // a negative quantity is a number below the minimum, not "not a whole number"
  await page.getByLabel(`Quantity of ${sku.code}`).fill('-3');
  await page.getByTestId('submit-order').click();
  await expect(page.getByTestId('field-error-lines.0.quantity')).toHaveText('The quantity must be at least 1');
  await page.getByLabel(`Quantity of ${sku.code}`).fill(String(available + 1));

  await page.getByTestId('submit-order').click();
  await expect(page.getByTestId('form-error')).toContainText(`Not enough stock for ${sku.code}`);
  await expect(page.getByTestId('field-error-lines.0.quantity')).toHaveText(
    `Not enough stock for ${sku.code}: 12 available`,
  );
  await expect(page).toHaveURL(/\/orders\/new$/);

  await page.goto(`/orders?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId('orders-count')).toHaveText('No orders');
  await page.goto('/orders/new');
  expect((await pickerSku(page, sku.code)).available).toBe(12);
});

test('editing quantity and address before shipment reserves the difference and shows in the timeline', async ({
  page,
  request,
}) => {
  // unpaid: a paid order may change items only when its total stays the same
  const { orders, sku } = await createTestOrders(request, { status: 'pending_payment', count: 1 });
  const order = orders[0];
  await page.goto(`/orders/${order.id}`);
  await page.getByTestId('edit-order-link').click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}/edit$`));

  const line = page.getByTestId('order-line').and(page.locator(`[data-sku-code="${sku.code}"]`));
  const heldBefore = Number(await line.getByTestId('line-available').getAttribute('data-available'));
  await page.getByLabel(`Quantity of ${sku.code}`).fill('3');
  await page.locator('input[name="shipTo.street"]').fill('人民路 8 号 改址');
  await page.getByTestId('save-order').click();

  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}$`));
  await expect(page.getByTestId('order-shipping')).toContainText('人民路 8 号 改址');
  await expect(page.getByTestId('order-lines').locator('tbody tr').first()).toContainText('3');
  await expect(page.getByTestId('order-timeline')).toContainText('Edited');

  // the order now holds three: what it may draw on is unchanged, and free stock dropped by two
  await page.getByTestId('edit-order-link').click();
  await expect(line.getByTestId('line-available')).toHaveAttribute('data-available', String(heldBefore));
  await expect(page.getByLabel(`Quantity of ${sku.code}`)).toHaveValue('3');
});

test('a second edit from a stale form is refused with a reload message', async ({ page, context, request }) => {
  const { orders, sku } = await createTestOrders(request, { status: 'pending_payment', count: 1 });
  const id = orders[0].id;
  const other = await context.newPage();
  await page.goto(`/orders/${id}/edit`);
  await other.goto(`/orders/${id}/edit`);

  await other.getByLabel(`Quantity of ${sku.code}`).fill('2');
  await other.getByTestId('save-order').click();
  await expect(other).toHaveURL(new RegExp(`/orders/${id}$`));

  await page.locator('input[name="shipTo.city"]').fill('苏州市');
  await page.getByTestId('save-order').click();
  await expect(page.getByTestId('form-error')).toContainText('Someone else changed this order after you opened it');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel(`Quantity of ${sku.code}`)).toHaveValue('2');
});

test('shipped orders cannot be edited', async ({ page, request }) => {
  const { orders } = await createTestOrders(request, { status: 'shipped', count: 1 });
  await page.goto(`/orders/${orders[0].id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(orders[0].number);
  await expect(page.getByTestId('edit-order-link')).toHaveCount(0);
  await page.goto(`/orders/${orders[0].id}/edit`);
  await expect(page.getByTestId('not-editable')).toContainText('It is Shipped');
  await expect(page.getByTestId('save-order')).toHaveCount(0);
});

test.describe('without orders.write', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a viewer gets no New order or Edit link, and neither the pages nor the lookups', async ({ page }) => {
    await signInAndWait(page, 'viewer@example.com');
    await page.goto('/orders');
    await expect(page.getByTestId('orders-table')).toBeVisible();
    await expect(page.getByTestId('new-order-link')).toHaveCount(0);
    await page.getByTestId('orders-table').locator('tbody tr td[data-col=number] a').first().click();
    await expect(page.getByTestId('order-timeline')).toBeVisible();
    await expect(page.getByTestId('edit-order-link')).toHaveCount(0);

    expect((await page.goto('/orders/new'))?.status()).toBe(403);
    const skus = await page.request.get('/api/internal/skus?q=SM');
    expect(skus.status()).toBe(403);
    expect(await skus.json()).toEqual({ code: 'forbidden', message: 'Your role is not allowed to do this.' });
  });
});
