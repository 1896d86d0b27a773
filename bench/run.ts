/**
 * `npm run bench`: runs every bench/*.bench.ts and prints one line per benchmark. A benchmark module
 * exports `run(): Promise<{name, ratio?, target?, detail}>`; older ones that export `*Bench()`
 * functions returning `{name, ms, medianMs, cpuMs}` (or an array of them) are run too.
 * `npm run bench -- check` runs only the files whose name contains "check".
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchLine {
  name: string;
  ratio?: number;
  target?: number;
  detail: string;
}

interface TimedResult {
  name: string;
  ms: number;
  medianMs?: number;
  cpuMs?: number;
}

const isTimed = (x: unknown): x is TimedResult => typeof x === 'object' && x !== null && typeof (x as TimedResult).name === 'string' && typeof (x as TimedResult).ms === 'number';

function fromTimed(r: TimedResult): BenchLine {
  return { name: r.name, detail: `${r.ms} ms fastest${r.medianMs !== undefined ? `, median ${r.medianMs} ms` : ''}${r.cpuMs !== undefined ? `, CPU ${r.cpuMs} ms` : ''}` };
}

/** The lines of one benchmark module, whichever of the two export styles it uses. */
async function linesOf(mod: Record<string, unknown>): Promise<BenchLine[]> {
  if (typeof mod.run === 'function') {
    const out = (await (mod.run as () => Promise<BenchLine | BenchLine[]>)()) as BenchLine | BenchLine[];
    return Array.isArray(out) ? out : [out];
  }
  const lines: BenchLine[] = [];
  for (const [key, fn] of Object.entries(mod)) {
    if (!/Bench$/.test(key) || typeof fn !== 'function') continue;
    const out = (await (fn as () => unknown)()) as unknown;
    for (const r of Array.isArray(out) ? out : [out]) lines.push(isTimed(r) ? fromTimed(r) : { name: key, detail: JSON.stringify(r) });
  }
  return lines;
}

function format(line: BenchLine): string {
  const ratio = line.ratio === undefined ? '' : ` ratio ${line.ratio.toFixed(2)}${line.target !== undefined ? ` (target ≤ ${line.target}${line.ratio > line.target ? ', OVER TARGET' : ''})` : ''};`;
  return `${line.name}:${ratio} ${line.detail}`;
}

async function main(): Promise<void> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const filter = process.argv[2];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
    .sort();
  if (files.length === 0) {
    console.error(`No benchmark in ${dir}${filter ? ` matches "${filter}"` : ''}.`);
    process.exitCode = 2;
    return;
  }
  for (const file of files) {
    try {
      const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
      const lines = await linesOf(mod);
      if (lines.length === 0) console.log(`${file}: exports neither run() nor *Bench() functions; skipped.`);
      for (const line of lines) console.log(format(line));
    } catch (error) {
      console.log(`${file}: failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}

await main();
