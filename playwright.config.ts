import os from 'node:os';
import { defineConfig } from '@playwright/test';

/**
 * Each worker runs a Chromium and a harness process (Node, the real services, often a practice
 * tenant): about one core's worth under load. So one worker per two cores, at least one;
 * PW_WORKERS overrides it.
 */
const workers = Number(process.env.PW_WORKERS) || Math.max(1, Math.floor(os.availableParallelism() / 2));

/**
 * E2E: the built renderer in Debian's Chromium, served by tests/harness with the real IPC handlers
 * behind window.api. Playwright's own browsers cannot be downloaded here.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
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
