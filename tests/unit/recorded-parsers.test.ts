/**
 * The probes' and the audit's parsers run on responses recorded from real Entra and Microsoft Graph
 * (tests/fixtures/recorded), not only on what the practice tenant answers.
 */
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { recorded, recordedResponse } from '../fixtures/recorded/recorded';
import { certificateThumbprint } from '../../electron/services/audit/rules';
import { collectionSchema } from '../../electron/services/audit/graph-schemas';
import { errorRefFromBody, parseEntraError, parseGraphError } from '../../electron/services/check/entra-response';
import { retryAfterMs } from '../../electron/services/check/graph-request';
import { DiscoverySchema } from '../../electron/services/check/probe-context';
import { pageOutcome, redirectParams } from '../../electron/services/check/sign-in-driver';
import { consentPageKind, errorFromPageText, signInFixesFor } from '../../electron/services/check/sign-in-probe';
import { judgeM2mToken } from '../../shared/targets/authentik';

describe('Entra token-endpoint errors', () => {
  it.each([
    ['token-error-7000215-invalid-secret', 7000215, 'b179b7db-c957-4917-a1b6-66fab2042a00'],
    ['token-error-700016-app-not-found', 700016, '747b9c67-fc8b-41d5-960a-a0816ac3c900'],
  ])('%s: code, trace and correlation IDs, message without the trailer', (name, code, traceId) => {
    const body = parseEntraError(JSON.stringify(recordedResponse(name).body));
    expect(body).not.toBeNull();
    const ref = errorRefFromBody(body ?? { error: '' });
    expect(ref).toMatchObject({ code, traceId });
    expect(ref.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ref.message).toMatch(new RegExp(`^AADSTS${code}: `));
    expect(ref.message).not.toContain('\r\nTrace ID');
  });

  it('reads AADSTS65001 and its IDs from the description a code redemption carried', () => {
    const ref = errorFromPageText(recorded('token-error-65001-consent-required').params?.error_description ?? '');
    expect(ref).toMatchObject({ code: 65001, traceId: '4a246de5-9dc9-4a96-9458-a17c894776cd', correlationId: 'a8e10a23-9aa7-40b3-89ad-4f2272742356' });
  });
});

describe('answers at the redirect URI', () => {
  it('a cancelled consent prompt (consent_required, AADSTS65004) is read as such and gets the admin-consent fix', () => {
    const params = redirectParams(recorded('authorize-redirect-65004-consent-declined').redirect ?? '');
    expect(params.error).toBe('consent_required');
    expect(errorFromPageText(params.error_description ?? '')?.code).toBe(65004);
    expect(signInFixesFor(65004, 'web').join(' ')).toContain('Grant admin consent');
  });

  it('AADSTS50194 (a single-tenant app through /common) is read from the answer', () => {
    const p = recorded('authorize-error-50194-single-tenant-common').params ?? {};
    expect(p.error).toBe('invalid_request');
    expect(errorFromPageText(p.error_description ?? '')?.code).toBe(50194);
    expect(signInFixesFor(50194, 'web').join(' ')).toContain('Directory (tenant) ID');
  });

  it('"Need admin approval" (AADSTS90094) is recognised, and explained', () => {
    const page = recorded('error-page-90094-admin-consent').page;
    expect(consentPageKind(`AADSTS${page?.code}: ${page?.message}`)).toBe(90094);
    expect(signInFixesFor(90094, 'web').join(' ')).toContain('Grant admin consent');
  });
});

describe("Entra's error page $Config", () => {
  it('uses the field names public tools read from real pages', () => {
    const fields = recorded('error-page-config-fields').configFields ?? {};
    const config = Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, t === 'number' ? 500011 : k === 'sErrorCode' ? '500011' : k === 'strServiceExceptionMessage' ? 'AADSTS500011: The resource principal was not found.' : 'x']));
    const outcome = pageOutcome({ text: '', config: { ...config, correlationId: '6b3474d8-233e-463f-b0a3-86433d8ba889' } }, false);
    expect(outcome?.kind === 'error-page' && errorFromPageText(outcome.text)).toMatchObject({ code: 500011, correlationId: '6b3474d8-233e-463f-b0a3-86433d8ba889' });
  });
});

describe('Microsoft Graph', () => {
  it('a throttled answer: TooManyRequests, its request id, and the Retry-After to wait', () => {
    const res = recordedResponse('graph-throttled-429');
    expect(parseGraphError(JSON.stringify(res.body))).toMatchObject({ code: 'TooManyRequests', traceId: '94fb3b52-452a-4535-a601-69e0a90e3aa2' });
    expect(retryAfterMs(res.headers['retry-after'], 0)).toBe(10_000);
  });

  it('a page with @odata.nextLink parses as a collection page', () => {
    const body = recordedResponse('graph-paging-next-link').body as Record<string, unknown>;
    // Microsoft's example elides the page's items; an empty page is valid ("a page of results may contain zero or more results").
    expect(collectionSchema(DiscoverySchema.pick({ issuer: true })).parse({ value: [], ...body })['@odata.nextLink']).toContain('$skiptoken=');
  });

  it('a SAML signing key identifier is the base64 of the thumbprint', () => {
    const cert = recordedResponse('graph-add-token-signing-certificate').body as { customKeyIdentifier: string; thumbprint: string };
    expect(certificateThumbprint(cert.customKeyIdentifier)).toBe(cert.thumbprint);
    expect(certificateThumbprint(cert.thumbprint)).toBe(cert.thumbprint);
  });
});

describe('discovery, keys and tokens', () => {
  it('the recorded v2.0 discovery document passes the probes’ schema', () => {
    expect(DiscoverySchema.parse(recordedResponse('discovery-v2-common').body).issuer).toBe('https://login.microsoftonline.com/{tenantid}/v2.0');
  });

  it('the recorded key set with several keys loads', () => {
    const jwks = recordedResponse('jwks-common-several-keys').body as JSONWebKeySet;
    expect(jwks.keys.length).toBeGreaterThan(1);
    expect(() => createLocalJWKSet(jwks)).not.toThrow();
  });

  it('authentik’s token check reads the recorded v1.0 and v2.0 tokens', () => {
    const v1 = recorded('access-token-v1').token?.payload ?? {};
    const v2 = recorded('access-token-v2').token?.payload ?? {};
    expect(judgeM2mToken({ aud: `api://${String(v1.aud)}`, ver: String(v1.ver) }, String(v1.aud)).status).toBe('warning');
    expect(judgeM2mToken({ aud: String(v2.aud), ver: String(v2.ver) }, String(v2.aud)).status).toBe('passed');
  });
});
