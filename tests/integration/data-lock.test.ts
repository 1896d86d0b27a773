/**
 * The data folder's lock across processes (README, "Where data lives"): one writer at a time, and a
 * lock left by a process that died is taken over by exactly one of the processes waiting for it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataLock } from '../../electron/services/data-folder';
import { raceTsProcesses } from '../helpers/child-output';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-lock-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const RACER = 'tests/helpers/lock-racer.ts';

/** What a process that died inside its section leaves: the lock directory, last touched a minute ago. */
function leaveStaleLock(lockPath: string): void {
  fs.mkdirSync(lockPath);
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(lockPath, old, old);
}

const race = (processes: number, sections: number) => raceTsProcesses(Array.from({ length: processes }, () => [RACER, 'race', dir, String(sections)]));

describe('the data folder lock', () => {
  it('lets exactly one process in at a time when 5 processes race over a lock left by a crashed holder', { timeout: 120_000 }, async () => {
    const lock = DataLock.for(dir);
    leaveStaleLock(lock.lockPath);
    const results = await race(5, 20);
    for (const r of results) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: 'ready\n20 0\n', stderr: '' });
    // Every read-change-write counted: none lost to another process's section.
    expect(fs.readFileSync(path.join(dir, 'counter.txt'), 'utf8')).toBe('100');
    // Nothing of the lock is left behind, not even what a takeover uses.
    expect(fs.readdirSync(dir).sort()).toEqual(['counter.txt']);
  });

  it('does not take over a live lock: a process that saw the old lock stale, then got to it after another took it over, waits', { timeout: 60_000 }, () => {
    const lock = DataLock.for(dir);
    leaveStaleLock(lock.lockPath);
    const realStat = fs.statSync;
    let interleaved = false;
    // This process reads the lock's age and sees it stale; before it acts on that, another process
    // takes the stale lock over and is inside its section (it exits there, leaving its lock as it is).
    vi.spyOn(fs, 'statSync').mockImplementation(((file: fs.PathLike, options?: fs.StatSyncOptions) => {
      const stats = realStat(file, options);
      if (!interleaved && path.resolve(String(file)) === lock.lockPath) {
        interleaved = true;
        execFileSync(process.execPath, ['--import', 'tsx', RACER, 'hold', dir]);
      }
      return stats;
    }) as typeof fs.statSync);
    expect(() => lock.run(() => 'written', 200)).toThrow(/nothing was saved/);
    expect(interleaved).toBe(true);
    // The other process's lock is still there: it was never moved or removed.
    expect(fs.existsSync(lock.lockPath)).toBe(true);
  });

  it('clears the claim of a process that died while taking over a dead lock, and then takes the lock', () => {
    const lock = DataLock.for(dir);
    leaveStaleLock(lock.lockPath);
    // The claim that process made for this lock (named after the lock's inode and time), as old as the lock.
    const seen = fs.statSync(lock.lockPath, { bigint: true });
    const claim = `${lock.lockPath}.takeover-${seen.ino}-${seen.mtimeNs}`;
    leaveStaleLock(claim);
    expect(lock.run(() => 'written', 5_000)).toBe('written');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('leaves alone, at the end of a section that outlived the stale age, the lock another process took over meanwhile', () => {
    const lock = DataLock.for(dir);
    lock.run(() => {
      // The computer slept inside this section: its lock looks dead, and another process takes it over.
      const old = new Date(Date.now() - 60_000);
      fs.utimesSync(lock.lockPath, old, old);
      execFileSync(process.execPath, ['--import', 'tsx', RACER, 'hold', dir]);
    });
    expect(fs.existsSync(lock.lockPath)).toBe(true);
    expect(() => lock.run(() => 'written', 200)).toThrow(/nothing was saved/);
  });
});
