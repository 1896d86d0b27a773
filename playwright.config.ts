import os from 'node:os';
import { defineConfig } from '@playwright/test';

/**
 * One worker per core (PW_WORKERS overrides it). A worker is a Chromium and a harness pool process
 * (tests/e2e/fixtures.ts), but its tests mostly wait on the page and the practice tenant: with one
 * worker on 2 cores the whole run used 230 CPU-seconds in 627 s (a loaded machine), and two workers
 * nearly halve the wall time. Every wait in the tests is driven
 * by what the page shows, so they hold under load; test files and the tests in them are spread over
 * the workers (fullyParallel), each test with its own harness and data folder.
 */
const workers = Number(process.env.PW_WORKERS) || Math.max(1, os.availableParallelism());

/**
 * E2E: the built renderer in Debian's Chromium, served by tests/harness with the real IPC handlers
 * behind window.api. Playwright's own browsers cannot be downloaded here.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
});
