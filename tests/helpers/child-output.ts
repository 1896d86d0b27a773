/** What a child process a test started printed, and how it ended. */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Collects stdout and stderr until the process has ended (spawned with stdout and stderr piped). */
export function outputOf(child: ChildProcessByStdio<Writable | null, Readable, Readable>): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts a `node --import tsx` process per argument list, waits until each has printed "ready", then
 * sends every one a line at once, so they race rather than run one after another as they happen to
 * start. Resolves with each one's output once all have ended.
 */
export async function raceTsProcesses(argLists: string[][]): Promise<ProcessRun[]> {
  const children = argLists.map((args) => spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['pipe', 'pipe', 'pipe'] }));
  const results = children.map(outputOf);
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          let seen = '';
          const onData = (c: Buffer) => {
            seen += c.toString();
            if (!seen.includes('ready\n')) return;
            child.stdout.off('data', onData);
            child.off('close', onClose);
            resolve();
          };
          const onClose = () => reject(new Error(`a process ended before it was ready: ${seen}`));
          child.stdout.on('data', onData);
          child.once('close', onClose);
        }),
    ),
  );
  for (const child of children) child.stdin.end('go\n');
  return Promise.all(results);
}

/** In a process raceTsProcesses started: says "ready" and waits for the line that starts the race. */
export async function readyThenWaitForGo(): Promise<void> {
  const { createInterface } = await import('node:readline');
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
}
