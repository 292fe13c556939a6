import { defineConfig } from 'vitest/config';

/**
 * Three tiers (docs/ARCHITECTURE.md): unit (pure, next to the code), integration (real adapters: PGlite always,
 * PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set) and e2e (running server over HTTP, WebSocket and
 * Chromium). No test carries a timing threshold: machines are shared and noisy.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts', 'apps/*/src/**/*.int.test.ts'],
          // the run's shared directory: a migrated PGlite image, seeded demo platforms (packages/testing/src/run-dir.ts)
          globalSetup: ['packages/testing/src/run-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['packages/testing/src/run-setup.ts', 'e2e/helpers/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
