import { expect, test, type Browser, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { fillSignInForm, signInAndWait, uniqueName, useEnglish } from './support';

/** The admin (saved state) adds a staff member on the staff page; returns their email. */
async function addStaff(page: Page, password: string): Promise<string> {
  const name = uniqueName('Acct ');
  const email = `${name.replace(/\W/g, '').toLowerCase()}@example.com`;
  await page.goto('/settings/staff');
  await page.locator('#create-name').fill(name);
  await page.locator('#create-email').fill(email);
  await page.locator('#create-role').selectOption('operations');
  await page.locator('#create-password').fill(password);
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByTestId('create-staff-success')).toContainText(name);
  return email;
}

async function ownBrowser(browser: Browser, baseURL: string, extraHTTPHeaders?: Record<string, string>): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL }]);
  return context.newPage();
}

test('a person changes their own password; after an admin reset they must choose a new one first', async ({
  page,
  context,
  baseURL,
  browser,
}) => {
  await useEnglish(context, baseURL!);
  const email = await addStaff(page, 'first pass phrase');
  const theirs = await ownBrowser(browser, baseURL!);
  await signInAndWait(theirs, email, 'first pass phrase');

  await theirs.getByTestId('my-account-link').click();
  await expect(theirs.getByRole('heading', { name: 'My account' })).toBeVisible();
  await theirs.locator('#currentPassword').fill('not my password');
  await theirs.locator('#newPassword').fill('second pass phrase');
  await theirs.locator('#confirmPassword').fill('second pass phrase');
  await theirs.getByRole('button', { name: 'Change password' }).click();
  await expect(theirs.getByTestId('field-error-currentPassword')).toHaveText('The current password is incorrect.');

  await theirs.locator('#currentPassword').fill('first pass phrase');
  await theirs.locator('#newPassword').fill('password123');
  await theirs.locator('#confirmPassword').fill('password123');
  await theirs.getByRole('button', { name: 'Change password' }).click();
  await expect(theirs.getByTestId('field-error-newPassword')).toContainText('too common');

  await theirs.locator('#currentPassword').fill('first pass phrase');
  await theirs.locator('#newPassword').fill('second pass phrase');
  await theirs.locator('#confirmPassword').fill('second pass phrase');
  await theirs.getByRole('button', { name: 'Change password' }).click();
  await expect(theirs.getByTestId('change-password-success')).toContainText('Your password was changed.');

  // the admin resets it: they are signed out, and the temporary password leads to My account only
  await page.goto('/settings/staff');
  await page.getByTestId(`staff-row-${email}`).getByRole('button', { name: 'Reset password' }).click();
  await page.getByTestId('reset-password-dialog').locator('input[name=password]').fill('temporary pass 77');
  await page.getByTestId('reset-password-dialog').getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByTestId('reset-password-done')).toBeVisible();

  await theirs.goto('/orders');
  await expect(theirs).toHaveURL(/\/sign-in/);
  await fillSignInForm(theirs, email, 'temporary pass 77');
  await expect(theirs.getByTestId('account-pending')).toContainText('Choose a new password');
  await theirs.goto('/orders');
  await expect(theirs).toHaveURL(/\/account$/);
  await theirs.locator('#currentPassword').fill('temporary pass 77');
  await theirs.locator('#newPassword').fill('third pass phrase');
  await theirs.locator('#confirmPassword').fill('third pass phrase');
  await theirs.getByRole('button', { name: 'Change password' }).click();
  await expect(theirs.getByTestId('change-password-success')).toBeVisible();
  await theirs.goto('/orders');
  await expect(theirs).toHaveURL(/\/orders$/);
  await theirs.context().close();
});

test('two-factor sign-in: set up with a code from the app, then sign in with password and code', async ({
  page,
  context,
  baseURL,
  browser,
}) => {
  await useEnglish(context, baseURL!);
  const email = await addStaff(page, 'totp pass phrase');
  // a client claiming another address: with no trusted proxy configured the server records the TCP peer
  const theirs = await ownBrowser(browser, baseURL!, { 'X-Forwarded-For': '10.1.1.2' });
  await signInAndWait(theirs, email, 'totp pass phrase');

  await theirs.goto('/account');
  await theirs.getByTestId('totp-start').click();
  await expect(theirs.getByTestId('totp-qr').locator('svg')).toBeVisible();
  const secret = (await theirs.getByTestId('totp-secret').textContent())!.trim();
  await theirs.locator('#totp-code').fill('000000');
  await theirs.getByRole('button', { name: 'Turn on' }).click();
  await expect(theirs.getByTestId('field-error-code')).toBeVisible();
  await theirs.locator('#totp-code').fill(await generate({ secret }));
  await theirs.getByRole('button', { name: 'Turn on' }).click();
  await expect(theirs.getByTestId('recovery-code')).toHaveCount(10);

  // signed out, the password alone is not enough
  await theirs.getByRole('button', { name: 'Sign out' }).click();
  await expect(theirs).toHaveURL(/\/sign-in/);
  await fillSignInForm(theirs, email, 'totp pass phrase');
  await expect(theirs.locator('#code')).toBeVisible();
  await theirs.locator('#code').fill('123456');
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs.getByTestId('sign-in-error')).toContainText('The code is incorrect');
  // the enrolment code's time step was used: the next step's code (accepted within 30 s) signs in
  await theirs.locator('#code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs.getByTestId('staff-name')).toBeVisible();

  // the account page lists this session as the current one
  await theirs.goto('/account');
  await expect(theirs.getByTestId('totp-status')).toContainText('10 unused recovery codes');
  await expect(theirs.getByTestId('session-current')).toContainText('127.0.0.1');
  await expect(theirs.getByTestId('sessions-table')).not.toContainText('10.1.1.2');
  await theirs.context().close();
});
