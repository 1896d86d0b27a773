/**
 * Benchmark: redact() on 100 KB of hostile text (a server's error_description built to make the
 * redaction patterns backtrack) against 100 KB of ordinary log text. The budget is 50 ms for 100 KB;
 * the ratio says whether hostile text costs more than ordinary text of the same size (it must not:
 * the patterns are linear). tests/unit/redact.test.ts asserts what is redacted, never the time.
 * Run alone with `npx tsx bench/redact.bench.ts`.
 */
import { redact } from '../electron/services/redact';
import type { BenchLine } from './run';

const KB100 = 100 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);

const HOSTILE: Record<string, string> = {
  '-eyJ repeated': fill('-eyJ'),
  'eyJ header runs with dots': fill('eyJaaaaaaaaaa.'),
  'credential keys with spaces': fill('secret:   '),
  'code= fields': fill('?code=&'),
  '"code":" without an end': fill('"code":"aaaaaaaa'),
  'URL user:password without an @': fill('http://user:pass'),
};
const ORDINARY = fill('2026-11-30T10:00:00Z info Check compatibility: AADSTS50011 Trace ID: 0a1b2c3d-1111-2222-3333-444455556666\n');

function fastest(text: string, runs = 7): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    redact(text);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

export async function run(): Promise<BenchLine[]> {
  redact(ORDINARY); // warm the regular expressions
  const base = fastest(ORDINARY);
  return Object.entries(HOSTILE).map(([name, text]) => {
    const ms = fastest(text);
    return {
      name: `redact 100 KB: ${name}`,
      ratio: ms / Math.max(base, 0.01),
      target: 10,
      detail: `${ms.toFixed(2)} ms (budget 50 ms; ordinary text of the same size ${base.toFixed(2)} ms)`,
    };
  });
}

if (process.argv[1]?.endsWith('redact.bench.ts')) for (const l of await run()) console.log(`${l.name}: ratio ${l.ratio?.toFixed(2)}; ${l.detail}`);
