import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src-core/**/__tests__/**/*.test.ts',
      'src-main/**/__tests__/**/*.test.ts',
      'test/unit/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
});
