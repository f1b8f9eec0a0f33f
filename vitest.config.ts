import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Generous timeouts: shared 2-core machines; speed is measured in `npm run bench`, not here.
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // The publish package test suppresses ~30 000 counts and takes minutes: `npm run test:publish`.
          exclude: ['tests/unit/cli/publish.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'slow',
          include: ['tests/unit/cli/publish.test.ts'],
          environment: 'node',
          testTimeout: 1_800_000,
          hookTimeout: 1_800_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/server.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
