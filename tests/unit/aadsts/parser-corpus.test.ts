import { describe, expect, it } from 'vitest';
import { parseErrorText } from '../../../shared/aadsts';
import { loadFixtures } from './fixtures';

const fixtures = loadFixtures();

describe('parser on the fixture corpus', () => {
  it('has a corpus covering every format', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const found = parseErrorText(fixture.text);
    expect(found.map((f) => f.code)).toEqual(fixture.expected.map((e) => e.code));
    fixture.expected.forEach((exp, i) => {
      const got = found[i];
      expect(got).toBeDefined();
      if (!got) return;
      for (const field of ['traceId', 'correlationId', 'timestamp', 'oauthError'] as const) {
        if (exp[field] !== undefined) expect(got[field], `${field} of ${String(exp.code)}`).toBe(exp[field]);
      }
      if (exp.messageStartsWith) expect(got.message ?? '').toContain(exp.messageStartsWith);
    });
  });
});
