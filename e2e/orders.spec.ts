import { expect, test } from '@playwright/test';
import { createTestOrders, uniqueName, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

test('search and status filters narrow the list and live in the URL', async ({ page, request }) => {
  const name = uniqueName('Filter');
  const pending = await createTestOrders(request, { status: 'pending_payment', count: 2, customerName: name });
  const shipped = await createTestOrders(request, { status: 'shipped', count: 1, customerName: name });

  await page.goto('/orders');
  await page.locator('input[name=q]').fill(name);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${name}`));
  const rows = page.getByTestId('orders-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);

  await page.locator('[data-status-chip=pending_payment]').click();
  await expect(page).toHaveURL(/status=pending_payment/);
  await expect(rows).toHaveCount(2);
  for (const order of pending.orders) await expect(page.getByRole('link', { name: order.number })).toBeVisible();
  await expect(page.getByRole('link', { name: shipped.orders[0].number })).toHaveCount(0);

  // the URL alone reproduces the view (bookmark / share)
  await page.goto(`/orders?q=${encodeURIComponent(name)}&status=shipped`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Shipped');

  // search by order number and by SKU code finds the same orders
  await page.goto(`/orders?q=${pending.orders[0].number}`);
  await expect(rows).toHaveCount(1);
  await page.goto(`/orders?q=${pending.sku.code}`);
  await expect(rows).toHaveCount(2);
});

test('keyset pages walk every order once, forwards and back', async ({ page, request }) => {
  const name = uniqueName('Pager');
  const created = await createTestOrders(request, { status: 'completed', count: 7, customerName: name });
  const expected = created.orders.map((o) => o.number).sort();

  await page.goto(`/orders?q=${encodeURIComponent(name)}&size=3`);
  const numbers = page.getByTestId('orders-table').locator('tbody tr td[data-col=number] a');
  const seen: string[] = [];
  const readPage = async (count: number) => {
    await expect(numbers).toHaveCount(count);
    const page = (await numbers.allInnerTexts()).map((s) => s.trim());
    seen.push(...page);
    return page;
  };
  // after each click, wait until the first row is no longer the previous page's first row
  const first = await readPage(3);
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(numbers.first()).not.toHaveText(first[0]);
  const second = await readPage(3);
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(numbers.first()).not.toHaveText(second[0]);
  await readPage(1);
  await expect(page.getByRole('link', { name: 'Next →' })).toHaveCount(0);
  expect([...seen].sort()).toEqual(expected);

  await page.getByRole('link', { name: '← Previous' }).click();
  await expect(numbers).toHaveCount(3);
  await expect(numbers).toHaveText(second);
});

test('sorting by total puts the largest order first', async ({ page, request }) => {
  const name = uniqueName('Sorter');
  await createTestOrders(request, { status: 'paid', count: 4, customerName: name });
  await page.goto(`/orders?q=${encodeURIComponent(name)}&sort=total_desc`);
  const totals = await page.getByTestId('orders-table').locator('tbody tr td[data-col=total]').allInnerTexts();
  const amounts = totals.map((t) => Number(t.replace(/[^\d.]/g, '')));
  expect(amounts.length).toBe(4);
  expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
});

test('a row opens the order with items, totals and its timeline', async ({ page, request }) => {
  const name = uniqueName('Detail');
  const { orders, sku } = await createTestOrders(request, { status: 'shipped', count: 1, customerName: name });
  await page.goto(`/orders?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name: orders[0].number }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orders[0].id}$`));
  await expect(page.getByRole('heading', { name: new RegExp(orders[0].number) })).toBeVisible();
  await expect(page.getByTestId('order-customer')).toContainText(name);
  await expect(page.getByTestId('order-lines')).toContainText(sku.code);
  await expect(page.getByTestId('order-totals')).toContainText((orders[0].totalCents / 100).toFixed(2));
  const timeline = page.getByTestId('order-timeline');
  await expect(timeline.locator('li').first()).toBeVisible();
  expect(await timeline.locator('li').count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('order-shipments')).toBeVisible();
});

test('unknown and malformed order ids show a not-found page', async ({ page }) => {
  for (const id of ['999999999', 'abc', '1e3']) {
    const response = await page.goto(`/orders/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('order-not-found')).toBeVisible();
  }
});

test('garbage filter values are reported, not a crash', async ({ page }) => {
  const response = await page.goto('/orders?status=bogus&from=yesterday&sort=sideways');
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('rejected-params')).toContainText('bogus');
  await expect(page.getByTestId('orders-table')).toBeVisible();
});
