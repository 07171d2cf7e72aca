import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// import boundaries (ARCHITECTURE.md): test doubles stay out of production code, db/ imports nothing
// above it, components/ never reach the database. Tests and the sandbox/e2e routes may use testing/.
const TESTING = {
  group: ['@/testing', '@/testing/*', '**/testing/*'],
  message:
    'testing/ (sandboxes, seed, factories, fixtures) is never imported by production code; plug test doubles in from instrumentation.ts',
};
const ABOVE_DB = {
  group: ['@/domain', '@/domain/*', '@/lib', '@/lib/*', '@/app', '@/app/*', '@/components', '@/components/*'],
  message: 'db/ imports nothing above it (app -> domain -> db)',
};
const DB = { group: ['@/db', '@/db/*'], message: 'components/ render what they are given and never import db/' };
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  {
    files: ['app/**', 'domain/**', 'lib/**', 'proxy.ts'],
    // the sandbox routes and the e2e-only routes (route.e2e.ts) are thin doors into testing/
    ignores: [...TESTS, 'app/sandbox/**', 'app/(admin)/sandbox/**', 'app/**/*.e2e.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TESTING] }] },
  },
  { files: ['components/**'], rules: { 'no-restricted-imports': ['error', { patterns: [TESTING, DB] }] } },
  { files: ['db/**'], rules: { 'no-restricted-imports': ['error', { patterns: [TESTING, ABOVE_DB] }] } },
];
export default config;
