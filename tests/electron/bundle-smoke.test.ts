// @vitest-environment node
/**
 * The bundle Electron actually runs (dist-electron/main.cjs, built by `npm run build` before the unit
 * tests): loaded in plain Node with a stand-in for 'electron', it must start without an error,
 * register a handler for every channel and open a hardened window whose preload exists.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc';

const BUNDLE = path.resolve('dist-electron/main.cjs');

describe('the bundled main process', () => {
  // Skipped only when vitest runs on its own before any build: `npm test` always builds first.
  it.skipIf(!fs.existsSync(BUNDLE))('starts with every handler and a hardened window (run `npm run build` first)', () => {
    const out = execFileSync(process.execPath, ['-r', path.resolve('tests/electron/fixtures/electron-stub.cjs'), BUNDLE], { encoding: 'utf8', timeout: 20_000 });
    const record = JSON.parse(out) as { handlers: string[]; windows: { preload: string; sandbox: boolean; contextIsolation: boolean }[]; errors: string[]; protocols: string[] };
    expect(record.errors).toEqual([]);
    // electron-log registers its own channel for renderer logging; the renderer cannot reach raw IPC (no ipcRenderer is exposed).
    expect(record.handlers.filter((h) => h !== '__ELECTRON_LOG__').sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(record.protocols).toEqual(['app']);
    expect(record.windows).toHaveLength(1);
    expect(record.windows[0]).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(fs.existsSync(record.windows[0]?.preload ?? '')).toBe(true);
  });
});
