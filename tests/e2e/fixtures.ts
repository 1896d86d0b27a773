/**
 * E2E fixtures: each test gets a fresh data folder and its own harness (the real handlers behind
 * window.api, new services on a new port), and a page pointed at it. The harnesses of one worker are
 * served by one long-lived process (tests/harness/pool.ts), started once per worker: a Node start
 * with tsx and the main-process graph costs about a CPU-second, which each test used to pay again.
 * Screenshots go to artifacts/screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { test as base, type Page } from '@playwright/test';
import { TOAST_RECORDER } from './toasts';

export interface HarnessProcess {
  url: string;
  dataDir: string;
  /** Stop and start the harness on the same data folder: what a user sees after restarting the app. */
  restart(): Promise<void>;
}

/** The worker's harness process: starts and stops harnesses on request. */
export interface HarnessPool {
  start(dataDir: string, encryption: boolean, vaultKey: string): Promise<string>;
  stop(url: string): Promise<void>;
}

interface PoolAnswer {
  id?: number | null;
  url?: string;
  error?: string;
  ready?: boolean;
}

async function launchPool(): Promise<{ pool: HarnessPool; close(): Promise<void> }> {
  // stdin is the command pipe; when this runner ends in any way the OS closes it and the pool exits.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/harness/pool.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const { stdin, stdout } = child;
  if (!stdin || !stdout) throw new Error('harness pool has no stdin/stdout');
  const waiting = new Map<number, { resolve(a: PoolAnswer): void; reject(e: Error): void }>();
  let ready: { resolve(): void; reject(e: Error): void } | null = null;
  const readyOnce = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));
  let exited: Error | null = null;
  readline.createInterface({ input: stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as PoolAnswer;
    if (answer.ready) ready?.resolve();
    else if (typeof answer.id === 'number') {
      waiting.get(answer.id)?.resolve(answer);
      waiting.delete(answer.id);
    }
  });
  child.once('exit', (code, signal) => {
    exited = new Error(`harness pool exited (${code ?? signal})`);
    ready?.reject(exited);
    for (const w of waiting.values()) w.reject(exited);
    waiting.clear();
  });
  await readyOnce;
  let next = 0;
  const ask = (command: Record<string, unknown>): Promise<PoolAnswer> => {
    if (exited) return Promise.reject(exited);
    const id = ++next;
    return new Promise<PoolAnswer>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      stdin.write(`${JSON.stringify({ id, ...command })}\n`);
    }).then((answer) => {
      if (answer.error !== undefined || !answer.url && command.op === 'start') throw new Error(`harness pool: ${answer.error ?? 'no URL'}`);
      return answer;
    });
  };
  return {
    pool: {
      start: async (dataDir, encryption, vaultKey) => (await ask({ op: 'start', dataDir, encryption, vaultKey })).url ?? '',
      stop: async (url) => void (await ask({ op: 'stop', url })),
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        stdin.end();
      }),
  };
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

export const test = base.extend<{ harness: HarnessProcess; harnessEncryption: boolean }, { harnessPool: HarnessPool }>({
  /** false: the OS offers no encryption (Linux's basic_text backend). */
  harnessEncryption: [true, { option: true }],
  harnessPool: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { pool, close } = await launchPool();
      await use(pool);
      await close();
    },
    { scope: 'worker' },
  ],
  // Every page records the toasts it shows (see toasts.ts): a 3 s toast can come and go between two
  // of Playwright's looks on a loaded machine.
  page: async ({ page }, use) => {
    await page.addInitScript(TOAST_RECORDER);
    await use(page);
  },
  harness: async ({ harnessPool, harnessEncryption }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-e2e-'));
    // The same key across a restart, as the OS keychain would keep it.
    const vaultKey = randomBytes(32).toString('hex');
    let url = await harnessPool.start(dataDir, harnessEncryption, vaultKey);
    const harness: HarnessProcess = {
      url,
      dataDir,
      async restart() {
        await harnessPool.stop(url);
        // Same port is not needed: the page is told the new URL.
        url = await harnessPool.start(dataDir, harnessEncryption, vaultKey);
        harness.url = url;
      },
    };
    await use(harness);
    await harnessPool.stop(url);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
