import { expect, test } from '@playwright/test';
import { createTestStock, uniqueName, useEnglish } from './support';

test('admin creates an API key, a system places an order with it, and revoking it locks the system out', async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  await useEnglish(context, baseURL!);
  const stock = await createTestStock(page.request, { onHand: 3, threshold: 0 });
  const name = uniqueName('Shop sync ');

  await page.goto('/settings');
  await page.getByRole('link', { name: /API keys/ }).click();
  await page.locator('#api-key-name').fill(name);
  await page.locator('#api-key-role').selectOption('operations');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key-value').textContent())!.trim();
  expect(key).toMatch(/^oc_[0-9a-f]{12}_/);
  const prefix = key.split('_')[1];
  await expect(page.getByTestId(`api-key-row-${prefix}`)).toContainText(name);
  // the table shows only the prefix, never the secret
  await expect(page.getByTestId('api-keys-table')).not.toContainText(key);

  // the merchant's shop system, with no session cookie, only the key
  const shop = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${key}`, 'Accept-Language': 'en' },
  });
  const externalRef = uniqueName('SHOP-');
  const placed = await shop.post('/api/v1/orders', {
    data: {
      externalRef,
      customer: { name: 'API Buyer', phone: '13911112222' },
      shipTo: {
        name: 'API Buyer',
        phone: '13911112222',
        province: '上海市',
        city: '上海市',
        street: '南京东路 100 号',
      },
      lines: [{ skuCode: stock.sku.code, quantity: 2 }],
    },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const order = (await placed.json()).data;
  expect(order).toMatchObject({ status: 'pending_payment', source: 'api', externalRef });

  const short = await shop.post('/api/v1/orders', {
    data: {
      customer: { name: 'API Buyer', phone: '13911112222' },
      shipTo: {
        name: 'API Buyer',
        phone: '13911112222',
        province: '上海市',
        city: '上海市',
        street: '南京东路 100 号',
      },
      lines: [{ skuCode: stock.sku.code, quantity: 2 }],
    },
  });
  expect(short.status()).toBe(409);
  expect((await short.json()).error.message).toContain(stock.sku.code);

  // the order is in the console, placed by the key
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText(order.number).first()).toBeVisible();
  await expect(page.getByText(`API: ${name}`).first()).toBeVisible();

  // revoked: the next call is refused
  page.once('dialog', (dialog) => dialog.accept());
  await page.goto('/settings/api-keys');
  await page.getByTestId(`api-key-row-${prefix}`).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByTestId(`api-key-row-${prefix}`)).toContainText('Revoked');
  const refused = await shop.get(`/api/v1/orders/${order.number}`);
  expect(refused.status()).toBe(401);
  await shop.dispose();
});
