/**
 * Check compatibility against every built-in practice scenario, with the real probes, runner, HTTP
 * client and sign-in robot: the expectation table lives in tests/fixtures/check/scenario-expectations.json.
 */
import { checkWords } from '../../../shared/targets/registry';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, checkDefinition, type CheckId } from '../../../shared/check';
import { BUILT_IN_SCENARIO_NAMES } from '../../../electron/simulator';
import { runCheck, startSim } from './check-kit';

interface Expected {
  status: 'passed' | 'warning' | 'failed' | 'skipped';
  code?: number | string;
}

const table = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/check/scenario-expectations.json'), 'utf8')) as Record<string, unknown>;
const scenarios = Object.entries(table).filter(([name]) => !name.startsWith('$')) as [string, Record<CheckId, Expected>][];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('Check compatibility against the practice tenant', () => {
  it('has an expectation for every built-in scenario and every probe', () => {
    expect(scenarios.map(([name]) => name).sort()).toEqual([...BUILT_IN_SCENARIO_NAMES].sort());
    for (const [, probes] of scenarios) expect(Object.keys(probes).sort()).toEqual([...CHECK_IDS].sort());
  });

  it.each(scenarios)('scenario %s: each probe ends as the table says, failures with their code, IDs and fix', async (scenario, expected) => {
    const sim = await startSim(scenario);
    try {
      const results = await runCheck(sim);
      const actual = Object.fromEntries(CHECK_IDS.map((id) => [id, { status: results[id].status, ...(results[id].error ? { code: results[id].error.code } : {}) }]));
      expect(actual).toEqual(expected);
      for (const id of CHECK_IDS) {
        const r = results[id];
        expect(r.durationMs === null).toBe(r.status === 'skipped');
        if (r.status === 'failed') {
          expect(r.fix.length, `${id} failed without fix steps: ${r.summary}`).toBeGreaterThan(0);
          // Entra's consent prompt shows no request IDs (the check stops there), every error does.
          const atConsentPrompt = r.summary.includes('stopped at Entra’s consent page');
          if (typeof r.error?.code === 'number' && !atConsentPrompt) {
            expect(r.summary).toContain(`AADSTS${r.error.code}`);
            expect(r.error.traceId).toMatch(GUID);
            expect(r.error.correlationId).toMatch(GUID);
            expect(r.error.timestamp).toBeTruthy();
          }
        }
        if (r.status === 'skipped') {
          const blocker = checkDefinition(id).requires.map((req) => checkWords(undefined, req).title);
          expect(blocker.some((title) => r.summary.includes(`"${title}"`)), `${id}: "${r.summary}" does not name its prerequisite`).toBe(true);
        }
        if (r.status === 'warning') expect(r.fix.length).toBeGreaterThan(0);
      }
    } finally {
      await sim.close();
    }
  });
});
