import { expect, test, type Page } from '@playwright/test';
import { createTestOrders, createTestStock, uniqueName, useEnglish } from './support';

// Runs in the "phone" project (iPhone 13 viewport, 390 px wide, touch) of playwright.config.ts.
test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

/** The page itself never scrolls sideways: wide tables scroll inside their own box. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function check(page: Page, path: string, name: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `test-results/phone/${name}.png`, fullPage: true });
}

test('the key pages fit a phone screen without sideways scrolling', async ({ page, request }) => {
  const name = uniqueName('Phone');
  const { orders } = await createTestOrders(request, { status: 'shipped', count: 1, customerName: name });
  const stock = await createTestStock(request, { onHand: 2, threshold: 5, productName: name });

  await check(page, '/orders', 'orders', async (p) => {
    await expect(p.getByTestId('orders-table')).toBeVisible();
  });
  await check(page, `/orders/${orders[0].id}`, 'order', async (p) => {
    await expect(p.getByTestId('order-lines')).toBeVisible();
  });
  await check(page, '/shipping', 'shipping-queue', async (p) => {
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
  });
  await check(page, '/shipping/shipments', 'shipments', async (p) => {
    await expect(p.getByTestId('shipments-table')).toBeVisible();
  });
  await page.goto('/shipping/shipments');
  await page.getByTestId('shipment-row').first().locator('a').first().click();
  await expect(page.getByTestId('shipment-status')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/phone/shipment.png', fullPage: true });
  await check(page, `/inventory/${stock.sku.id}`, 'inventory-sku', async (p) => {
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
  });
  await check(page, '/inventory/alerts', 'low-stock-alerts', async (p) => {
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
  });
  await check(page, '/inventory/receive', 'receive-stock', async (p) => {
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
  });
});

test('on a phone the sidebar is a menu that opens, navigates and closes', async ({ page }) => {
  await page.goto('/orders');
  await expect(page.getByTestId('sidebar')).toBeHidden();
  await expect(page.getByTestId('phone-menu')).toBeHidden();
  await page.getByTestId('phone-menu-button').click();
  const menu = page.getByTestId('phone-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByTestId('staff-name')).toBeVisible();
  await page.screenshot({ path: 'test-results/phone/menu-open.png' });
  await menu.getByRole('link', { name: 'Shipping' }).click();
  await expect(page).toHaveURL(/\/shipping$/);
  await expect(menu).toBeHidden();
  // Escape closes it too
  await page.getByTestId('phone-menu-button').click();
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});
