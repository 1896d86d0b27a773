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
});
