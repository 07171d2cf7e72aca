import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships 15 MB of wasm; bundling it would copy it into publicly served static files.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'playwright-core'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 when a role lacks a page's permission
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
