import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['{domain,db,lib,app,components,testing}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // the payment sandbox plugs in as it does in development (instrumentation.ts); production never loads it
    setupFiles: ['./testing/sandboxes/payments/vitest-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // integration tests each open their own database; two cores do not gain from more workers
    maxWorkers: 2,
    // shipOrder subscribes parcels with the configured aggregator: in tests that address refuses at once
    // request log lines would bury the test report; lib/log's tests make their own loggers
    // next-auth imports 'next/server' without an extension, which only resolves when Vite loads it
    server: { deps: { inline: ['next-auth'] } },
    env: { APP_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'warn' },
  },
});
