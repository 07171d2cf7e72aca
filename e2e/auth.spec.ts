import { expect, test } from '@playwright/test';
import { fillSignInForm, signIn, signInAndWait, useEnglish } from './support';

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a page redirects to sign-in and comes back after signing in', async ({ page, context, baseURL }) => {
    await useEnglish(context, baseURL!);
    await page.goto('/orders?status=paid');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await fillSignInForm(page, 'ops@example.com');
    await expect(page).toHaveURL(/\/orders\?status=paid/);
  });

  test('a wrong password or unknown email gets the same generic error', async ({ page, context, baseURL }) => {
    await useEnglish(context, baseURL!);
    await signIn(page, 'admin@example.com', 'wrong-password');
    await expect(page.getByText('The email or password is incorrect.')).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn(page, 'nobody@example.com', 'Demo#2026');
    await expect(page.getByText('The email or password is incorrect.')).toBeVisible();
  });

  test('internal JSON refuses a signed-out caller', async ({ request }) => {
    const response = await request.get('/api/internal/dashboard');
    expect(response.status()).toBe(401);
  });
});

test.describe('roles', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a viewer sees the dashboard but is refused staff administration', async ({ page, context, baseURL }) => {
    await useEnglish(context, baseURL!);
    await signInAndWait(page, 'viewer@example.com');
    await expect(page.getByTestId('staff-role')).toHaveText('Viewer');
    const response = await page.goto('/settings/staff');
    expect(response?.status()).toBe(403);
    await expect(page.getByText("You don't have access to this page")).toBeVisible();
  });

  test('sign out ends the session', async ({ page, context, baseURL }) => {
    await useEnglish(context, baseURL!);
    await signInAndWait(page, 'finance@example.com');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
