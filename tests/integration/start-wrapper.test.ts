/**
 * `npm start` (scripts/start.mjs) against stand-in `electron` packages: without the binary and
 * without network, one paragraph that says how to get it, never the installer's stack trace; with
 * a binary, the app folder is opened in it and its exit code is passed on.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const START = path.join(ROOT, 'scripts/start.mjs');
const made: string[] = [];

/** A stand-in for node_modules/electron: its package.json, install.js, and optionally a binary. */
function standInElectron(options: { installScript: string; binary?: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-electron-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.3.4' }));
  fs.writeFileSync(path.join(dir, 'install.js'), options.installScript);
  if (options.binary !== undefined) {
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), options.binary, { mode: 0o755 });
  }
  return dir;
}

function start(electronDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, FD_ELECTRON_PACKAGE_DIR: electronDir, FD_START_SKIP_BUILD: '1' };
  const child = spawn(process.execPath, [START], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('without the binary and without network prints one paragraph on how to get Electron, not a stack trace, and exits 1', async () => {
    // What @electron/get does offline: a stack trace on stderr and exit 1.
    const offline = standInElectron({
      installScript: "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13510:13\\n    at async downloadArtifact (get/dist/index.js:1:1)'); process.exit(1);",
    });
    const run = await start(offline);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const paragraphs = run.stderr.trim().split(/\n\s*\n/);
    const advice = paragraphs.at(-1) ?? '';
    expect(advice).not.toContain('\n');
    expect(advice).toContain("Electron's binary (electron 45.3.4) is not installed, and it could not be downloaded (TypeError: fetch failed)");
    expect(advice).toContain('ELECTRON_MIRROR');
    expect(advice).toContain('electron_config_cache');
    expect(advice).toContain('npx federation-desk --help');
    expect(advice).toContain('npm test');
  });

  it.skipIf(process.platform === 'win32')('with the binary installed, opens the app folder in it and passes its exit code on', async () => {
    const installed = standInElectron({
      installScript: 'process.exit(1);',
      binary: `#!${process.execPath}\nprocess.stdout.write(JSON.stringify(process.argv.slice(2)));\nprocess.exit(7);\n`,
    });
    const run = await start(installed);
    expect(run.code).toBe(7);
    expect(JSON.parse(run.stdout)).toEqual([ROOT]);
  });
});
