import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactValue, registerSecret } from '../../electron/services/redact';

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
