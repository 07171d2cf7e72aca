import { expect, test } from '@playwright/test';
import { createTestOrders, uniqueName, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

// SF + 13 digits no other run has used; the last digit picks the sandbox's script (7: delivered)
const sfNumber = (lastDigit: number, i: number) => `SF14${String(Date.now()).slice(-8)}${i}${lastDigit}`;

test('bulk ships two orders from the queue, then sandbox pushes bring one parcel to delivered', async ({ page, request }) => {
  const { orders, warehouse } = await createTestOrders(request, { status: 'awaiting_shipment', count: 2, customerName: uniqueName('Ship') });
  const numbers = [sfNumber(7, 1), sfNumber(1, 2)];

  // the queue, narrowed to this test's warehouse, lists both orders
  await page.goto(`/shipping?warehouse=${warehouse.id}`);
  const rows = page.getByTestId('queue-order');
  await expect(rows).toHaveCount(2);
  for (const order of orders) await page.getByLabel(`Select order ${order.number}`).check();
  await page.getByTestId('bulk-ship-selected').click();

  await expect(page).toHaveURL(/\/shipping\/bulk-ship\?order=/);
  await expect(page.getByTestId('bulk-ship-row')).toHaveCount(2);
  for (const [i, order] of orders.entries()) {
    await page.getByLabel(`Carrier for ${order.number}`).selectOption({ label: 'SF Express' });
    await page.getByLabel(`Tracking number for ${order.number}`).fill(numbers[i]);
  }
  await page.getByTestId('bulk-ship-submit').click();

  const report = page.getByTestId('bulk-ship-report');
  await expect(report).toContainText('2 shipped, 0 failed.');
  for (const order of orders) {
    const line = report.locator(`[data-testid=bulk-ship-result][data-order-number="${order.number}"]`);
    await expect(line).toHaveAttribute('data-ok', 'true');
    await expect(line).toContainText('Shipped: the order is now Shipped.');
  }
  // shipping the same orders again is refused per order, in words
  await page.getByTestId('bulk-ship-submit').click();
  await expect(report).toContainText('0 shipped, 2 failed.');
  await expect(report.locator('[data-ok=false]').first()).toContainText('Not possible: the order is Shipped.');

  // the sandbox aggregator got the subscription when the parcel shipped; play its pushes
  await page.goto('/sandbox/kuaidi100');
  const parcel = page.locator(`[data-testid=sandbox-parcel][data-tracking-number="${numbers[0]}"]`);
  await expect(parcel).toContainText('Will be delivered');
  const expected = ['Push 1 sent: Picked up.', 'Push 2 sent: In transit.', 'Push 3 sent: Out for delivery.', 'Push 4 sent: Signed for.'];
  for (const text of expected) {
    await parcel.getByTestId('send-next-push').click();
    await expect(parcel.getByTestId('send-next-push-result')).toHaveText(text);
  }
  await expect(parcel).toContainText('all pushes sent');

  // the shipment page shows it delivered, with the whole timeline
  await page.goto(`/shipping/shipments?carrier=`);
  await page.getByRole('link', { name: numbers[0] }).click();
  await expect(page.getByTestId('shipment-status')).toHaveText('Delivered');
  await expect(page.getByTestId('tracking-timeline').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('tracking-timeline').locator('li').first()).toContainText('Signed for');
  await expect(page.getByTestId('shipment-delivered-at')).not.toHaveText('—');

  // the other parcel is still on its way, and the order page shows the delivered parcel's timeline
  await page.goto(`/orders/${orders[0].id}`);
  await expect(page.getByTestId('order-shipments')).toContainText('Delivered');
  await expect(page.getByTestId('order-shipments').locator('[data-testid^=order-tracking-] li')).toHaveCount(4);
});
