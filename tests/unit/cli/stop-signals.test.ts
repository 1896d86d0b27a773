/** How the CLI takes Ctrl+C: the first cancels, the later ones never fall through to Node's default kill. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { listenForStop } from '../../../electron/cli';

describe('listenForStop', () => {
  it('cancels on the first Ctrl+C and keeps listening, so a second one cannot kill the process mid-shutdown', () => {
    const proc = new EventEmitter();
    const said: string[] = [];
    const controller = new AbortController();
    const unlisten = listenForStop(proc as unknown as NodeJS.Process, { write: (t: string) => said.push(t) }, controller);
    proc.emit('SIGINT', 'SIGINT');
    expect(controller.signal.aborted).toBe(true);
    // Node kills the process on SIGINT only when no listener is left for it.
    expect(proc.listenerCount('SIGINT')).toBe(1);
    proc.emit('SIGINT', 'SIGINT');
    expect(proc.listenerCount('SIGINT')).toBe(1);
    expect(said).toEqual(['Stopping (SIGINT)...\n', 'Still stopping after SIGINT; the result follows.\n']);
    unlisten();
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('takes a signal that came before it listened (held by the bin) as the first stop', () => {
    const proc = new EventEmitter();
    const said: string[] = [];
    const controller = new AbortController();
    listenForStop(proc as unknown as NodeJS.Process, { write: (t: string) => said.push(t) }, controller, ['SIGINT']);
    expect(controller.signal.aborted).toBe(true);
    proc.emit('SIGINT', 'SIGINT');
    expect(said).toEqual(['Stopping (SIGINT)...\n', 'Still stopping after SIGINT; the result follows.\n']);
  });
});

describe('a command waiting for input', () => {
  it('gives up on Ctrl+C instead of waiting for an end of input that never comes', async () => {
    const { PassThrough } = await import('node:stream');
    const { runCli } = await import('../../../electron/cli');
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const controller = new AbortController();
    // Ctrl+C once the command listens on stdin (it attaches its reader), with nothing ever written.
    stdin.once('newListener', () => setImmediate(() => controller.abort()));
    const code = await runCli(['diagnose'], { stdout, stderr, stdin, env: {}, stdinIsTTY: false, stopSignal: controller.signal });
    expect(code).toBe(1);
    expect(err).toContain('Stopped before the input ended');
  });
});
