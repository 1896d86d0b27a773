/**
 * vitest globalSetup: every test worker's os.tmpdir() is one folder of this run, removed when the
 * run ends. The kits (check, simulator, audit, expiry) make their data folders once per worker
 * process (vitest.config.ts: isolate false), and a forks worker is stopped without running its
 * 'exit' handlers, so those folders used to stay behind in /tmp, hundreds after a day of runs.
 * os.tmpdir() reads TMPDIR (TMP and TEMP on Windows: https://nodejs.org/api/os.html#ostmpdir), and
 * the workers, started after this, inherit the environment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-vitest-'));
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
