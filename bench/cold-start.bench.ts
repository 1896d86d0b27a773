/**
 * Benchmark: the CLI's cold start, as ratios to a bare `node -e 0` measured in the same run (so a
 * busy or a fast machine moves both sides alike). Best of 5 wall times each, after one warm-up run
 * that also rebuilds the bundle when sources changed:
 *   - `federation-desk --version` against 2 x node + 300 ms (ratio <= 1 meets it);
 *   - `federation-desk diagnose "<short text>"` against node (target <= 3).
 * Run alone with `npm run bench -- cold-start`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchLine } from './run';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'federation-desk.mjs');
const SHORT_TEXT = 'AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application.';

function bestOf(runs: number, args: string[]): number {
  let best = Infinity;
  spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    const ms = performance.now() - start;
    if (r.status === null) throw new Error(`${args.join(' ')} did not exit`);
    best = Math.min(best, ms);
  }
  return best;
}

const ms = (x: number) => `${Math.round(x)} ms`;

export async function run(): Promise<BenchLine[]> {
  const node = bestOf(5, ['-e', '0']);
  const version = bestOf(5, [BIN, '--version']);
  const diagnose = bestOf(5, [BIN, 'diagnose', SHORT_TEXT]);
  const versionBudget = 2 * node + 300;
  return [
    { name: 'cold start: federation-desk --version vs 2 x node -e 0 + 300 ms', ratio: version / versionBudget, target: 1, detail: `${ms(version)} vs budget ${ms(versionBudget)} (node -e 0: ${ms(node)}), best of 5` },
    { name: 'cold start: federation-desk diagnose "<short text>" vs node -e 0', ratio: diagnose / node, target: 3, detail: `${ms(diagnose)} vs ${ms(node)}, best of 5` },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await run()) console.log(`${line.name}: ratio ${line.ratio?.toFixed(2)}; ${line.detail}`);
}
