/**
 * The E2E harness never outlives the process that started it: killed without a chance to clean up
 * (SIGKILL), the parent's end closes the harness's stdin pipe and the harness stops listening.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** A parent that starts the harness the way tests/e2e/fixtures.ts does and prints its pid and URL. */
const PARENT = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['--import', 'tsx', 'tests/harness/serve.ts', '--data-dir', process.argv[1], '--exit-with-stdin'], { stdio: ['pipe', 'pipe', 'inherit'] });
child.stdout.once('data', (d) => process.stdout.write(JSON.stringify({ pid: child.pid, ...JSON.parse(String(d).split('\\n')[0]) }) + '\\n'));
setInterval(() => {}, 1 << 30);
`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('stops the harness when its parent is killed outright', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-harness-life-'));
  const parent = spawn(process.execPath, ['-e', PARENT, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: parent.stdout }).once('line', resolve);
      parent.once('exit', (code) => reject(new Error(`parent exited with ${code}`)));
    });
    const { pid, url } = JSON.parse(line) as { pid: number; url: string };
    expect((await fetch(url)).status).toBeGreaterThanOrEqual(200); // listening
    parent.kill('SIGKILL');
    // Wait for the harness to go: it gets no signal, only the end of its stdin.
    while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(url)).rejects.toThrow();
  } finally {
    parent.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
