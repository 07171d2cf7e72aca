import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships 15 MB of wasm; bundling it would copy it into publicly served static files.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'playwright-core'],
  poweredByHeader: false,
  // e2e-only routes (route.e2e.ts: test data through the factories, which use faker) exist only in a
  // build made with E2E_ROUTES=1 (npm run build:e2e, npm test); a production build never has them
  pageExtensions: process.env.E2E_ROUTES === '1' ? ['e2e.ts', 'tsx', 'ts', 'jsx', 'js'] : ['tsx', 'ts', 'jsx', 'js'],
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 when a role lacks a page's permission
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
