/**
 * `federation-desk`: the CLI over the same services as the app (docs/ARCHITECTURE.md, "CLI").
 * Plain Node: never imports electron.
 */
import { COMMANDS } from './cli/commands';
import { UsageError, writeJson, type CliIo } from './cli/io';
import { APP_VERSION } from '../shared/version';

/** The command list for `--help`: loads every command for its summary (help only, never a run). */
async function usage(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: federation-desk <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --json (one JSON document on stdout) and --help.',
    'federation-desk --version prints the version.',
  ].join('\n');
}

const SHORT_USAGE = `Usage: federation-desk <command> [options]. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run "federation-desk --help".`;

/** The document `--json` prints when a command ends without one of its own: a usage mistake, a name not found, a failure. */
export interface CliErrorDocument {
  error: { kind: 'usage' | 'error'; message: string; exitCode: number };
}

/**
 * Keeps the `--json` contract on every path: exactly one JSON document on stdout. Counts what the
 * command wrote on stdout and keeps its stderr text, so a command that ends without a document (a
 * usage mistake, a profile not found) gets `{"error": {...}}` with the message it gave on stderr.
 */
function jsonGuard(io: CliIo) {
  let wroteStdout = false;
  let stderrText = '';
  const stdout = Object.create(io.stdout) as NodeJS.WritableStream;
  stdout.write = ((...args: Parameters<NodeJS.WritableStream['write']>) => {
    wroteStdout = true;
    return io.stdout.write(...(args as [string]));
  }) as NodeJS.WritableStream['write'];
  const stderr = Object.create(io.stderr) as NodeJS.WritableStream;
  stderr.write = ((...args: Parameters<NodeJS.WritableStream['write']>) => {
    const [chunk] = args;
    if (stderrText.length < 4000) stderrText += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return io.stderr.write(...(args as [string]));
  }) as NodeJS.WritableStream['write'];
  return {
    io: { ...io, stdout, stderr },
    finish(exitCode: number, kind: 'usage' | 'error', message?: string): number {
      if (!wroteStdout && exitCode !== 0) {
        const text = (message ?? stderrText).trim().replace(/^federation-desk [a-z]+: /, '');
        const doc: CliErrorDocument = { error: { kind, message: text || `Exited with ${exitCode}.`, exitCode } };
        writeJson(io, doc);
      }
      return exitCode;
    },
  };
}

/** Run one command line; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = argv.includes('--json');
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${await usage()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    if (json) writeJson(io, { version: APP_VERSION });
    else io.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const message = name === undefined || name === '--json' ? `Name a command. ${SHORT_USAGE}` : `Unknown command "${name}". ${SHORT_USAGE}`;
    io.stderr.write(`${message}\n`);
    if (json) writeJson(io, { error: { kind: 'usage', message, exitCode: 2 } } satisfies CliErrorDocument);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help.trim()}\n`);
    return 0;
  }
  const guard = json ? jsonGuard(io) : undefined;
  const runIo = guard?.io ?? io;
  try {
    const code = await command.run(rest, runIo);
    return guard ? guard.finish(code, 'error') : code;
  } catch (error) {
    const usageMistake = error instanceof UsageError;
    const message = error instanceof Error ? error.message : String(error);
    runIo.stderr.write(`federation-desk ${name}: ${message}\n`);
    // Every command returns its own codes for what it expects to go wrong (expiry: UNKNOWN is 3).
    const code = usageMistake ? 2 : 1;
    return guard ? guard.finish(code, usageMistake ? 'usage' : 'error', message) : code;
  }
}

/**
 * Turns SIGINT/SIGTERM into `controller.abort()`. The first signal cancels the command; the ones
 * after it, while the command winds down and writes its document, are absorbed: a `once` listener
 * would leave the second Ctrl+C to Node's default handler, which kills the process with 130 and no
 * output. Returns the function that removes the listeners, so nothing keeps the process alive.
 */
export function listenForStop(target: Pick<NodeJS.Process, 'on' | 'off'>, stderr: { write(text: string): unknown }, controller: AbortController, received: readonly NodeJS.Signals[] = []): () => void {
  const stop = (signal: NodeJS.Signals) => {
    stderr.write(controller.signal.aborted ? `Still stopping after ${signal}; the result follows.\n` : `Stopping (${signal})...\n`);
    controller.abort();
  };
  target.on('SIGINT', stop);
  target.on('SIGTERM', stop);
  // The ones that came before these listeners, while they were held (bin/federation-desk.mjs, holdStopSignals).
  for (const signal of received) stop(signal);
  return () => {
    target.off('SIGINT', stop);
    target.off('SIGTERM', stop);
  };
}

/** Resolves once everything written to the stream before it has been handed to the operating system. */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * The SIGINT/SIGTERM held before the CLI listens itself, when Node's default would kill the process:
 * by bin/federation-desk.mjs from its first line, before this bundle is found, built and loaded, and
 * by holdStopSignals in the installed CLI while Electron gets ready. What came meanwhile, and how to
 * remove the holding listeners once the CLI's own listen (with no moment between the two).
 */
export interface HeldSignals {
  received: readonly NodeJS.Signals[];
  release(): void;
}

/**
 * Takes SIGINT/SIGTERM until the CLI listens itself (`runCliProcess`), for a start that takes a
 * moment before it: the installed CLI waits for Electron's `ready` (electron/main.ts). Without a
 * listener Node's default, or atomically's when-exit re-raising the signal, ends the process with
 * no document. bin/federation-desk.mjs does the same in plain JavaScript, before this bundle loads.
 */
export function holdStopSignals(target: Pick<NodeJS.Process, 'on' | 'off'>): HeldSignals {
  const received: NodeJS.Signals[] = [];
  const hold = (signal: NodeJS.Signals) => received.push(signal);
  target.on('SIGINT', hold);
  target.on('SIGTERM', hold);
  return {
    received,
    release() {
      target.off('SIGINT', hold);
      target.off('SIGTERM', hold);
    },
  };
}

/**
 * Entry point used by bin/federation-desk.mjs. Ends the process itself, once its output is out, as
 * the installed CLI does (`app.exit` in electron/main.ts). Left to end on its own when the event
 * loop drains, Node first closes every handle, the SIGINT/SIGTERM ones too, and libuv's
 * uv_signal_stop then puts each signal back to its default action, which kills the process; a
 * Ctrl+C in those last moments, after the command wrote its document, ended it with 130 and not
 * the documented exit code. process.exit() closes no handle: until the process is gone a Ctrl+C
 * still lands on the listener of runCliProcess.
 */
export async function main(held?: HeldSignals): Promise<void> {
  const code = await runCliProcess(process.argv.slice(2), held);
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/**
 * One command line on this process's own streams and signals; returns the exit code. Also the
 * installed app's CLI mode (electron/main.ts). The signal listeners stay until the process ends:
 * conf's atomic writes (atomically's when-exit hook) clean up on SIGINT and then raise SIGINT again,
 * which may arrive after the command wrote its document; without a listener it would kill the
 * process with 130. Signal listeners do not keep Node's event loop alive.
 */
export async function runCliProcess(argv: string[], held?: HeldSignals): Promise<number> {
  const controller = new AbortController();
  listenForStop(process, process.stderr, controller, held?.received);
  held?.release();
  return runCli(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stopSignal: controller.signal,
  });
}
