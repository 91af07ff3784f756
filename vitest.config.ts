import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src-core/**/__tests__/**/*.test.ts',
      'src-renderer/**/__tests__/**/*.test.ts',
      'src-main/**/__tests__/**/*.test.ts',
      'test/unit/**/*.test.ts',
    ],
    // The CLI tests run the built CLI: build it once before they start.
    globalSetup: ['test/build-cli.setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
