import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Build assets skip the proxy (proxy.ts sets these and the CSP on everything else); kept in step with
// STATIC_SECURITY_HEADERS in lib/http/security-headers.ts, which a test compares.
export const ASSET_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships 15 MB of wasm; bundling it would copy it into publicly served static files.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'postgres',
    'playwright-core',
    'pino',
    'pino-pretty',
  ],
  poweredByHeader: false,
  // e2e-only routes (route.e2e.ts: test data through the factories, which use faker) exist only in a
  // build made with E2E_ROUTES=1 (npm run build:e2e, npm test); a production build never has them
  pageExtensions: process.env.E2E_ROUTES === '1' ? ['e2e.ts', 'tsx', 'ts', 'jsx', 'js'] : ['tsx', 'ts', 'jsx', 'js'],
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 when a role lacks a page's permission
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/_next/:path*', headers: ASSET_SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
