/** The fixture corpus under tests/fixtures/aadsts: each text file with its expected-results file. */
import fs from 'node:fs';
import path from 'node:path';

export const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/aadsts');

export interface ExpectedFinding {
  code: number | string;
  traceId?: string | null;
  correlationId?: string | null;
  timestamp?: string | null;
  oauthError?: string | null;
  messageStartsWith?: string;
}

export interface Fixture {
  name: string;
  text: string;
  expected: ExpectedFinding[];
}

/** Every fixture: NAME.{txt,json,html,log,ndjson} next to NAME.expected.json. */
export function loadFixtures(): Fixture[] {
  const files = fs.readdirSync(FIXTURE_DIR);
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const base = f.slice(0, -'.expected.json'.length);
      const textFile = files.find((t) => t !== f && t.startsWith(`${base}.`) && !t.endsWith('.expected.json'));
      if (!textFile) throw new Error(`No text file for ${f}`);
      const expected = (JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as { findings: ExpectedFinding[] }).findings;
      return { name: textFile, text: fs.readFileSync(path.join(FIXTURE_DIR, textFile), 'utf8'), expected };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
