/**
 * One process that serves many harnesses, one after another or side by side: what each Playwright
 * worker starts once, so a test pays for a fresh harness (new data folder, new services, new port)
 * and not for a Node start that loads tsx and the whole main-process graph again.
 *
 * Commands come on stdin and answers go to stdout, one JSON object a line:
 *   {"id":1,"op":"start","dataDir":"/tmp/x","encryption":true,"vaultKey":"<64 hex>"} -> {"id":1,"url":"http://127.0.0.1:N/"}
 *   {"id":2,"op":"stop","url":"http://127.0.0.1:N/"} -> {"id":2}
 * A failure answers {"id", "error"}. When stdin ends (the runner finished, or died in any way: the OS
 * closes the pipe), every harness is closed and the process exits, so none outlives its runner.
 * `tests/harness/serve.ts` stays the one-harness command for a person who wants to look at the UI.
 */
import readline from 'node:readline';
import { z } from 'zod';
import { startHarness, type Harness } from './harness-server';
import { ephemeralKeyVault } from './test-vault';

const Command = z.discriminatedUnion('op', [
  z.object({ id: z.number(), op: z.literal('start'), dataDir: z.string().min(1), encryption: z.boolean(), vaultKey: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ id: z.number(), op: z.literal('stop'), url: z.string() }),
]);

const running = new Map<string, Harness>();
const reply = (answer: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(answer)}\n`);

async function run(line: string): Promise<void> {
  let id: unknown = null;
  try {
    const raw: unknown = JSON.parse(line);
    id = (raw as { id?: unknown } | null)?.id ?? null;
    const command = Command.parse(raw);
    if (command.op === 'start') {
      const harness = await startHarness({
        dataDir: command.dataDir,
        vault: ephemeralKeyVault({ persistent: command.encryption, key: Buffer.from(command.vaultKey, 'hex') }),
      });
      running.set(harness.url, harness);
      reply({ id: command.id, url: harness.url });
    } else {
      const harness = running.get(command.url);
      running.delete(command.url);
      await harness?.close();
      reply({ id: command.id });
    }
  } catch (error) {
    reply({ id, error: error instanceof Error ? error.message : String(error) });
  }
}

let closing = false;
async function closeAll(): Promise<void> {
  if (closing) return;
  closing = true;
  await Promise.allSettled([...running.values()].map((h) => h.close()));
  process.exit(0);
}

readline.createInterface({ input: process.stdin }).on('line', (line) => void run(line));
process.stdin.on('end', () => void closeAll());
process.stdin.on('error', () => void closeAll());
process.on('SIGTERM', () => void closeAll());
process.on('SIGINT', () => void closeAll());
reply({ ready: true });
