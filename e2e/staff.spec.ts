import { expect, test } from '@playwright/test';
import { fillSignInForm, signInAndWait, uniqueName, useEnglish } from './support';

test("admin creates a staff account, and disabling it ends that person's session", async ({
  page,
  context,
  baseURL,
  browser,
}) => {
  await useEnglish(context, baseURL!);
  const name = uniqueName('Clerk ');
  const email = `${name.replace(/\W/g, '').toLowerCase()}@example.com`;
  const password = 'Clerk-pass-2026';

  await page.goto('/settings/staff');
  // all field errors at once for an incomplete form is covered by unit tests; here the happy path
  await page.locator('#create-name').fill(name);
  await page.locator('#create-email').fill(email);
  await page.locator('#create-role').selectOption('warehouse');
  await page.locator('#create-password').fill(password);
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByTestId('create-staff-success')).toContainText(name);
  await expect(page.getByTestId(`staff-row-${email}`)).toContainText('Warehouse');

  // the new person signs in in their own browser
  const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await useEnglish(theirs, baseURL!);
  const theirPage = await theirs.newPage();
  await signInAndWait(theirPage, email, password);
  await expect(theirPage.getByTestId('staff-role')).toHaveText('Warehouse');

  // the admin disables the account
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId(`staff-row-${email}`).getByRole('button', { name: 'Disable' }).click();
  await expect(page.getByTestId(`staff-row-${email}`).getByRole('button', { name: 'Enable' })).toBeVisible();

  // their next request is refused and sent to sign-in; signing in again fails generically
  await theirPage.goto('/');
  await expect(theirPage).toHaveURL(/\/sign-in/);
  await fillSignInForm(theirPage, email, password);
  await expect(theirPage.getByText('The email or password is incorrect.')).toBeVisible();
  await theirs.close();
});

test('the staff page refuses duplicate emails with a field message', async ({ page, context, baseURL }) => {
  await useEnglish(context, baseURL!);
  await page.goto('/settings/staff');
  await page.locator('#create-name').fill('Someone');
  await page.locator('#create-email').fill('ops@example.com');
  await page.locator('#create-password').fill('Long-enough-pass');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByTestId('field-error-email')).toHaveText('A staff account with this email already exists.');
});
