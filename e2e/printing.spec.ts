import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { createTestOrders, signInAndWait, uniqueName, useEnglish } from './support';

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL!);
});

/** Pages a PDF has (each page object of the document). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

async function openFromList(page: Page, doc: string): Promise<Page> {
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId('bulk-print').locator(`[data-print-doc=${doc}]`).click(),
  ]);
  await popup.waitForLoadState();
  return popup;
}

test('select two orders, print the pick list and packing slips, one slip per page, and download the PDF', async ({
  page,
  request,
}) => {
  const name = uniqueName('Print');
  // one SKU in bin A-03-2, 1 unit on the first order and 2 on the second
  const made = await createTestOrders(request, {
    status: 'awaiting_shipment',
    count: 2,
    customerName: name,
    location: 'A-03-2',
  });
  const [first, second] = made.orders;

  await page.goto(`/orders?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId('orders-table').locator('tbody tr')).toHaveCount(2);
  for (const order of made.orders) await page.locator(`[data-select-order="${order.number}"]`).check();

  const pickList = await openFromList(page, 'pick-list');
  await expect(pickList).toHaveURL(
    new RegExp(`/print/pick-list\\?orders=(${first.id},${second.id}|${second.id},${first.id})`),
  );
  await expect(pickList.getByRole('heading', { name: 'Pick list' }).first()).toBeVisible();
  const row = pickList.locator(`[data-pick-sku="${made.sku.code}"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-pick-total', '3');
  await expect(row).toContainText('A-03-2');
  await expect(row.locator('[data-pick-order]')).toHaveText([`${first.number}×1`, `${second.number}×2`]);
  // pickers see order numbers only: nobody's name on the pick list
  await expect(pickList.getByTestId('pick-list')).not.toContainText(name);
  await pickList.close();

  const slips = await openFromList(page, 'packing-slips');
  const slip = slips.getByTestId('packing-slip');
  await expect(slip).toHaveCount(2);
  await expect(slip.nth(0)).toHaveAttribute('data-order-number', first.number);
  await expect(slip.nth(1)).toHaveAttribute('data-order-number', second.number);
  await expect(slip.nth(0)).toContainText(name);
  await expect(slip.nth(0).locator(`[data-slip-sku="${made.sku.code}"]`)).toHaveAttribute('data-slip-quantity', '1');
  await expect(slip.nth(1).locator(`[data-slip-sku="${made.sku.code}"]`)).toHaveAttribute('data-slip-quantity', '2');
  await expect(slip.nth(0).locator(`[data-barcode="${first.number}"] svg`)).toBeVisible();
  // every slip starts a new page
  const breaks = await slip.evaluateAll((nodes) =>
    nodes.map((node) => {
      const style = getComputedStyle(node);
      return [style.breakBefore, style.getPropertyValue('page-break-before')];
    }),
  );
  expect(breaks).toEqual([
    ['page', 'always'],
    ['page', 'always'],
  ]);
  await expect(slips.getByTestId('print-button')).toBeVisible();
  await slips.emulateMedia({ media: 'print' });
  await expect(slips.getByTestId('print-toolbar')).toBeHidden();
  expect(pdfPageCount(await slips.pdf({ preferCSSPageSize: true }))).toBe(2);

  // the PDF download is the same two pages
  const pdfHref = await slips.getByTestId('print-pdf').getAttribute('href');
  const response = await slips.request.get(pdfHref!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const pdf = await response.body();
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfPageCount(pdf)).toBe(2);
});

test('a thermal label shows carrier, recipient, parcel n/m, the COD amount and a tracking barcode that scans', async ({
  page,
  request,
}, testInfo) => {
  const name = uniqueName('Label');
  // cash on delivery, split over two warehouses: the first parcel has left, the second is still to pack
  const made = await createTestOrders(request, {
    status: 'partially_shipped',
    count: 1,
    customerName: name,
    isSplit: true,
    isCashOnDelivery: true,
  });
  const order = made.orders[0];

  await page.goto(`/orders/${order.id}`);
  const [labels] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId('order-print').locator('[data-print-doc=labels-thermal]').click(),
  ]);
  const both = labels.getByTestId('shipping-label');
  await expect(both).toHaveCount(2);
  await expect(both.nth(1)).toHaveAttribute('data-parcel', '2/2');
  await expect(both.nth(1)).toHaveAttribute('data-tracking-number', '');
  await expect(both.nth(1).getByTestId('label-parcel')).toHaveText('Parcel 2/2');
  await expect(both.nth(1).getByTestId('label-cod')).toHaveText('COD · collected with parcel 1');
  const label = both.nth(0);
  await expect(label).toHaveAttribute('data-order-number', order.number);
  await expect(label.getByTestId('label-parcel')).toHaveText('Parcel 1/2');
  await expect(label.getByTestId('label-cod')).toHaveText(
    `COD · collect CN¥${(order.totalCents / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`,
  );
  await expect(label).toContainText(name);
  await expect(label).toContainText('SF Express');
  const tracking = await label.getAttribute('data-tracking-number');
  expect(tracking).toMatch(/^SF\d{12,13}$/);
  await expect(label).toContainText(tracking!);
  // 100 x 150 mm at 96 px per inch
  const box = (await label.boundingBox())!;
  expect(Math.round(box.width)).toBe(378);
  expect(Math.round(box.height)).toBe(567);

  const screenshotPath = testInfo.outputPath('thermal-label.png');
  const png = await label.screenshot({ path: screenshotPath, scale: 'device' });
  await testInfo.attach('thermal label', { path: screenshotPath, contentType: 'image/png' });
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });
  // the tracking barcode as drawn on the label, at screen resolution (a thermal printer has twice as many dots)
  const scanned = (await readBarcodes(new Uint8Array(png), { formats: ['Code128'] })).map((r) => r.text);
  expect(scanned).toContain(tracking);
});

test('a bad print address says what is wrong and prints nothing', async ({ page }) => {
  await page.goto('/print/pick-list?orders=12,abc');
  await expect(page.getByTestId('print-error')).toContainText('orders must be order ids separated by commas');
  await page.goto('/print/labels?orders=1&format=letter');
  await expect(page.getByTestId('print-error')).toContainText('thermal (100×150 mm) or a4');
  const response = await page.request.get('/print/packing-slips.pdf?warehouse=x');
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toBe('invalid_warehouse');
});

test('warehouse staff select and print orders; the PDF needs a signed-in session', async ({
  browser,
  playwright,
  baseURL,
  request,
}) => {
  const name = uniqueName('Wh');
  const made = await createTestOrders(request, { status: 'awaiting_shipment', count: 1, customerName: name });

  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const refused = await anonymous.get(`/print/pick-list.pdf?orders=${made.orders[0].id}`, { maxRedirects: 0 });
  expect(refused.status()).toBe(307);
  expect(refused.headers().location).toContain('/sign-in?callbackUrl=%2Fprint%2Fpick-list.pdf');
  await anonymous.dispose();

  // warehouse staff may not edit orders, but they print them
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await useEnglish(context, baseURL!);
  const page = await context.newPage();
  await signInAndWait(page, 'warehouse@example.com');
  await page.goto(`/orders?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId('bulk-actions')).toHaveCount(0);
  await page.locator(`[data-select-order="${made.orders[0].number}"]`).check();
  const [slips] = await Promise.all([
    context.waitForEvent('page'),
    page.getByTestId('bulk-print').locator('[data-print-doc=packing-slips]').click(),
  ]);
  await expect(slips.getByTestId('packing-slip')).toHaveAttribute('data-order-number', made.orders[0].number);
  await context.close();
});

test('labels of parcels not shipped yet leave the tracking number blank and print the carrier chosen', async ({
  page,
  request,
}) => {
  const made = await createTestOrders(request, {
    status: 'awaiting_shipment',
    count: 1,
    customerName: uniqueName('Blank'),
  });
  await page.goto(`/print/labels?orders=${made.orders[0].id}&format=a4`);
  const label = page.getByTestId('shipping-label');
  await expect(page.getByTestId('label-sheet')).toHaveCount(1);
  await expect(label).toHaveAttribute('data-tracking-number', '');
  await expect(label).toContainText('Carrier: ____');
  await page.locator('#label-carrier').selectOption({ label: 'SF Express' });
  await expect(page).toHaveURL(/carrier=shunfeng/);
  await expect(page).toHaveURL(/format=a4/);
  await expect(label.locator('.label-carrier')).toHaveText('SF Express');
  await expect(label).toHaveAttribute('data-tracking-number', '');
});

test('printing from the orders list skips a cancelled order and says why', async ({ page, request }) => {
  const name = uniqueName('Skip');
  const waiting = await createTestOrders(request, { status: 'awaiting_shipment', count: 1, customerName: name });
  const cancelled = await createTestOrders(request, { status: 'cancelled', count: 1, customerName: name });
  const ids = [waiting.orders[0].id, cancelled.orders[0].id];

  await page.goto(`/orders?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId('orders-table').locator('tbody tr')).toHaveCount(2);
  for (const order of [...waiting.orders, ...cancelled.orders])
    await page.locator(`[data-select-order="${order.number}"]`).check();
  const pickList = await openFromList(page, 'pick-list');
  await expect(pickList.locator(`[data-pick-sku="${waiting.sku.code}"]`)).toHaveCount(1);
  await expect(pickList.locator(`[data-pick-sku="${cancelled.sku.code}"]`)).toHaveCount(0);
  const skipped = pickList.getByTestId('print-skipped-order');
  await expect(skipped).toHaveCount(1);
  await expect(skipped).toHaveAttribute('data-order-number', cancelled.orders[0].number);
  await expect(skipped).toContainText('cancelled');
  await expect(pickList.getByTestId('print-skipped')).toContainText('1 selected order was not printed');

  // the same for packing slips and labels, by address too
  for (const doc of ['packing-slips', 'labels']) {
    await pickList.goto(`/print/${doc}?orders=${ids.join(',')}`);
    await expect(pickList.locator(`article[data-order-number="${waiting.orders[0].number}"]`)).toHaveCount(1);
    await expect(pickList.locator(`article[data-order-number="${cancelled.orders[0].number}"]`)).toHaveCount(0);
    await expect(pickList.getByTestId('print-skipped-order')).toHaveAttribute(
      'data-order-number',
      cancelled.orders[0].number,
    );
  }
});
