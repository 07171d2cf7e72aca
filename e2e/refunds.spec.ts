import { expect, test } from '@playwright/test';
import { createTestOrders, signInAndWait, uniqueName, useEnglish } from './support';

test('finance refunds part of a paid order through the provider sandbox and sees it on the order and on Payments', async ({
  browser,
  request,
  baseURL,
}) => {
  // the order is made with the admin's session; the refund is done by a finance user in a fresh browser
  const { orders } = await createTestOrders(request, {
    status: 'paid',
    quantity: 2,
    customerName: uniqueName('Refund'),
  });
  const order = orders[0];
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await useEnglish(context, baseURL!);
  const page = await context.newPage();
  await signInAndWait(page, 'finance@example.com');

  await page.goto(`/orders/${order.id}`);
  const panel = page.getByTestId('refund-panel');
  await expect(panel).toBeVisible();
  await panel.getByLabel('By amount').check();
  await panel.getByTestId('refund-amount').fill('1.50');
  await panel.getByTestId('refund-reason').fill('damaged box');
  await panel.getByTestId('refund-submit').click();
  await expect(page.getByTestId('refund-message')).toHaveText('Refund succeeded.');
  const row = page.getByTestId('refund-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-refund-status', 'succeeded');
  await expect(row).toContainText('damaged box');
  await expect(row).toContainText('1.50');
  // what is left to refund went down by the refund
  const left = (order.totalCents - 150) / 100;
  await expect(page.getByTestId('refundable')).toContainText(left.toFixed(2));
  await expect(page.getByTestId('order-timeline')).toContainText('damaged box');

  // more than is left is refused with a message, and nothing is recorded
  await panel.getByLabel('By amount').check();
  await panel.getByTestId('refund-amount').fill((left + 1).toFixed(2));
  await panel.getByTestId('refund-reason').fill('too much');
  await panel.getByTestId('refund-submit').click();
  await expect(page.getByTestId('refund-message')).toContainText('more than can still be refunded');
  await expect(page.getByTestId('refund-row')).toHaveCount(1);

  await page.goto('/payments?state=succeeded');
  const paymentRow = page.locator(`tr[data-order-number="${order.number}"]`);
  await expect(paymentRow.getByTestId('payment-refunded')).toContainText('1.50');
  await paymentRow.locator('td').first().getByRole('link').click();
  await expect(page.getByTestId('payment-refunds').locator('li')).toHaveAttribute('data-refund-status', 'succeeded');
  await context.close();
});

test('the refund a cancellation leaves owed is sent to the provider from the order page', async ({
  page,
  request,
  baseURL,
  context,
}) => {
  await useEnglish(context, baseURL!);
  const { orders } = await createTestOrders(request, { status: 'paid', customerName: uniqueName('Owed') });
  const order = orders[0];
  await page.goto(`/orders/${order.id}`);
  await page.getByTestId('order-actions').locator('button[data-action=cancel]').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason (required)').fill('out of stock');
  await dialog.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  const row = page.getByTestId('refund-row');
  await expect(row).toHaveAttribute('data-refund-status', 'pending');
  await expect(row).toContainText((order.totalCents / 100).toFixed(2));
  await row.getByRole('button', { name: 'Send to provider' }).click();
  await expect(page.getByTestId('refund-message')).toHaveText('Refund succeeded.');
  await expect(row).toHaveAttribute('data-refund-status', 'succeeded');
  await expect(page.getByTestId('refundable')).toContainText('0.00');
});

test('the payments list says which URL values it ignored', async ({ page, baseURL, context }) => {
  await useEnglish(context, baseURL!);
  await page.goto('/payments?method=paypal&from=2026-13-40');
  const rejected = page.getByTestId('rejected-params');
  await expect(rejected).toContainText('Method: "paypal" is not a valid value');
  await expect(rejected).toContainText('From: "2026-13-40" is not a valid value');
  await expect(page.getByTestId('payments-table')).toBeVisible();
});

test('the reconciliation page lists open differences for finance', async ({ page, baseURL, context }) => {
  await useEnglish(context, baseURL!);
  await page.goto('/payments');
  await page.getByRole('link', { name: 'Reconciliation' }).click();
  await expect(page.getByRole('heading', { name: 'Reconciliation' })).toBeVisible();
  await expect(page.getByText('No open differences.')).toBeVisible();
  // when the job last ran and today's money per method, so an empty list reads as checked
  const summary = page.getByTestId('reconciliation-summary');
  await expect(summary.getByRole('heading', { name: /^Today, \d{4}-\d{2}-\d{2}$/ })).toBeVisible();
  await expect(page.getByTestId('reconciliation-last-run')).toHaveText(
    /^(The reconciliation job has not run yet\.|Last reconciliation run: .+)$/,
  );
  await expect(
    summary.getByTestId('reconciliation-totals').or(summary.getByText('No payments or refunds yet today.')),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Resolved' }).click();
  await expect(page).toHaveURL(/view=resolved/);
});
