import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Tests provoke errors on purpose; the product logger stays quiet unless a test asks.
          env: { LOG_LEVEL: 'SILENT' },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup-env.ts'],
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'SILENT' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One local stack serves every file; files run in parallel against it.
          fileParallelism: true,
        },
      },
      {
        extends: true,
        test: {
          // Self-checks of the emulators (DynamoDB Local, s3rver, the local SES): they prove the
          // local stack behaves like AWS where the product relies on it, not product behaviour.
          name: 'local-stack',
          include: ['tests/local-stack/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup-env.ts'],
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'SILENT' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.e2e.ts'],
          // A browser waits on real requests; polls end as soon as their condition holds.
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ['web/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
