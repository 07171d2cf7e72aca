import { expect, test, type Page } from '@playwright/test';
import { createTestOrders, uniqueName, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

// SF + 13 digits no other run has used
const sfNumber = () => `SF14${String(Date.now()).slice(-10)}`;

/** Opens the order page and records a request of `kind` for `quantity` units with `reason`; lands on the request. */
async function requestOnOrder(page: Page, orderId: number, kind: string, quantity: number, reason: string) {
  await page.goto(`/orders/${orderId}`);
  const card = page.getByTestId('order-after-sales');
  await expect(card.getByTestId('after-sales-summary')).toHaveText('No after-sales');
  const form = card.getByTestId('new-after-sales-form');
  await form.getByLabel('Kind').selectOption({ label: kind });
  await form.locator('input[type=number]').first().fill(String(quantity));
  await form.getByLabel('Reason').selectOption({ label: reason });
  await form.getByTestId('new-after-sales-submit').click();
  await expect(page).toHaveURL(/\/after-sales\/\d+$/);
  await expect(page.getByTestId('request-status')).toHaveText('Requested');
}

async function act(page: Page, action: string, status: string) {
  await page.getByTestId(action).click();
  await expect(page.getByTestId('request-status')).toHaveText(status);
}

test('a return and refund from the order page: approved, parcel back, one unit restocked and one damaged, refunded through the sandbox', async ({
  page,
  request,
}) => {
  const { orders } = await createTestOrders(request, {
    status: 'shipped',
    quantity: 2,
    customerName: uniqueName('Return'),
  });
  const order = orders[0];
  await requestOnOrder(page, order.id, 'Return and refund', 2, 'Quality problem');
  const requestUrl = page.url();

  // the queue lists it under its order number, with a countdown to the seller's deadline
  await page.goto(`/after-sales?q=${order.number}`);
  const row = page.getByTestId('after-sales-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Return and refund');
  await expect(row.getByTestId('deadline')).toHaveText(/^in \d+ (hours?|days?)$/);
  await page.goto(requestUrl);

  await act(page, 'approve', 'Awaiting return parcel');

  // a number that fails the carrier's rule is refused in words and changes nothing
  const parcel = page.getByTestId('record-return-form');
  await parcel.getByLabel('Carrier', { exact: true }).selectOption({ label: 'SF Express' });
  await parcel.getByLabel('Tracking number').fill('123');
  await parcel.getByTestId('record-return').click();
  await expect(page.getByTestId('action-result')).toContainText('123');
  await expect(page.getByTestId('request-status')).toHaveText('Awaiting return parcel');
  const trackingNumber = sfNumber();
  await parcel.getByLabel('Tracking number').fill(trackingNumber);
  await act(page, 'record-return', 'Return in transit');
  await expect(page.getByText(`SF Express ${trackingNumber}`)).toBeVisible();

  const receive = page.getByTestId('receive-form');
  await receive.getByLabel('Restock', { exact: true }).fill('1');
  await receive.getByLabel('Damaged', { exact: true }).fill('1');
  await act(page, 'receive', 'Inspected');
  const line = page.getByTestId('request-lines').locator('tbody tr').first();
  await expect(line).toContainText('Quality problem');
  await expect(page.getByTestId('request-proposed')).not.toContainText('—');

  // the proposed amount goes back through the payment sandbox
  await act(page, 'send-refund', 'Completed');
  await expect(page.getByTestId('request-refund')).toHaveAttribute('data-refund-status', 'succeeded');
  await expect(page.getByTestId('request-timeline')).toContainText('Refunding');
  await expect(page.getByTestId('after-sales-actions')).toContainText('Nothing for you to do on this request now.');

  await page.goto(`/orders/${order.id}`);
  const card = page.getByTestId('order-after-sales');
  await expect(card.getByTestId('after-sales-summary')).toHaveText(/^(Refunded|Partly refunded)$/);
  await expect(card).toContainText('Completed');
});

test('refund only on a line not shipped yet: approved and refunded, the rest of the order still ships', async ({
  page,
  request,
}) => {
  const { orders } = await createTestOrders(request, {
    status: 'paid',
    quantity: 2,
    customerName: uniqueName('RefundOnly'),
  });
  const order = orders[0];
  await requestOnOrder(page, order.id, 'Refund only', 1, 'No longer wanted');
  await act(page, 'approve', 'Approved');
  await expect(page.getByTestId('request-proposed')).not.toContainText('—');
  await act(page, 'send-refund', 'Completed');
  await expect(page.getByTestId('request-refund')).toHaveAttribute('data-refund-status', 'succeeded');

  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('order-after-sales').getByTestId('after-sales-summary')).toHaveText('Partly refunded');
  await expect(page.getByTestId('order-status')).not.toHaveText('Cancelled');
  // only the one unit left is offered to a new refund-only request
  await expect(page.getByTestId('new-after-sales-form')).toContainText('at most 1');
});
