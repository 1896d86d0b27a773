/**
 * The real app in the real Electron, wherever Electron's binary exists (a developer's machine with
 * internet). Here the binary cannot be downloaded, so this test says so and skips; everything below
 * Electron is covered by the harness tests and tests/electron/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | null {
  const dir = path.resolve('node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

test('the packaged window opens hardened, with window.api and no Node', async () => {
  const binary = electronBinary();
  if (!binary) {
    const reason = "Electron's binary is not installed (node_modules/electron/dist is missing: it is downloaded on first launch, and this machine cannot reach the download host).";
    console.log(`electron-smoke skipped: ${reason}`);
    test.skip(true, reason);
    return;
  }
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-electron-'));
  const app = await electron.launch({ executablePath: binary, args: ['.', `--user-data-dir=${userData}`] });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('Federation Desk');
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(['invoke', 'subscribe']);
    await expect(window.getByRole('heading', { name: 'New profile' })).toBeVisible();
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
