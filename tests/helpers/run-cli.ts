/** Runs a CLI command line in-process and returns what a user would see, plus the exit code. */
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../electron/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliInProcess(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await runCli(argv, {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    stdinIsTTY: options.stdin === undefined,
    stopSignal: new AbortController().signal,
  });
  return { code, stdout: out, stderr: err };
}
