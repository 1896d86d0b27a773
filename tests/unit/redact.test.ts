import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REDACT_CHARS, redact, redactValue, registerSecret } from '../../electron/services/redact';

const CANARY_SECRET = 'RDX8Q~canaryClientSecretValue0123456789ab';
const CANARY_JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImNhbmFyeSJ9.eyJzdWIiOiJjYW5hcnktdXNlciIsImF1ZCI6ImFwaSJ9.c2lnbmF0dXJlLWNhbmFyeS12YWx1ZQ';

describe('the one redaction function', () => {
  registerSecret(CANARY_SECRET);

  it.each([
    ['a known secret anywhere', `the value is ${CANARY_SECRET}!`, CANARY_SECRET],
    ['a form body', `client_id=abc&client_secret=${encodeURIComponent('other-secret-value')}&grant_type=client_credentials`, 'other-secret-value'],
    ['a JSON field', '{"refresh_token":"0.AAAA-refresh-canary-value","ok":true}', '0.AAAA-refresh-canary-value'],
    ['a bearer header', 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz.123', 'abcdefghijklmnopqrstuvwxyz'],
    ['a JWT in a log line', `id_token received ${CANARY_JWT} for user`, 'c2lnbmF0dXJlLWNhbmFyeS12YWx1ZQ'],
    ['an auth code in a redirect URL', 'https://octopus.contoso.com/?code=0.AXcanaryAuthCode123&state=xyz', '0.AXcanaryAuthCode123'],
    ['a PKCE verifier', 'code_verifier=canaryVerifier-0123456789-abcdefghijklmnop', 'canaryVerifier-0123456789'],
    ['a password field', 'username=adele&password=Practice-Canary-1!', 'Practice-Canary-1!'],
  ])('removes %s', (_label, text, canary) => {
    const out = redact(text);
    expect(out).not.toContain(canary);
    expect(out).toContain('[redacted');
  });

  it('keeps what support needs: codes, trace and correlation IDs, a Graph error code', () => {
    const text = 'AADSTS50011: redirect mismatch\r\nTrace ID: 0a1b2c3d-1111-2222-3333-444455556666\r\nCorrelation ID: 9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff {"error":{"code":"Authorization_RequestDenied"}}';
    expect(redact(text)).toBe(text);
  });

  it('reads client_secret=<known secret> as one clean marker', () => {
    expect(redact(`client_secret=${CANARY_SECRET}&x=1`)).toBe('client_secret=[redacted]&x=1');
  });

  it('redacts inside structured values', () => {
    expect(JSON.stringify(redactValue({ nested: [{ token: CANARY_JWT, note: CANARY_SECRET }] }))).not.toMatch(/RDX8Q|c2lnbmF0dXJl/);
  });

  it('never throws and never lets the canary through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(redact(`${before}${CANARY_SECRET}${after}`)).not.toContain(CANARY_SECRET);
      }),
      { numRuns: 300 },
    );
  });
});

describe('redaction of hostile text', () => {
  const KB100 = 100 * 1024;
  const CANARY = 'HST8Q~hostileCanarySecret0123456789abcd';
  registerSecret(CANARY);
  /** Pieces that made the old patterns rescan a run once per possible start. */
  const piece = fc.constantFrom('-eyJ', 'eyJ', '.', '-', '_', 'a', 'Z', '9', ' ', '=', 'secret=', 'password:', '"code":"', '?code=', 'Bearer ', '\t', '"', 'http://u:', '@', 'a.b+c');
  const hostile = fc.array(piece, { minLength: 64, maxLength: 64 }).map((pieces) => {
    const unit = pieces.join('');
    return unit.repeat(Math.ceil(KB100 / Math.max(1, unit.length))).slice(0, KB100);
  });

  it('redacts 100 KB of adversarial text, still removing a token and a known secret hidden in it', () => {
    fc.assert(
      fc.property(hostile, fc.nat(KB100), (noise, at) => {
        const text = `${noise.slice(0, at)} ${CANARY_JWT} ${CANARY} ${noise.slice(at)}`;
        const out = redact(text);
        expect(out).not.toContain('c2lnbmF0dXJlLWNhbmFyeS12YWx1ZQ');
        expect(out).not.toContain(CANARY);
      }),
      { numRuns: 25 },
    );
  });

  it('redacts "-eyJ" repeated to 100 KB (the input that took 5 s) and leaves it readable', () => {
    const text = '-eyJ'.repeat(KB100 / 4);
    expect(redact(text)).toBe(text);
    expect(redact(`${text} ${CANARY_JWT}`)).toBe(`${text} [redacted token]`);
  });

  it('cuts text past the limit without letting a secret or token that straddles the cut through', () => {
    const filler = 'x '.repeat(MAX_REDACT_CHARS / 2 - 10);
    for (const hidden of [CANARY, CANARY_JWT]) {
      const out = redact(`${filler}${hidden} tail`);
      expect(out.length).toBeLessThan(MAX_REDACT_CHARS + 100);
      expect(out).toMatch(/more characters not shown\]$/);
      expect(out).not.toContain(hidden.slice(0, 6));
    }
  });
});

describe('redaction of a JSON document (redactValue)', () => {
  const SECRET = 'JSN8Q~structuredCanary0123456789abcdef';
  registerSecret(SECRET);
  const roundTrips = (value: unknown) => JSON.parse(JSON.stringify(redactValue(value))) as unknown;

  it('keeps a Graph password credential valid JSON: secretText null stays null, the hint and dates stay', () => {
    const credential = { keyId: '0b1c2d3e-1111-2222-3333-444455556666', displayName: 'Octopus', hint: 'abc', secretText: null, endDateTime: '2027-05-01T00:00:00Z', customKeyIdentifier: null };
    expect(roundTrips({ value: [{ passwordCredentials: [credential] }] })).toEqual({ value: [{ passwordCredentials: [credential] }] });
  });

  it('keeps numbers, booleans and null where a credential name holds them, and redacts a number that may be a password', () => {
    expect(roundTrips({ password: 123456, secret: true, accessToken: false, refresh_token: null, count: 3, ratio: 1.5 })).toEqual({
      password: '[redacted]',
      secret: true,
      accessToken: false,
      refresh_token: null,
      count: 3,
      ratio: 1.5,
    });
  });

  it('redacts a credential string with quotes, backslashes, spaces and line breaks entirely, and keeps its neighbours', () => {
    const out = roundTrips({ outer: { client_secret: 'ab"c\\d e\nf', note: 'kept "as" is \\ here' }, list: [{ password: 'p@ss w"rd' }] });
    expect(out).toEqual({ outer: { client_secret: '[redacted]', note: 'kept "as" is \\ here' }, list: [{ password: '[redacted]' }] });
  });

  it('finds a known secret that JSON would escape, and a token inside a nested string', () => {
    const quoted = 'QTE8Q~with"quote\\and-backslash-0123456789';
    registerSecret(quoted);
    const out = JSON.stringify(redactValue({ a: { b: [`the value was ${quoted}`, `id ${CANARY_JWT} and ${SECRET}`] } }));
    expect(out).not.toContain('with\\"quote');
    expect(out).not.toContain('c2lnbmF0dXJl');
    expect(out).not.toContain('JSN8Q');
    expect(JSON.parse(out)).toEqual({ a: { b: ['the value was [redacted secret]', 'id [redacted token] and [redacted secret]'] } });
  });

  it('redacts a long opaque "code" (an authorization code) and keeps a Graph error code', () => {
    const authCode = `0.AX${'a1B2'.repeat(20)}`;
    expect(roundTrips({ code: authCode })).toEqual({ code: '[redacted]' });
    expect(roundTrips({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } })).toEqual({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } });
  });

  it('always returns a value that serializes to valid JSON, whatever the document holds', () => {
    const credentialKey = fc.constantFrom('secretText', 'password', 'client_secret', 'accessToken', 'code', 'note', 'code_verifier');
    const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant(SECRET));
    const doc = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(credentialKey, fc.string()), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(doc, (value) => {
        const text = JSON.stringify(redactValue(value));
        expect(() => JSON.parse(text)).not.toThrow();
        expect(text).not.toContain('JSN8Q');
      }),
      { numRuns: 300 },
    );
  });
});
