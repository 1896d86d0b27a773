/**
 * What a CLI command receives: its streams and environment, injected so tests can run commands
 * in-process and read exactly what a user would see.
 */
import type { Readable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** Whether stdin is a terminal (then `diagnose` with no text asks for it instead of waiting). */
  stdinIsTTY: boolean;
  /** Resolves when the user asks the process to stop (SIGINT/SIGTERM). */
  stopSignal: AbortSignal;
}

export interface CliCommand {
  name: string;
  /** One line for `federation-desk --help`. */
  summary: string;
  /** Full help text for `federation-desk NAME --help`. */
  help: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A usage mistake: printed with the command's help hint, exit code 2 (or as the command decides). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * node:util parseArgs in strict mode, with its errors turned into UsageError in plain words
 * ("Unknown option --tenat. Run federation-desk check --help.").
 */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message.replace(/\. To specify a positional argument.*$/s, '.')} Run "federation-desk ${command} --help".`);
  }
}

/** Write exactly one JSON document on stdout (the `--json` contract). */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Read all of stdin as UTF-8. Ctrl+C (the stop signal) ends the wait: the CLI absorbs later signals
 * while a command winds down, so a command waiting for input must give up by itself.
 */
export async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  const reading = (async () => {
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  })();
  let onStop = () => {};
  const stopped = new Promise<never>((_resolve, reject) => {
    onStop = () => {
      (io.stdin as Partial<Readable>).destroy?.();
      reject(new Error('Stopped before the input ended; nothing was done.'));
    };
    if (io.stopSignal.aborted) onStop();
    else io.stopSignal.addEventListener('abort', onStop, { once: true });
  });
  try {
    return await Promise.race([reading, stopped]);
  } finally {
    io.stopSignal.removeEventListener('abort', onStop);
  }
}
