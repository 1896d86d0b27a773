/**
 * Runs the harness as its own process: `tsx tests/harness/serve.ts --data-dir DIR [--port N]
 * [--no-encryption] [--exit-with-stdin]`. Prints one JSON line {"url"} when ready; stops on
 * SIGTERM/SIGINT, and with --exit-with-stdin when its stdin closes: a parent that gives it a pipe
 * knows the OS closes it when the parent ends in any way (even killed), so no harness is left
 * listening with its parent gone.
 * For anyone who wants to look at the UI in a browser; the E2E tests start tests/harness/pool.ts,
 * one process per Playwright worker that serves each test a harness of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './harness-server';
import { ephemeralKeyVault } from './test-vault';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'no-encryption': { type: 'boolean' }, 'exit-with-stdin': { type: 'boolean' } },
});
const dataDir = values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fd-harness-'));
const harness = await startHarness({
  dataDir,
  port: values.port ? Number(values.port) : 0,
  vault: ephemeralKeyVault({
    persistent: !values['no-encryption'],
    ...(process.env.FD_TEST_VAULT_KEY ? { key: Buffer.from(process.env.FD_TEST_VAULT_KEY, 'hex') } : {}),
  }),
});
process.stdout.write(`${JSON.stringify({ url: harness.url, dataDir })}\n`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (values['exit-with-stdin']) {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
