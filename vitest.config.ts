import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // electron-store imports 'electron'; inlining it lets the glue tests' vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
