import { expect, test, type Page } from '@playwright/test';
import { createTestOrders, uniqueName, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

let serial = 0;
/** an SF Express tracking number (SF + 12 digits) no other run has used */
const sfNumber = () => `SF${String(Date.now()).slice(-9)}${String(++serial % 1000).padStart(3, '0')}`;

const actionBar = (page: Page) => page.getByTestId('order-actions');
const actionButtons = (page: Page) => actionBar(page).locator('button[data-action]');
const status = (page: Page) => page.getByTestId('order-status');
const timelineItems = (page: Page) => page.getByTestId('order-timeline').locator('li');

/** Clicks an action, submits its dialog, and waits for the status badge to show the new status. */
async function act(
  page: Page,
  action: string,
  nextStatus: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  const eventsBefore = await timelineItems(page).count();
  await actionBar(page).locator(`button[data-action=${action}]`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByTestId('dialog-submit').click();
  await expect(status(page)).toHaveText(nextStatus);
  await expect(dialog).toHaveCount(0);
  // the timeline grew with this step
  await expect.poll(() => timelineItems(page).count()).toBeGreaterThan(eventsBefore);
}

test('an order runs from pending payment to completed by hand, the buttons following its status', async ({
  page,
  request,
}) => {
  const { orders, sku } = await createTestOrders(request, {
    status: 'pending_payment',
    quantity: 3,
    customerName: uniqueName('Flow'),
  });
  const order = orders[0];
  await page.goto(`/orders/${order.id}`);
  await expect(status(page)).toHaveText('Pending payment');
  await expect(actionButtons(page)).toHaveText(['Confirm payment', 'Cancel order', 'Archive']);

  await act(page, 'confirmPayment', 'Paid', async (dialog) => {
    await dialog.getByLabel('Reference').fill(`BANK-${order.number}`);
  });
  await expect(page.getByTestId('action-outcome')).toHaveText('Payment confirmed; the order is paid.');
  await expect(page.getByTestId('order-timeline')).toContainText('Pending payment → Paid');
  await expect(page.getByTestId('order-payments')).toContainText(`BANK-${order.number}`);
  await expect(actionButtons(page)).toHaveText(['Review / approve', 'Cancel order']);

  await act(page, 'review', 'Awaiting shipment');
  await expect(actionButtons(page)).toHaveText(['Ship', 'Cancel order']);

  // first parcel: 1 of 3
  await act(page, 'ship', 'Partially shipped', async (dialog) => {
    await dialog.getByLabel('Carrier').selectOption({ label: 'SF Express' });
    await dialog.getByLabel('Tracking number').fill(sfNumber());
    await dialog.locator(`input[data-line-sku="${sku.code}"]`).fill('1');
  });
  await expect(actionButtons(page)).toHaveText(['Ship']);
  await expect(page.getByTestId('order-shipments').locator('li').filter({ hasText: 'Tracking no.' })).toHaveCount(1);

  // a tracking number the carrier would never issue is refused in the dialog
  await actionBar(page).locator('button[data-action=ship]').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Carrier').selectOption({ label: 'SF Express' });
  await dialog.getByLabel('Tracking number').fill('NOT-A-NUMBER');
  await dialog.getByTestId('dialog-submit').click();
  await expect(dialog.getByTestId('field-error-trackingNumber')).toHaveText(
    'NOT-A-NUMBER is not a SF Express tracking number. SF Express numbers are SF followed by 12 or 13 digits, e.g. SF1400000000001.',
  );
  await expect(status(page)).toHaveText('Partially shipped');

  // the rest: the dialog offers the 2 that remain
  await expect(dialog.locator(`input[data-line-sku="${sku.code}"]`)).toHaveValue('2');
  await dialog.getByLabel('Tracking number').fill(sfNumber());
  await dialog.getByTestId('dialog-submit').click();
  await expect(status(page)).toHaveText('Shipped');
  await expect(page.getByTestId('order-shipments').locator('li').filter({ hasText: 'Tracking no.' })).toHaveCount(2);
  await expect(actionButtons(page)).toHaveText(['Complete']);

  await act(page, 'complete', 'Completed');
  await expect(actionButtons(page)).toHaveCount(0);
  await expect(actionBar(page)).toContainText('No actions are available');
  const timeline = page.getByTestId('order-timeline');
  for (const step of [
    'Pending payment → Paid',
    'Paid → Awaiting shipment',
    'Awaiting shipment → Partially shipped',
    'Partially shipped → Shipped',
    'Shipped → Completed',
  ]) {
    await expect(timeline).toContainText(step);
  }
});

test('cancelling asks for a reason, then the order shows it', async ({ page, request }) => {
  const { orders } = await createTestOrders(request, { status: 'paid', customerName: uniqueName('Cancel') });
  await page.goto(`/orders/${orders[0].id}`);
  await actionBar(page).locator('button[data-action=cancel]').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Cancel order ${orders[0].number}?`);
  // "Keep order" closes without changing anything
  await dialog.getByRole('button', { name: 'Keep order' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(status(page)).toHaveText('Paid');

  await act(page, 'cancel', 'Cancelled', async (d) => {
    await d.getByLabel('Reason (required)').fill('Buyer asked by phone');
  });
  await expect(page.getByText('Cancel reason: Buyer asked by phone')).toBeVisible();
  await expect(page.getByTestId('order-timeline')).toContainText('Paid → Cancelled');
  await expect(actionButtons(page)).toHaveText(['Archive']);
});

test('a move someone else made first is reported, and the page shows the order as it is now', async ({
  browser,
  page,
  request,
}) => {
  const { orders } = await createTestOrders(request, { status: 'paid', customerName: uniqueName('Race') });
  await page.goto(`/orders/${orders[0].id}`);
  await expect(status(page)).toHaveText('Paid');

  // a colleague approves it in another window
  const other = await browser.newPage({ storageState: 'e2e/.auth/admin.json' });
  await other.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }]);
  await other.goto(`/orders/${orders[0].id}`);
  await act(other, 'review', 'Awaiting shipment');
  await other.close();

  await actionBar(page).locator('button[data-action=review]').click();
  await page.getByRole('dialog').getByTestId('dialog-submit').click();
  await expect(page.getByTestId('action-outcome')).toHaveText(
    'This order is already Awaiting shipment; the page has been refreshed.',
  );
  await expect(status(page)).toHaveText('Awaiting shipment');
  await expect(actionButtons(page)).toHaveText(['Ship', 'Cancel order']);
});

test('notes and tags are added from the order page', async ({ page, request }) => {
  const { orders } = await createTestOrders(request, {
    status: 'awaiting_shipment',
    customerName: uniqueName('Notes'),
  });
  await page.goto(`/orders/${orders[0].id}`);
  await page.getByLabel('Add an internal note').fill('Customer wants a gift wrap');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('order-timeline').locator('li[data-event-kind=note]')).toContainText(
    'Customer wants a gift wrap',
  );

  await page.getByRole('button', { name: 'Edit tags' }).click();
  await page.getByLabel('Tags', { exact: true }).fill('VIP, gift, vip');
  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect(page.getByTestId('order-tags')).toContainText('VIP');
  await expect(page.getByTestId('order-tags').locator('span')).toHaveText(['VIP', 'gift']);
});

test('an order number in the URL opens the order; a note over its limit is counted and refused, never cut', async ({
  page,
  request,
}) => {
  const { orders } = await createTestOrders(request, {
    status: 'awaiting_shipment',
    customerName: uniqueName('Limit'),
  });
  await page.goto(`/orders/${orders[0].number}`);
  await expect(page).toHaveURL(new RegExp(`/orders/${orders[0].id}$`));
  await expect(status(page)).toHaveText('Awaiting shipment');

  const field = page.getByLabel('Add an internal note');
  await field.fill('Short note');
  await expect(page.getByTestId('note-count')).toHaveText('10 / 2000');
  const tooLong = 'x'.repeat(2001);
  await field.fill(tooLong);
  await expect(field).toHaveValue(tooLong);
  await expect(page.getByTestId('note-count')).toContainText('2001 / 2000');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('note-message')).toHaveText(
    'A note is at most 2000 characters; shorten it or split it in two.',
  );
  await expect(page.getByTestId('order-timeline').locator('li[data-event-kind=note]')).toHaveCount(0);
  await expect(field).toHaveValue(tooLong);
});

test('bulk review reports each order: the paid ones pass, the unpaid one says why not', async ({ page, request }) => {
  const name = uniqueName('Bulk');
  const paid = await createTestOrders(request, { status: 'paid', count: 2, customerName: name });
  const pending = await createTestOrders(request, { status: 'pending_payment', count: 1, customerName: name });

  await page.goto(`/orders?q=${encodeURIComponent(name)}`);
  const rows = page.getByTestId('orders-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await page.getByTestId('select-all').check();
  await expect(page.getByTestId('bulk-count')).toHaveText('3 orders selected');
  await page.getByTestId('bulk-actions').getByRole('button', { name: 'Review', exact: true }).click();

  const results = page.getByTestId('bulk-results');
  await expect(results).toContainText('Results: 2 succeeded, 1 failed');
  for (const order of paid.orders)
    await expect(results.locator(`[data-result-order="${order.number}"]`)).toHaveAttribute('data-ok', 'true');
  await expect(results.locator(`[data-result-order="${pending.orders[0].number}"]`)).toContainText(
    'Not possible: the order is Pending payment.',
  );
  // the list shows the new statuses
  await expect(rows.filter({ hasText: 'Awaiting shipment' })).toHaveCount(2);

  // tag two of them
  await page.locator(`[data-select-order="${paid.orders[0].number}"]`).check();
  await page.locator(`[data-select-order="${pending.orders[0].number}"]`).check();
  await page.getByTestId('bulk-actions').getByRole('button', { name: 'Add tag' }).click();
  await page.getByRole('dialog').getByLabel('Tag').fill('Batch-7');
  await page.getByRole('dialog').getByTestId('dialog-submit').click();
  await expect(results).toContainText('Results: 2 succeeded, 0 failed');
  await page.goto(`/orders/${pending.orders[0].id}`);
  await expect(page.getByTestId('order-tags')).toContainText('Batch-7');
});

test('the needs-review queue and the order rules page', async ({ page }) => {
  await page.goto('/orders');
  await page.getByTestId('needs-review-chip').click();
  await expect(page).toHaveURL(/status=paid/);
  await expect(page).toHaveURL(/review=needed/);

  await page.goto('/settings');
  await page.getByTestId('settings-orderRules').click();
  await expect(page.getByRole('heading', { name: 'Order rules' })).toBeVisible();
  await page.getByLabel('Cancel unpaid orders after (minutes)').fill('0');
  await page.getByLabel('Hold orders above (yuan)').fill('12.345');
  await page.getByLabel('Ask providers about pending payments after (minutes)').fill('abc');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByTestId('field-error-reconcileAfterMinutes')).toHaveText(
    'Enter whole minutes from 1 to 10080 (7 days).',
  );
  await expect(page.getByTestId('field-error-unpaidTimeoutMinutes')).toHaveText(
    'Enter whole minutes from 1 to 10080 (7 days).',
  );
  await expect(page.getByTestId('field-error-maxTotalYuan')).toBeVisible();

  await page.getByLabel('Cancel unpaid orders after (minutes)').fill('45');
  await page.getByLabel('Hold orders above (yuan)').fill('1999.50');
  await page.getByLabel('Ask providers about pending payments after (minutes)').fill('20');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByTestId('rules-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Cancel unpaid orders after (minutes)')).toHaveValue('45');
  await expect(page.getByLabel('Hold orders above (yuan)')).toHaveValue('1999.50');
  await expect(page.getByLabel('Ask providers about pending payments after (minutes)')).toHaveValue('20');
  // five order and payment sweeps, the after-sales deadlines, analytics, imports, and the tracking sandbox's clock (e2e turns it on)
  await expect(page.getByTestId('job-runs').locator('tbody tr')).toHaveCount(9);
  await expect(page.locator('tr[data-job=run_imports]')).toContainText('Finish order imports a restart interrupted');
  await expect(page.locator('tr[data-job=after_sales_deadlines]')).toContainText('Act on after-sales deadlines');
  await expect(page.locator('tr[data-job=reconcile_payments]')).toContainText(
    'Reconcile payments and refunds with the providers',
  );
});
