/** What a child process a test started printed, and how it ended. */
import type { ChildProcessByStdio } from 'node:child_process';
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
