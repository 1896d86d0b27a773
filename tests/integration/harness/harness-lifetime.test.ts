/**
 * The E2E harness never outlives the process that started it: killed without a chance to clean up
 * (SIGKILL), the parent's end closes the harness's stdin pipe and the harness stops listening. Both
 * ways of starting it: the harness pool each Playwright worker starts (tests/e2e/fixtures.ts), and the
 * one-harness command (tests/harness/serve.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** A parent that starts the harness pool the way tests/e2e/fixtures.ts does, asks it for one harness, and prints the pool's pid and the URL. */
const POOL_PARENT = `
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const child = spawn(process.execPath, ['--import', 'tsx', 'tests/harness/pool.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
readline.createInterface({ input: child.stdout }).on('line', (line) => {
  const answer = JSON.parse(line);
  if (answer.ready) child.stdin.write(JSON.stringify({ id: 1, op: 'start', dataDir: process.argv[1], encryption: true, vaultKey: '0'.repeat(64) }) + '\\n');
  else process.stdout.write(JSON.stringify({ pid: child.pid, url: answer.url }) + '\\n');
});
setInterval(() => {}, 1 << 30);
`;

/** A parent that starts the one-harness command with --exit-with-stdin and prints its pid and URL. */
const SERVE_PARENT = `
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

it.concurrent.each([
  ['the harness pool', POOL_PARENT],
  ['the one-harness command', SERVE_PARENT],
])('stops %s when its parent is killed outright', async (_name, PARENT) => {
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
