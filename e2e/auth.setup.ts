import { expect, test as setup } from '@playwright/test';
import { ADMIN_STATE, signIn } from './support';

// Signs in once as the demo admin; the other projects reuse the saved session.
setup('sign in as admin', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('staff-name')).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });
});
