import { describe, expect, it } from 'vitest';
import { ExpiryService, createMetadataReader, mergeItems, type ExpiryTarget } from '../../../electron/services/expiry';
import { HttpRequestError } from '../../../electron/services/http';
import type { ExpiryItemInput } from '../../../shared/expiry';
import { DAY, SAML_APP, TENANT, TestClock, draft, fakeHttp, makeServices, metadataXml, signingCert } from './expiry-kit';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

const target: ExpiryTarget = {
  profileId: null,
  profileName: 'fields',
  cloud: 'global',
  tenantId: TENANT,
  samlAppId: SAML_APP,
  clientId: null,
  secretExpiresAt: null,
  secretHint: null,
  secretStored: false,
};

function serviceWith(respond: Parameters<typeof fakeHttp>[0], clock = new TestClock(NOW)) {
  const services = makeServices(clock);
  const http = fakeHttp(respond);
  const reader = createMetadataReader({ resolve: async () => ({ endpoints: { authorityHost: 'https://login.microsoftonline.com', graphHost: 'https://graph.microsoft.com' }, pinnedCas: [] }), clock, http });
  return { services, http, clock, expiry: new ExpiryService({ profiles: services.profiles, practice: null, clock, reader }) };
}

describe('federation metadata source', () => {
  it('lists both certificates during a rollover, the newest named, each with its own state', async () => {
    const old = await signingCert(at(-1000), at(25));
    const next = await signingCert(at(-1), at(1094));
    const { expiry, http } = serviceWith(() => ({ status: 200, body: metadataXml([old.base64Der, next.base64Der]) }));
    const r = await expiry.evaluateTarget(target, { thresholds: [60, 30, 14, 7, 1], warnDays: 60, criticalDays: 7 });
    expect(http.urls).toEqual([`https://login.microsoftonline.com/${TENANT}/federationmetadata/2007-06/federationmetadata.xml?appid=${SAML_APP}`]);
    expect(r.items).toHaveLength(2);
    expect(r.items[0]).toMatchObject({ kind: 'saml-signing-certificate', source: 'federation-metadata', newest: true, thumbprint: next.sha1Thumbprint, daysLeft: 1094, state: 'ok' });
    expect(r.items[0]?.label).toContain('(newest)');
    expect(r.items[1]).toMatchObject({ newest: false, thumbprint: old.sha1Thumbprint, daysLeft: 25, state: 'warning' });
    expect(r.worst).toBe('warning');
  });

  it('reads metadata that starts with a UTF-8 BOM (as Entra sends it)', async () => {
    const cert = await signingCert(at(-30), at(10));
    const xml = metadataXml([cert.base64Der]);
    expect(xml.charCodeAt(0)).toBe(0xfeff);
    const { expiry } = serviceWith(() => ({ status: 200, body: xml }));
    const r = await expiry.evaluateTarget(target, { thresholds: [60, 30, 14, 7, 1], warnDays: 60, criticalDays: 7 });
    expect(r.items).toEqual([expect.objectContaining({ daysLeft: 10, state: 'warning', newest: true })]);
  });

  it.each([
    ['malformed XML', '\uFEFF<?xml version="1.0"?><EntityDescriptor><KeyDescriptor use="signing"></EntityDescriptor>', /not well-formed XML/],
    ['an HTML page', '<html><body>Sign in</body>', /not well-formed XML|no EntityDescriptor/],
    ['not XML at all', '{"error":"nope"}', /is not XML/],
    ['no signing certificate', '\uFEFF<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><IDPSSODescriptor protocolSupportEnumeration="x"></IDPSSODescriptor></EntityDescriptor>', /no signing certificate/],
  ])('turns %s into one unknown item with a clear reason, never a crash', async (_label, body, reason) => {
    const { expiry } = serviceWith(() => ({ status: 200, body }));
    const r = await expiry.evaluateTarget(target, { thresholds: [60], warnDays: 60, criticalDays: 7 });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ kind: 'saml-signing-certificate', state: 'unknown', expiresAt: null, daysLeft: null });
    expect(r.items[0]?.message).toMatch(reason);
    expect(r.worst).toBe('unknown');
  });

  it('says what Entra answered when the metadata request fails, and what did not answer', async () => {
    const bad = serviceWith(() => ({ status: 400, body: JSON.stringify({ error: 'invalid_tenant', error_description: "AADSTS90002: Tenant 'x' not found.\r\nTrace ID: 1" }) }));
    const r1 = await bad.expiry.evaluateTarget(target, { thresholds: [60], warnDays: 60, criticalDays: 7 });
    expect(r1.items[0]?.message).toMatch(/answered HTTP 400: AADSTS90002: Tenant 'x' not found\./);
    const down = serviceWith(() => new HttpRequestError('connect', 'getaddrinfo ENOTFOUND login.microsoftonline.com', 'https://login.microsoftonline.com/', 'ENOTFOUND'));
    const r2 = await down.expiry.evaluateTarget(target, { thresholds: [60], warnDays: 60, criticalDays: 7 });
    expect(r2.items[0]).toMatchObject({ state: 'unknown' });
    // In words, not Node's error code.
    expect(r2.items[0]?.message).toMatch(/login\.microsoftonline\.com could not be found \(no DNS answer\)\. Check the network connection/);
    expect(r2.items[0]?.message).not.toContain('ENOTFOUND');
  });

  it('watches no SAML certificate for a target without a SAML application', async () => {
    const none = serviceWith(() => {
      throw new Error('the metadata must not be asked for');
    });
    const r = await none.expiry.evaluateTarget({ ...target, samlAppId: '' }, { thresholds: [60], warnDays: 60, criticalDays: 7 });
    expect(r.items.filter((i) => i.kind === 'saml-signing-certificate')).toEqual([]);
  });

  it('caches a good answer for hours and a failure for minutes; refresh skips the cache', async () => {
    const cert = await signingCert(at(-30), at(100));
    let fail = true;
    const { expiry, http, clock } = serviceWith(() => (fail ? { status: 503, body: '' } : { status: 200, body: metadataXml([cert.base64Der]) }));
    const policy = { thresholds: [60], warnDays: 60, criticalDays: 7 };
    await expiry.evaluateTarget(target, policy);
    await expiry.evaluateTarget(target, policy);
    expect(http.urls).toHaveLength(1);
    fail = false;
    clock.current = new Date(clock.current.getTime() + 3 * 60_000);
    expect((await expiry.evaluateTarget(target, policy)).worst).toBe('ok');
    expect(http.urls).toHaveLength(2);
    clock.current = new Date(clock.current.getTime() + 3_600_000);
    await expiry.evaluateTarget(target, policy);
    expect(http.urls).toHaveLength(2);
    await expiry.evaluateTarget(target, policy, { refresh: true });
    expect(http.urls).toHaveLength(3);
  });
});

describe('stored profiles', () => {
  it('reports the typed secret date and the certificates per profile, with its own policy', async () => {
    const cert = await signingCert(at(-30), at(200));
    const { services, expiry } = serviceWith(() => ({ status: 200, body: metadataXml([cert.base64Der]) }));
    const p = await services.profiles.save({ draft: draft({ secretExpiresAt: '2026-03-11' }), secret: { action: 'replace', value: 'Abc8Q~0123456789abcdefghijklmnopqrstuvwx' } });
    const status = await expiry.status({});
    expect(status.profiles).toHaveLength(1);
    const report = status.profiles[0];
    expect(report?.items.map((i) => [i.kind, i.source, i.state, i.daysLeft])).toEqual([
      ['client-secret', 'typed', 'warning', 10],
      ['saml-signing-certificate', 'federation-metadata', 'ok', 200],
    ]);
    expect(report?.items[0]?.label).toBe('Client secret Abc…');
    expect(report?.customPolicy).toBe(false);
    expect(status.worst).toBe('warning');

    const changed = await expiry.setPolicy(p.id, { thresholds: [7, 30, 30], warnDays: 30, criticalDays: 10 });
    expect(changed.policy.thresholds).toEqual([30, 7]);
    expect(changed.customPolicy).toBe(true);
    expect(changed.items[0]?.state).toBe('critical');
    expect((await expiry.setPolicy(p.id, null)).customPolicy).toBe(false);
  });

  it('asks for the secret date when a secret is stored without one, and leaves out a profile with no secret at all', async () => {
    const { services, expiry } = serviceWith(() => ({ status: 503, body: '' }));
    await services.profiles.save({ draft: draft(), secret: { action: 'replace', value: 'Abc8Q~0123456789abcdefghijklmnopqrstuvwx' } });
    await services.profiles.save({ draft: draft({ name: 'No secret' }), secret: { action: 'keep' } });
    const status = await expiry.status({});
    const [withSecret, without] = status.profiles;
    expect(withSecret?.items[0]).toMatchObject({ kind: 'client-secret', state: 'unknown' });
    expect(withSecret?.items[0]?.message).toMatch(/expiry date is not recorded/);
    expect(without?.items.map((i) => i.kind)).toEqual(['saml-signing-certificate']);
  });
});

describe('merging sources (the Graph extension point)', () => {
  it("drops the typed date of the secret Graph reports (same hint), keeps Graph's other credentials", () => {
    const typed: ExpiryItemInput = { kind: 'client-secret', source: 'typed', credentialId: 'secret:Abc:2026-03-11', label: 'Client secret Abc…', expiresAt: '2026-03-11T00:00:00.000Z', hint: 'Abc' };
    const graph: ExpiryItemInput = { ...typed, source: 'graph', credentialId: 'graph:1', expiresAt: '2026-03-12T08:00:00.000Z' };
    const other: ExpiryItemInput = { ...graph, credentialId: 'graph:2', hint: 'Xyz' };
    expect(mergeItems([typed, graph, other])).toEqual([graph, other]);
    expect(mergeItems([typed, other])).toEqual([typed, other]);
  });
});
