import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeErrorText, parseErrorText } from '../../../shared/aadsts';
import { MAX_FINDINGS } from '../../../shared/aadsts/parser';
import { COMPACT_ROWS } from '../../../shared/aadsts/catalog-compact';
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

const TRACE = '5e0c2d1a-7b3f-4a9e-8c61-0f2b9d4e7a13';
const CORR = 'c7a1e9b4-2d8f-4e06-b5a3-91d6f0c2e848';
const idsOf = (text: string) => parseErrorText(text).map((f) => ({ code: f.code, traceId: f.traceId, correlationId: f.correlationId, timestamp: f.timestamp }));

describe('parseErrorText: text forms seen in the field', () => {
  it("reads '+' as spaces in form-urlencoded text without any '%' escape, keeping the IDs (MSAL for iOS/macOS)", () => {
    const text = `Error Domain=MSALErrorDomain Code=-50000 "(null)" UserInfo={MSALErrorDescriptionKey=AADSTS50076:+Due+to+a+configuration+change+made+by+your+administrator,+you+must+use+multi-factor+authentication+to+access+'00000003-0000-0000-c000-000000000000'.+Trace+ID:+${TRACE}+Correlation+ID:+${CORR}+Timestamp:+2025-02-11+08:41:17Z, MSALOAuthErrorKey=invalid_grant}`;
    const [f] = parseErrorText(text);
    expect(f).toMatchObject({ code: 50076, traceId: TRACE, correlationId: CORR, timestamp: '2025-02-11 08:41:17Z' });
    expect(f?.message).toBe("AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.");
  });

  it("reads '+' as spaces in a redirect URL's query without '%' escapes", () => {
    const text = `https://app.example.net/callback?error=interaction_required&error_description=AADSTS50079:+You+must+register+for+MFA.+Trace+ID:+${TRACE}+Correlation+ID:+${CORR}+Timestamp:+2025-02-11+08:41:17Z&state=4f1`;
    expect(idsOf(text)).toEqual([{ code: 50079, traceId: TRACE, correlationId: CORR, timestamp: '2025-02-11 08:41:17Z' }]);
  });

  it('keeps a literal + that is not a space (a timestamp offset, a C++ mention) as it is', () => {
    expect(normalizeErrorText('Built with C++ at 10:00+01:00')).toBe('Built with C++ at 10:00+01:00');
  });

  it('unwraps JSON escaped three and four times: IDs kept, \\r\\n gone from the message', () => {
    const inner = { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided.\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORR}\r\nTimestamp: 2025-02-11 08:41:17Z` };
    const thrice = JSON.stringify({ level: 'error', msg: JSON.stringify({ status: 401, body: JSON.stringify(inner) }) });
    const fourTimes = JSON.stringify(JSON.stringify({ level: 'error', msg: JSON.stringify({ body: JSON.stringify(inner) }) }));
    expect(thrice).toContain('\\\\\\"error_description');
    for (const text of [thrice, fourTimes]) {
      const [f] = parseErrorText(text);
      expect(f).toMatchObject({ code: 7000215, traceId: TRACE, correlationId: CORR, timestamp: '2025-02-11 08:41:17Z', oauthError: 'invalid_client' });
      expect(f?.message).toBe('AADSTS7000215: Invalid client secret provided.');
    }
  });

  it('reads the portal sign-in log details (tab-separated, no AADSTS prefix) with its IDs and failure reason', () => {
    const text = `Date\t2/11/2025, 9:41:17 AM\nRequest ID\t${TRACE}\nCorrelation ID\t${CORR}\nStatus\tInterrupted\nSign-in error code\t50058\nFailure reason\tSession information is not sufficient for single-sign-on.`;
    const [f] = parseErrorText(text);
    expect(f).toMatchObject({ code: 50058, traceId: TRACE, correlationId: CORR, message: 'AADSTS50058: Session information is not sufficient for single-sign-on.' });
  });

  it.each([
    ['Sign-in error code: 50058', 50058],
    ['Error Code: 530033', 530033],
    ['{"status":{"errorCode": 50053, "failureReason": "Account is locked."}}', 50053],
    ['Sign-in error code: 5012345', 5012345],
  ] as const)('finds the code of a sign-in log line without the AADSTS prefix: %s', (text, code) => {
    expect(codesOf(text)).toEqual([code]);
  });

  it.each([
    'connect ETIMEDOUT, socket error code 10060',
    'Installer failed with error code 80070005',
    'Error Code: 12345',
    '"errorCode": 40401',
    'HTTP 500, errorCode: 500',
  ])('does not make an Entra code of an arbitrary number after a generic label: %s', (text) => {
    expect(codesOf(text)).toEqual([]);
  });

  it('reads lower-case and misspelled prefixes', () => {
    expect(idsOf(`aadsts50020: User account from identity provider 'live.com' does not exist in tenant. Trace ID: ${TRACE}`)).toEqual([{ code: 50020, traceId: TRACE, correlationId: null, timestamp: null }]);
    const [f] = parseErrorText(`ADSTS50020: User account from identity provider does not exist. Correlation ID: ${CORR}`);
    expect(f).toMatchObject({ code: 50020, correlationId: CORR, message: 'AADSTS50020: User account from identity provider does not exist.' });
    // "ADSTS" inside a longer word is not a code prefix
    expect(codesOf('BADSTS50020 and LOADSTS50011')).toEqual([]);
  });

  it('reads full-width colons and ideographic spaces of localized text', () => {
    const text = `AADSTS50020：ユーザー アカウントがテナントに存在しません。\nTrace\u3000ID：${TRACE}\nCorrelation ID：${CORR}\nTimestamp：2025-02-11 08:41:17Z`;
    expect(idsOf(text)).toEqual([{ code: 50020, traceId: TRACE, correlationId: CORR, timestamp: '2025-02-11 08:41:17Z' }]);
  });
});

/** One error written the ways it travels, each a function of (code, trace, correlation). */
const KNOWN_NUMERIC = COMPACT_ROWS.map(([c]) => c).filter((c): c is number => typeof c === 'number');
const WRITTEN = [
  (c: number, t: string, r: string) => `AADSTS${c}: Something failed for the app.\r\nTrace ID: ${t}\r\nCorrelation ID: ${r}\r\nTimestamp: 2025-02-11 08:41:17Z`,
  (c: number, t: string, r: string) => JSON.stringify({ error: 'invalid_grant', error_description: `AADSTS${c}: Something failed.\r\nTrace ID: ${t}\r\nCorrelation ID: ${r}`, error_codes: [c], trace_id: t, correlation_id: r }),
  (c: number, t: string, r: string) => `Request Id: ${t}\nCorrelation Id: ${r}\nTimestamp: 2025-02-11T08:41:17.000Z\nMessage: AADSTS${c}: Something failed for the app.`,
  (c: number, t: string, r: string) => `Sign-in error code: ${c}\nRequest ID: ${t}\nCorrelation ID: ${r}`,
] as const;
const WRAPPED = [
  (s: string) => s,
  (s: string) => JSON.stringify({ message: s }),
  (s: string) => JSON.stringify(JSON.stringify(JSON.stringify({ message: s }))),
  (s: string) => `error_description=${encodeURIComponent(s)}`,
  (s: string) => `error_description=${encodeURIComponent(encodeURIComponent(s))}`,
  (s: string) => s.replace(/\r?\n/g, ' ').replace(/ /g, '+'),
  (s: string) => `<p>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`,
] as const;
// Noise that cannot spell a label or a prefix: no letters at all, so it can hide no code of its own.
const noise = fc.string({ unit: fc.constantFrom(' ', '.', ',', ';', '-', '\n', '0', '7', '(', ')', '#'), maxLength: 40 });

describe('parseErrorText: properties', () => {
  it('finds every code written into a text, in any form and wrapping, with its own IDs; and no other code', () => {
    const error = fc.record({
      code: fc.oneof(fc.constantFrom(...KNOWN_NUMERIC), fc.integer({ min: 10_000, max: 9_999_999 })),
      form: fc.nat({ max: WRITTEN.length - 1 }),
      trace: fc.uuid({ version: 4 }),
      corr: fc.uuid({ version: 4 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(error, { minLength: 1, maxLength: 4, selector: (e) => e.code }), fc.nat({ max: WRAPPED.length - 1 }), noise, (errors, wrap, gap) => {
        const text = WRAPPED[wrap]!(errors.map((e) => WRITTEN[e.form]!(e.code, e.trace, e.corr)).join(`\n${gap}\n\n`));
        const found = parseErrorText(text);
        expect(found.map((f) => f.code).sort()).toEqual(errors.map((e) => e.code).sort());
        if (errors.length === 1) expect(found[0]).toMatchObject({ traceId: errors[0]!.trace, correlationId: errors[0]!.corr });
      }),
      { numRuns: 400 },
    );
  });

  it('never invents a code from numbers that carry no label', () => {
    const digits = fc.integer({ min: 10_000, max: 9_999_999 }).map(String);
    fc.assert(
      fc.property(fc.array(fc.oneof(digits, noise, fc.constantFrom('error', 'code', 'Status: 500', 'port ', 'build ', 'v1.2.')), { maxLength: 20 }), (parts) => {
        const text = parts.join(' ');
        fc.pre(!/error[ _]?codes?\s*[:=]?\s*\[?\s*\d/i.test(text));
        expect(parseErrorText(text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });


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
