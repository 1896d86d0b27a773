// @vitest-environment node
/**
 * The installed CLI (`Federation Desk.exe --fd-cli ...`, electron/main.ts) takes Ctrl+C from its
 * start: Electron's `ready` comes a moment after the process starts, and a Ctrl+C in that moment,
 * with no listener yet, would fall to Node's default and end the process with no document. Loads
 * the real main.ts with the electron test double, in a process of its own (vitest.config.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../helpers/electron-double')).electronModule());
vi.mock('electron-log/main', () => ({ default: { hooks: [], info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));

const { double } = await import('../helpers/electron-double');
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-installed-cli-'));
afterAll(() => {
  fs.rmSync(data, { recursive: true, force: true });
  fs.rmSync(double.state.userData, { recursive: true, force: true });
});

it('a Ctrl+C before Electron is ready is held and handed to the command as its stop', async () => {
  // app.exit ends the process with the CLI's code: recorded here instead.
  const exited = new Promise<number | undefined>((resolve) => {
    vi.spyOn(process, 'exit').mockImplementation(((code?: number) => resolve(code)) as typeof process.exit);
  });
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  }) as typeof process.stderr.write);
  process.argv = [process.argv[0] ?? 'electron', 'main.cjs', '--fd-cli', 'profiles', 'list', '--data-dir', data, '--json'];
  await import('../../electron/main');
  // Ctrl+C while Electron starts: `ready` has not come yet.
  process.emit('SIGINT', 'SIGINT');
  double.ready();
  const code = await exited;
  vi.restoreAllMocks();
  expect(stderr.join('')).toContain('Stopping (SIGINT)');
  expect(code).toBeTypeOf('number');
});
