/**
 * Each built-in scenario changes one thing from a tenant set up as the guide says; the audit must name
 * exactly that one step (with its fix and an admin-center link), and find healthy clean. The table
 * lives in tests/fixtures/audit/scenario-findings.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_FINDING_IDS, AUDIT_STEPS } from '../../../shared/audit';
import { isAllowedExternalUrl } from '../../../shared/clouds';
import { BUILT_IN_SCENARIO_NAMES } from '../../../electron/simulator';
import { audit, startSim } from './audit-kit';

interface Expectation {
  findings: { id: string; app: string; status: string }[];
  unknown: number;
  problem?: string;
}

const table = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/audit/scenario-findings.json'), 'utf8')) as Record<string, Expectation | string>;
const scenarios = Object.entries(table).filter((e): e is [string, Expectation] => !e[0].startsWith('$'));

describe('the registration audit against every built-in scenario', () => {
  it('has an expectation for every built-in scenario', () => {
    expect(scenarios.map(([name]) => name).sort()).toEqual([...BUILT_IN_SCENARIO_NAMES].sort());
  });

  it.each(scenarios)('%s', async (name, expected) => {
    const sim = await startSim(name);
    try {
      // Graph's Retry-After is waited out through an injected wait, so a throttled scenario costs no wall time here.
      const report = await audit(sim, { wait: () => Promise.resolve() });
      // Every step of the guide, once, in order, with a contract id.
      expect(report.findings.map((f) => `${f.app}/${f.id}`)).toEqual(AUDIT_STEPS.map((s) => `${s.app}/${s.id}`));
      for (const f of report.findings) expect(AUDIT_FINDING_IDS).toContain(f.id);
      const named = report.findings.filter((f) => f.status === 'failed' || f.status === 'warning');
      expect(named.map((f) => ({ id: f.id, app: f.app, status: f.status }))).toEqual(expected.findings);
      expect(report.findings.filter((f) => f.status === 'unknown')).toHaveLength(expected.unknown);
      expect(report.outcome).toBe(expected.findings.length === 0 && expected.unknown === 0 ? 'clean' : 'findings');
      for (const f of named) {
        expect(f.fix, `${f.id} has a fix`).toBeTruthy();
        expect(f.link, `${f.id} has a link`).not.toBeNull();
        expect(isAllowedExternalUrl(f.link?.url ?? '')).toBe(true);
      }
      for (const f of report.findings) if (f.link) expect(isAllowedExternalUrl(f.link.url), f.link.url).toBe(true);
      if (expected.problem) expect(report.problem?.summary).toContain(expected.problem);
      else expect(report.problem).toBeNull();
    } finally {
      await sim.close();
    }
  });
});
