import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { createTestOrders, DEMO_PASSWORD, uniqueName, useEnglish } from './support';

// Reads the security headers, health checks and session cookies off the built server's real responses.

const HTTPS = { 'x-forwarded-proto': 'https' };

function expectStaticHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

/** Collects what the browser refused under the policy while the page was used. */
function watchCspViolations(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('health and readiness answer without a session and say nothing else', async ({ request }) => {
    const health = await request.get('/api/health', { maxRedirects: 0 });
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers()['cache-control']).toBe('no-store');
    expectStaticHeaders(health);
    expect(health.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");

    const ready = await request.get('/api/ready', { maxRedirects: 0 });
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  test('pages carry a fresh nonce policy without eval; HSTS only over HTTPS', async ({ request }) => {
    const first = await request.get('/sign-in');
    const second = await request.get('/sign-in');
    expectStaticHeaders(first);
    const csp = first.headers()['content-security-policy'];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain('unsafe-eval');
    expect(second.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
    // Next put the nonce on its own scripts, and no script lacks it
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(first.headers()['strict-transport-security']).toBeUndefined();

    const overHttps = await request.get('/sign-in', { headers: HTTPS });
    expect(overHttps.headers()['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(overHttps.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  test('a signed-out page request is sent to sign-in with the headers on the redirect', async ({ request }) => {
    const response = await request.get('/orders', { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain('/sign-in?callbackUrl=%2Forders');
    expectStaticHeaders(response);
  });

  test('the session cookie is HttpOnly and SameSite, and Secure behind HTTPS', async ({ playwright, baseURL }) => {
    for (const https of [false, true]) {
      const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: https ? HTTPS : {} });
      const csrf = await api.get('/api/auth/csrf');
      const { csrfToken } = await csrf.json();
      const csrfCookie = csrf
        .headersArray()
        .filter((h) => h.name.toLowerCase() === 'set-cookie')
        .map((h) => h.value.split(';')[0]);
      const signIn = await api.post('/api/auth/callback/credentials', {
        form: { email: 'admin@example.com', password: DEMO_PASSWORD, csrfToken },
        headers: { cookie: csrfCookie.join('; ') },
        maxRedirects: 0,
      });
      const session = signIn
        .headersArray()
        .find((h) => h.name.toLowerCase() === 'set-cookie' && /session-token=/.test(h.value))?.value;
      expect(session, `session cookie (https=${https})`).toBeTruthy();
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
      if (https) expect(session).toMatch(/^__Secure-.*;\s*Secure/i);
      else expect(session).not.toMatch(/;\s*Secure/i);
      await api.dispose();
    }
  });
});

test('the console works under the policy: dashboard chart, order page, payments, print page', async ({
  page,
  request,
  context,
  baseURL,
}) => {
  await useEnglish(context, baseURL!);
  const refused = watchCspViolations(page);
  const made = await createTestOrders(request, {
    status: 'awaiting_shipment',
    count: 1,
    customerName: uniqueName('Csp'),
  });
  const order = made.orders[0];

  await page.goto('/');
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText(order.number).first()).toBeVisible();
  await page.goto('/payments');
  await expect(page.locator('main')).toBeVisible();
  await page.goto(`/print/pick-list?orders=${order.id}`);
  await expect(page.getByRole('heading', { name: 'Pick list' }).first()).toBeVisible();
  expect(refused).toEqual([]);
});
