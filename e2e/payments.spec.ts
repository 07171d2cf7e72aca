import { expect, test } from '@playwright/test';
import { createTestOrders, uniqueName, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

test('an order is paid through Alipay in the sandbox: attempt on the order page, pay on the cashier, back to a paid order', async ({
  page,
  request,
}) => {
  const { orders } = await createTestOrders(request, { status: 'pending_payment', customerName: uniqueName('Pay') });
  const order = orders[0];
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText('Pending payment');

  const section = page.getByTestId('online-payment');
  const attemptNumbers = () =>
    section
      .getByTestId('payment-attempt')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-out-trade-no')));
  const before = await attemptNumbers();
  await section.getByLabel('Method').selectOption({ label: 'Alipay' });
  await section.getByTestId('create-payment').click();
  await expect.poll(async () => (await attemptNumbers()).length).toBe(before.length + 1);
  const outTradeNo = (await attemptNumbers()).find((number) => !before.includes(number));
  const attempt = page.locator(`[data-out-trade-no="${outTradeNo}"]`);
  await expect(attempt.getByTestId('attempt-status')).toHaveText('Pending');

  await attempt.getByTestId('pay-link').click();
  // the cashier is addressed by an unguessable trade token, as at a real provider
  await expect(page).toHaveURL(/\/sandbox\/alipay\/pay\/[A-Za-z0-9_-]{24}$/);
  await expect(page.getByTestId('sandbox-out-trade-no')).toHaveText(outTradeNo!);
  const yuan = `${Math.floor(order.totalCents / 100)}.${String(order.totalCents % 100).padStart(2, '0')}`;
  await expect(page.getByTestId('sandbox-amount')).toContainText(yuan);
  await page.getByTestId('sandbox-pay').click();

  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}$`));
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  await expect(page.locator(`[data-out-trade-no="${outTradeNo}"]`)).toHaveAttribute('data-status', 'succeeded');
  const timeline = page.getByTestId('order-timeline');
  await expect(timeline).toContainText('Pending payment → Paid');
  await expect(timeline).toContainText('Alipay 支付宝');

  // asking Alipay (the sandbox) afterwards finds the same payment and changes nothing
  await page.locator(`[data-out-trade-no="${outTradeNo}"]`).getByTestId('query-status').click();
  await expect(page.locator(`[data-out-trade-no="${outTradeNo}"]`).getByTestId('query-result')).toHaveText(
    'Provider says: TRADE_SUCCESS. Already recorded; nothing changed.',
  );
});

test('Settings → Payment methods: providers on their sandbox, a live provider needs its ids and keys, secrets never shown in full', async ({
  page,
}) => {
  await page.goto('/settings');
  await page.getByTestId('settings-paymentProviders').click();
  await expect(page).toHaveURL(/\/settings\/payment-methods$/);
  const alipay = page.getByTestId('provider-alipay');
  await expect(alipay.getByLabel('Mode')).toHaveValue('sandbox');

  // live without ids or keys: every missing field is named, nothing is saved
  await alipay.getByLabel('Mode').selectOption('live');
  await page.getByRole('button', { name: 'Save payment methods' }).click();
  await expect(page.getByTestId('field-error-alipay.merchantId')).toHaveText('Required for live mode.');
  await expect(page.getByTestId('field-error-alipay.merchantPrivateKey')).toHaveText('Required for live mode.');
  await page.reload();
  await expect(page.getByTestId('provider-alipay').getByLabel('Mode')).toHaveValue('sandbox');

  // a WeChat Pay APIv3 key typed for the sandbox is stored sealed and shown as its last four characters
  await page
    .getByTestId('provider-wechat_pay')
    .getByLabel('APIv3 key (32 characters)')
    .fill('ABCDEFGHIJKLMNOPQRSTUVWXYZ12wxyz');
  await page.getByRole('button', { name: 'Save payment methods' }).click();
  await expect(page.getByTestId('payment-methods-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('secret-wechat_pay-apiV3Key')).toHaveText('Stored encrypted: ••••wxyz');
  await expect(page.locator('body')).not.toContainText('ABCDEFGHIJKLMNOP');
});
