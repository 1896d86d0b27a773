/**
 * `federation-desk`: the CLI over the same services as the app (docs/ARCHITECTURE.md, "CLI").
 * Plain Node: never imports electron.
 */
import { COMMANDS } from './cli/commands';
import { UsageError, type CliIo } from './cli/io';
import { APP_VERSION } from '../shared/version';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: federation-desk <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --json (one JSON document on stdout) and --help.',
  ].join('\n');
}

/** Run one command line; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help.trim()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`federation-desk ${name}: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`federation-desk ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return command.name === 'expiry' ? 3 : 1;
  }
}

/**
 * Turns SIGINT/SIGTERM into `controller.abort()`. The first signal cancels the command; the ones
 * after it, while the command winds down and writes its document, are absorbed: a `once` listener
 * would leave the second Ctrl+C to Node's default handler, which kills the process with 130 and no
 * output. Returns the function that removes the listeners, so nothing keeps the process alive.
 */
export function listenForStop(target: Pick<NodeJS.Process, 'on' | 'off'>, stderr: { write(text: string): unknown }, controller: AbortController): () => void {
  const stop = (signal: NodeJS.Signals) => {
    stderr.write(controller.signal.aborted ? `Still stopping after ${signal}; the result follows.\n` : `Stopping (${signal})...\n`);
    controller.abort();
  };
  target.on('SIGINT', stop);
  target.on('SIGTERM', stop);
  return () => {
    target.off('SIGINT', stop);
    target.off('SIGTERM', stop);
  };
}

/** Entry point used by bin/federation-desk.mjs. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  const unlisten = listenForStop(process, process.stderr, controller);
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stopSignal: controller.signal,
  });
  unlisten();
  process.exitCode = code;
}
