import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that change what a process holds for everyone: `vi.mock('electron')` (the glue tests
 * and the notification test), and builds (vite with Babel, electron-builder) that set process-wide
 * state such as Error.stackTraceLimit. Each runs in a process of its own. A new test file that
 * mocks a module, stubs a global or changes process-wide state belongs in this list.
 */
const OWN_PROCESS = ['tests/electron/**/*.test.ts', 'tests/packaging/**/*.test.ts', 'tests/unit/expiry/electron-notifications.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Each run's temporary folders in one folder, removed at the end (see the file).
    globalSetup: ['tests/helpers/vitest-tmpdir.ts'],
    // electron-store imports 'electron'; inlining it lets the glue tests' vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        // The other files share their worker's module cache (isolate: false): each used to load the
        // services, simulator and zod schemas again in a fresh process (a whole run took 108
        // CPU-seconds, now about 60). They build what they test from their own data folders and
        // ports, and restore what they spy on; a run with the files shuffled passes too.
        test: { name: 'shared', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'], exclude: [...configDefaults.exclude, ...OWN_PROCESS], isolate: false },
      },
      { extends: true, test: { name: 'own-process', include: OWN_PROCESS, isolate: true } },
    ],
  },
});
