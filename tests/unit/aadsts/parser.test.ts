import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeErrorText, parseErrorText } from '../../../shared/aadsts';
import { MAX_FINDINGS } from '../../../shared/aadsts/parser';
import { loadFixtures } from './fixtures';

const codesOf = (text: string) => parseErrorText(text).map((f) => f.code);

describe('parseErrorText: formats', () => {
  it.each([
    ['plain message', 'AADSTS50011: The redirect URI does not match.', [50011]],
    ['lower-case prefix', 'aadsts50011: mismatch', [50011]],
    ['space between prefix and number', 'error AADSTS 700016 seen', [700016]],
    ['URL-encoded colon %3A', 'error_description=AADSTS50011%3A+The+reply', [50011]],
    ['URL-encoded colon %3a', 'error_description=AADSTS7000215%3a+Invalid', [7000215]],
    ['double-encoded', 'error_description%3DAADSTS90002%253A%2BTenant', [90002]],
    ['HTML entities', '<p>AADSTS50105&#58; blocked &amp; more</p>', [50105]],
    ['JSON error_codes only', '{"error_codes":[65001, 50076]}', [65001, 50076]],
    ['MSAL Error(s) list', 'Error(s): 7000218 - Timestamp: 2024-01-01 00:00:00Z - Description: missing', [7000218]],
    ['error_uri only', '"error_uri":"https://login.microsoftonline.com/error?code=53003"', [53003]],
    ['sign-in log export', 'Sign-in error code: 50126\nFailure reason: Invalid username or password', [50126]],
    ['errorNo of an MSAL error object', "{ errorCode: 'invalid_grant', errorNo: '70008' }", [70008]],
    ['Graph code in SDK text', 'Code: Authorization_RequestDenied\nMessage: Insufficient privileges', ['Authorization_RequestDenied']],
    ['generic Graph code only as a code value', 'accessDenied in prose; {"error":{"code":"accessDenied"}}', ['accessDenied']],
    ['IdentityModel', 'IDX10214: Audience validation failed.', ['IDX10214']],
    ['several codes, first appearance order, once each', 'AADSTS50076 then AADSTS50011 then AADSTS50076 again', [50076, 50011]],
    ['code split by a line break', 'AADSTS7000\n215: Invalid client secret', [7000215]],
    ['too short / too long are not codes', 'AADSTS123 AADSTS12345678 AADSTS0012345', []],
    ['a bare number is not a code', 'listening on port 50011, build 7000215', []],
    ['an HTTP status is not a code', 'HTTP error code 500', []],
  ] as const)('%s', (_name, text, expected) => {
    expect(codesOf(text)).toEqual(expected);
  });

  it('keeps each error’s IDs apart when two errors follow each other', () => {
    const text = [
      'AADSTS50011: first. Trace ID: 00000000-0000-4000-8000-000000000001 Correlation ID: 00000000-0000-4000-8000-000000000002 Timestamp: 2024-01-01 00:00:01Z',
      'AADSTS65001: second. Trace ID: 00000000-0000-4000-8000-000000000003 Correlation ID: 00000000-0000-4000-8000-000000000004 Timestamp: 2024-01-01 00:00:02Z',
    ].join('\n');
    const [a, b] = parseErrorText(text);
    expect(a).toMatchObject({ code: 50011, traceId: '00000000-0000-4000-8000-000000000001', correlationId: '00000000-0000-4000-8000-000000000002', timestamp: '2024-01-01 00:00:01Z' });
    expect(b).toMatchObject({ code: 65001, traceId: '00000000-0000-4000-8000-000000000003', correlationId: '00000000-0000-4000-8000-000000000004', timestamp: '2024-01-01 00:00:02Z' });
  });

  it('reports null IDs when the text has none', () => {
    expect(parseErrorText('AADSTS50034: user not found')[0]).toMatchObject({ traceId: null, correlationId: null, timestamp: null, oauthError: null });
  });

  it('normalizes GUIDs written without hyphens or in upper case', () => {
    const [f] = parseErrorText('AADSTS50011: x\nTrace ID: 4457D0682A0342B297F2D55325289D86');
    expect(f?.traceId).toBe('4457d068-2a03-42b2-97f2-d55325289d86');
  });

  it('never throws on hostile values', () => {
    for (const v of [undefined, null, 42, {}, '\ud800', '%E0%A4%A', '&#99999999;', '&#xD800;', '\\u12', '<'.repeat(5000), 'AADSTS'.repeat(10000)]) {
      expect(() => parseErrorText(v as unknown as string)).not.toThrow();
    }
  });
});

describe('parseErrorText: properties', () => {
  const fragment = fc.oneof(
    fc.string(),
    fc.constantFrom('AADSTS50011: ', 'AADSTS7000215', 'Trace ID: ', 'Correlation ID: ', 'Timestamp: ', '%3A', '%25', '&amp;', '\\r\\n', '<div>', '"error_codes":[', '4457d068-2a03-42b2-97f2-d55325289d86', '2024-05-01 10:00:00Z', 'Authorization_RequestDenied', 'IDX10205', '\n', '+'),
    fc.integer({ min: 0, max: 99_999_999 }).map((n) => `AADSTS${n}`),
  );
  const text = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => Array.isArray(parseErrorText(s))), { numRuns: 500 });
    fc.assert(fc.property(text, (s) => Array.isArray(parseErrorText(s))), { numRuns: 500 });
  });

  it('finds only codes present in the (normalized) text, each once', () => {
    fc.assert(
      fc.property(text, (s) => {
        const normalized = normalizeErrorText(s);
        const found = parseErrorText(s);
        const keys = found.map((f) => f.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const f of found) {
          if (typeof f.code === 'number') expect(normalized.replace(/\s+/g, '')).toContain(String(f.code));
          else expect(normalized).toContain(f.code);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: the text twice gives the same codes as once', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(codesOf(`${s}\n\n${s}`)).toEqual(codesOf(s));
      }),
      { numRuns: 300 },
    );
  });

  it('finds every code of the corpus when fixtures are pasted together', () => {
    const all = loadFixtures();
    const joined = all.map((f) => f.text).join('\n\n-----\n\n');
    const found = new Set(codesOf(joined).map(String));
    for (const f of all) for (const e of f.expected) expect(found.has(String(e.code))).toBe(true);
  });
});

describe('parseErrorText: 1 MB pastes', () => {
  // What a 1 MB paste yields, never how long it takes: speed is measured in bench/diagnose.bench.ts
  // (a wall-clock bound here fails on a busy machine and proves nothing on a fast one).
  const MB = 1024 * 1024;
  const realistic = loadFixtures()
    .map((f) => f.text)
    .join('\n');

  it('finds the same codes in realistic errors repeated to 1 MB as in one copy of them', () => {
    const once = new Set(codesOf(realistic));
    const big = realistic.repeat(Math.ceil(MB / realistic.length)).slice(0, MB);
    expect(once.size).toBeGreaterThan(0);
    expect(new Set(codesOf(big))).toEqual(once);
  });

  it('stops at MAX_FINDINGS distinct codes when 1 MB holds 50 000 of them', () => {
    const text = Array.from({ length: MB / 20 }, (_, i) => `AADSTS${50000 + (i % 9000)}: x `).join('');
    const codes = codesOf(text);
    expect(codes).toHaveLength(MAX_FINDINGS);
    expect(codes.slice(0, 2)).toEqual([50000, 50001]);
  });

  it.each([
    ['1 MB of one character', () => 'a'.repeat(MB)],
    ['1 MB of spaces after a label', () => `Trace ID:${' '.repeat(MB)}`],
    ['1 MB of percent signs', () => '%'.repeat(MB)],
    ['1 MB of %25 (encoded percent)', () => '%25'.repeat(MB / 3)],
    ['1 MB of unclosed tags', () => '<a '.repeat(MB / 3)],
    ['1 MB of backslashes', () => '\\'.repeat(MB)],
    ['1 MB of AADSTS prefixes', () => 'AADSTS'.repeat(MB / 6)],
    ['1 MB of digits after AADSTS', () => `AADSTS${'1'.repeat(MB)}`],
    ['1 MB of labels', () => 'Correlation ID: '.repeat(MB / 16)],
    ['1 MB of key=value+ tokens', () => `error_description=${'a+'.repeat(MB / 2)}`],
    ['1 MB of entity starts', () => '&#'.repeat(MB / 2)],
    ['1 MB of newlines between wrapped codes', () => 'AADSTS500\n'.repeat(MB / 10)],
  ] as const)('%s: no code, and no exception', (_name, make) => {
    expect(codesOf(make())).toEqual([]);
  });
});
