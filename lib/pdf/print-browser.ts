import { chromium, type Browser } from 'playwright-core';

/**
 * One headless Chromium per server process, started on the first PDF and reused by every later
 * one (a launch costs about a second; a new context per PDF costs milliseconds). Playwright's
 * launcher closes it when the process exits or gets SIGINT/SIGTERM/SIGHUP.
 */
const holder = globalThis as typeof globalThis & { __printBrowser?: Promise<Browser> };

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function getPrintBrowser(): Promise<Browser> {
  if (holder.__printBrowser) return holder.__printBrowser;
  const launching = chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  holder.__printBrowser = launching;
  launching.then(
    // a crashed browser is replaced on the next PDF, not reused
    (browser) =>
      browser.on('disconnected', () => {
        if (holder.__printBrowser === launching) holder.__printBrowser = undefined;
      }),
    () => {
      if (holder.__printBrowser === launching) holder.__printBrowser = undefined;
    },
  );
  return launching;
}

/** Closes the shared browser (scripts and benchmarks call this before they end). */
export async function closePrintBrowser(): Promise<void> {
  const launching = holder.__printBrowser;
  holder.__printBrowser = undefined;
  if (launching) await (await launching).close().catch(() => {});
}

/** A PDF of a complete HTML document, with the page sizes its CSS asks for (@page size). Used by bench/print.ts. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const browser = await getPrintBrowser();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // 500 labels take a while on two cores
    page.setDefaultTimeout(300_000);
    // the document is self-contained (inline CSS and SVG); nothing may be fetched from outside
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
}

/**
 * A PDF of a page of this app, loaded with the caller's cookie so it renders as that person sees it.
 * Only requests to the app's own origin are let through. Throws when the page does not answer 200.
 */
export async function pageToPdf(pageUrl: string, cookie: string): Promise<Buffer> {
  const origin = new URL(pageUrl).origin;
  const browser = await getPrintBrowser();
  // the print page is complete as server-rendered HTML; hydrating a 500-order page would only cost time
  const context = await browser.newContext({ extraHTTPHeaders: cookie ? { cookie } : {}, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(300_000);
    await page.route('**/*', (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
    );
    const response = await page.goto(pageUrl, { waitUntil: 'load' });
    if (!response || response.status() !== 200 || new URL(page.url()).pathname !== new URL(pageUrl).pathname) {
      throw new Error(`print page ${pageUrl} answered ${response?.status() ?? 'nothing'} at ${page.url()}`);
    }
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
}
