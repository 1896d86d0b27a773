import { defineConfig } from 'vitest/config';

/** `npm run test:live`: the suite against a real test tenant (tests/live), apart from `npm test`. */
export default defineConfig({
  test: {
    include: ['tests/live/**/*.live.ts'],
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
  },
});
