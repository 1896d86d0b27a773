/**
 * Benchmark: diagnose() on a 1 MB paste (a whole log pasted into the Diagnose screen must answer as the person
 * types: well under 100 ms). The unit test asserts only what a 1 MB paste yields, never its time;
 * speed is measured here.
 * Run alone with `npx tsx bench/diagnose.bench.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnose } from '../shared/aadsts';

export interface BenchResult {
  name: string;
  /** Fastest timed run, in milliseconds of wall time (the least disturbed by other load). */
  ms: number;
  /** Median wall time of the timed runs. */
  medianMs: number;
  /** Median CPU time (user + system) of the process during a run. */
  cpuMs: number;
}

const MB = 1024 * 1024;
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/aadsts');

function corpus(): string {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.expected.json'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'))
    .join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const round = (x: number) => Math.round(x * 10) / 10;

function measure(name: string, text: string, runs = 9): BenchResult {
  diagnose(text.slice(0, 10_000));
  diagnose(text);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const start = performance.now();
    diagnose(text);
    wall.push(performance.now() - start);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { name, ms: round(Math.min(...wall)), medianMs: round(median(wall)), cpuMs: round(median(cpu)) };
}

/** The headline number: diagnose() on 1 MB of realistic error text (every fixture format, repeated). */
export function diagnoseBench(): BenchResult {
  const text = corpus();
  return measure('diagnose: 1 MB of realistic error text', text.repeat(Math.ceil(MB / text.length)).slice(0, MB));
}

/** The same on adversarial 1 MB inputs (long runs that would expose regex backtracking). */
export function diagnoseAdversarialBench(): BenchResult[] {
  const cases: [string, string][] = [
    ['plain text, no codes', 'lorem ipsum dolor sit amet '.repeat(MB / 27)],
    ['one character', 'a'.repeat(MB)],
    ['spaces after a label', `Trace ID:${' '.repeat(MB)}`],
    ['backslashes', '\\'.repeat(MB)],
    ['%25 runs (triple decoding)', '%25'.repeat(MB / 3)],
    ['unclosed tags', '<a '.repeat(MB / 3)],
    ['AADSTS prefixes', 'AADSTS'.repeat(MB / 6)],
    ['labels', 'Correlation ID: '.repeat(MB / 16)],
    ['50 000 distinct codes', Array.from({ length: MB / 20 }, (_, i) => `AADSTS${50000 + (i % 9000)}: x `).join('')],
  ];
  return cases.map(([name, text]) => measure(`diagnose: 1 MB adversarial (${name})`, text, 5));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const r of [diagnoseBench(), ...diagnoseAdversarialBench()]) console.log(`${r.name}: ${r.ms} ms (median ${r.medianMs} ms, CPU ${r.cpuMs} ms)`);
}
