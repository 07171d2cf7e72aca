import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo#2026';
export const ADMIN_STATE = 'e2e/.auth/admin.json';

/** Tests read English text unless they test the language itself. */
export async function useEnglish(context: BrowserContext, baseURL: string) {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL }]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await fillSignInForm(page, email, password);
}

/** Fills the sign-in form on the current page (which may carry a callbackUrl). */
export async function fillSignInForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form:has(input[name=password]) button[type=submit]').click();
}

export async function signInAndWait(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page.getByTestId('staff-name')).toBeVisible();
}

export interface TestOrders {
  orders: { id: number; number: string; totalCents: number }[];
  sku: { id: number; code: string };
  customer: { id: number; name: string };
  warehouse: { id: number; name: string };
  /** with isSplit: the warehouse of each order's second line */
  secondWarehouse: { id: number; name: string } | null;
}

/** Creates this test's own orders through the server's factories (see app/api/e2e/orders). */
export async function createTestOrders(
  request: APIRequestContext,
  input: {
    status: string;
    count?: number;
    customerName?: string;
    ageMinutes?: number;
    quantity?: number;
    location?: string;
    isSplit?: boolean;
    isCashOnDelivery?: boolean;
    assignedCarrier?: string;
  },
): Promise<TestOrders> {
  const response = await request.post('/api/e2e/orders', { data: input });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** A name no other test or seed row has, so a search finds exactly this test's orders. */
export function uniqueName(prefix: string) {
  return `${prefix}${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1000)}`;
}

export interface TestStock {
  sku: { id: number; code: string };
  warehouse: { id: number; name: string };
}

/** A new SKU in a new warehouse with `onHand` units and its own low-stock threshold (see app/api/e2e/stock). */
export async function createTestStock(
  request: APIRequestContext,
  input: { onHand: number; reserved?: number; threshold: number; productName?: string },
): Promise<TestStock> {
  const response = await request.post('/api/e2e/stock', { data: input });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}
