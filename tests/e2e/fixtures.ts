/**
 * E2E fixtures: each test gets a fresh data folder and its own harness process (the real handlers
 * behind window.api), and a page pointed at it. Screenshots go to artifacts/screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { test as base, type Page } from '@playwright/test';

export interface HarnessProcess {
  url: string;
  dataDir: string;
  /** Stop and start the harness on the same data folder: what a user sees after restarting the app. */
  restart(): Promise<void>;
}

async function launch(dataDir: string, extraArgs: string[], vaultKey: string): Promise<{ child: ChildProcess; url: string }> {
  // stdin is a pipe the harness watches (--exit-with-stdin): if this runner dies, the harness ends too.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/harness/serve.ts', '--data-dir', dataDir, '--exit-with-stdin', ...extraArgs], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, FD_TEST_VAULT_KEY: vaultKey },
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('harness has no stdout');
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: stdout });
    rl.once('line', (l) => {
      rl.close();
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}`)));
  });
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const SCREENSHOT_DIR = path.resolve('artifacts', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Headless Chromium without a GPU paints the page blank while a toast animates: let toasts finish.
  await page.locator('.fui-Toast').first().waitFor({ state: 'detached', timeout: 8000 }).catch(() => {});
  // The same for a tooltip left by the last hover (the icon navigation names its tabs with tooltips).
  if ((await page.locator('[role=tooltip]').count()) > 0) {
    await page.mouse.move(0, 0);
    await page.locator('[role=tooltip]').first().waitFor({ state: 'detached', timeout: 8000 }).catch(() => {});
  }
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

export const test = base.extend<{ harness: HarnessProcess; harnessArgs: string[] }>({
  harnessArgs: [[], { option: true }],
  harness: async ({ harnessArgs }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-e2e-'));
    const vaultKey = randomBytes(32).toString('hex');
    let current = await launch(dataDir, harnessArgs, vaultKey);
    const harness: HarnessProcess = {
      url: current.url,
      dataDir,
      async restart() {
        await stop(current.child);
        // Same port is not needed: the page is told the new URL.
        current = await launch(dataDir, harnessArgs, vaultKey);
        harness.url = current.url;
      },
    };
    await use(harness);
    await stop(current.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
