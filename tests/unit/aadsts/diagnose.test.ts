import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../shared/clouds';
import { DiagnosisSchema, diagnose, summarize } from '../../../shared/aadsts';
import type { ProfileView } from '../../../shared/profile';
import { DiagnoseService } from '../../../electron/services/diagnose-service';
import { loadFixtures } from './fixtures';

const API = '22222222-2222-2222-2222-222222222222';
const SAML = '11111111-1111-1111-1111-111111111111';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function profile(over: Partial<ProfileView> = {}, secret: Partial<ProfileView['secret']> = {}): ProfileView {
  return {
    id: 'p1',
    name: 'Production',
    cloud: 'global',
    tenantId: TENANT,
    samlAppId: SAML,
    apiAppId: API,
    webUrl: 'https://octopus.contoso.com/',
    allowedDomains: ['contoso.com'],
    secretExpiresAt: '2025-01-31',
    secret: { present: true, storage: 'encrypted', hint: 'Xy7', length: 40, updatedAt: null, ...secret },
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...over,
  };
}

const contextOf = (text: string, p?: ProfileView, today = '2025-03-01') => diagnose(text, p ? { profile: p, today } : { today }).findings[0]?.context ?? [];

describe('diagnose', () => {
  it('returns the issue’s JSON shape, valid against the schema', () => {
    const d = diagnose('AADSTS50011: The redirect URI does not match.\r\nTrace ID: 4457d068-2a03-42b2-97f2-d55325289d86');
    expect(DiagnosisSchema.parse(d)).toEqual(d);
    const f = d.findings[0];
    expect(f).toMatchObject({ code: 50011, name: 'InvalidReplyTo', known: true, detailed: true, traceId: '4457d068-2a03-42b2-97f2-d55325289d86', correlationId: null, timestamp: null });
    expect(f?.causes.length).toBeGreaterThan(0);
    expect(f?.fix.join(' ')).toContain('Entra admin center > Identity > Applications > App registrations > your API app > Authentication');
  });

  it('says honestly when a code is not in the catalog, with Microsoft’s lookup link', () => {
    const f = diagnose('AADSTS9999991: something new').findings[0];
    expect(f).toMatchObject({ code: 9999991, known: false, detailed: false });
    expect(f?.title).toContain('not in our catalog');
    expect(f?.explanation).toContain('not in our catalog');
    expect(f?.links.map((l) => l.url)).toContain('https://login.microsoftonline.com/error?code=9999991');
  });

  it('uses the profile’s cloud for the lookup page and the admin center', () => {
    const f = diagnose('AADSTS7000215: bad secret', { profile: profile({ cloud: 'usgov' }) }).findings[0];
    expect(f?.links.map((l) => l.url)).toContain('https://login.microsoftonline.us/error?code=7000215');
    expect(f?.links[0]?.url).toContain(`https://entra.microsoft.us/${TENANT}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/${API}`);
  });

  it('only ever links to allowed Microsoft hosts, for every fixture, with and without a profile', () => {
    for (const fx of loadFixtures())
      for (const ctx of [{}, { profile: profile() }, { profile: profile({ cloud: 'china', tenantId: 'common', apiAppId: 'x' }) }])
        for (const f of diagnose(fx.text, ctx).findings) for (const l of f.links) expect(isAllowedExternalUrl(l.url), `${fx.name} ${l.url}`).toBe(true);
  });

  it('fills placeholders from the profile and leaves none behind', () => {
    for (const fx of loadFixtures())
      for (const f of diagnose(fx.text, { profile: profile() }).findings) {
        const all = [f.explanation, ...f.causes, ...f.fix, ...f.context].join('\n');
        expect(all).not.toMatch(/\{(API app|SAML-OpenID app|tenant|Web URL|cloud)\}/);
      }
  });
});

describe('context notes from the profile', () => {
  it('50011: the exact redirect URI this profile sends, and a trailing-slash difference', () => {
    const notes = contextOf(`AADSTS50011: The redirect URI 'https://octopus.contoso.com' specified in the request does not match the redirect URIs configured for the application '${API}'.`, profile());
    expect(notes.join('\n')).toContain('This profile sends https://octopus.contoso.com/ as the redirect URI');
    expect(notes.join('\n')).toContain('differ only by the trailing slash');
    expect(notes.join('\n')).toContain(`this profile's API app (${API})`);
  });
  it('50011: a Web URL without trailing slash is pointed out', () => {
    expect(contextOf('AADSTS50011: mismatch', profile({ webUrl: 'https://octopus.contoso.com' })).join('\n')).toContain('has no trailing slash');
  });
  it('50011: a different host is called out', () => {
    expect(contextOf("AADSTS50011: The redirect URI 'https://octopus-old.contoso.com/' specified", profile()).join('\n')).toContain("but this profile's Web URL is https://octopus.contoso.com/");
  });
  it('7000215: a hex hint of a 36-character secret is a Secret ID', () => {
    expect(contextOf('AADSTS7000215: Invalid client secret provided.', profile({}, { hint: 'a1b', length: 36 })).join('\n')).toContain('exact shape of a Secret ID');
  });
  it('7000215: a hex hint of a longer secret may be either', () => {
    expect(contextOf('AADSTS7000215: x', profile({}, { hint: '9f0', length: 40 })).join('\n')).toContain('three hex digits, as every Secret ID does');
  });
  it('7000215: a non-hex hint cannot be a Secret ID', () => {
    expect(contextOf('AADSTS7000215: x', profile({}, { hint: 'Xy7', length: 40 })).join('\n')).toContain('cannot begin a Secret ID');
  });
  it('7000215: no stored secret is said', () => {
    expect(contextOf('AADSTS7000215: x', profile({}, { present: false, hint: null, length: null })).join('\n')).toContain('no stored secret');
  });
  it('7000222: the recorded expiry date, past or future', () => {
    expect(contextOf('AADSTS7000222: expired', profile()).join('\n')).toContain('2025-01-31, 29 day(s) ago');
    expect(contextOf('AADSTS7000222: expired', profile({ secretExpiresAt: '2026-01-31' })).join('\n')).toContain('still 336 day(s) ahead');
    expect(contextOf('AADSTS7000222: expired', profile({ secretExpiresAt: null })).join('\n')).toContain('no expiry date recorded');
  });
  it('700016: which of the two apps the text names, or neither', () => {
    expect(contextOf(`AADSTS700016: Application with identifier '${SAML}' was not found in the directory 'Contoso'.`, profile()).join('\n')).toContain(`this profile's SAML-OpenID app (${SAML})`);
    expect(contextOf("AADSTS700016: Application with identifier '33333333-3333-3333-3333-333333333333' was not found", profile()).join('\n')).toContain("neither of this profile's apps");
  });
  it('90002: the tenant', () => {
    expect(contextOf("AADSTS90002: Tenant 'fabrikam.com' not found.", profile()).join('\n')).toContain(`but this profile's tenant is ${TENANT}`);
  });
  it('50194: tenant common is the culprit', () => {
    expect(contextOf('AADSTS50194: not multi-tenant', profile({ tenantId: 'common' })).join('\n')).toContain('This profile\'s tenant is "common"');
  });
  it('no profile, no notes', () => {
    expect(contextOf('AADSTS50011: x')).toEqual([]);
  });
});

describe('summarize', () => {
  it('says when nothing was found', () => {
    expect(summarize({ findings: [] })).toContain('no AADSTS');
  });

  it('round-trips: pasting the summary finds the same codes with the same IDs', () => {
    for (const fx of loadFixtures()) {
      const d = diagnose(fx.text, { profile: profile() });
      const again = diagnose(summarize(d));
      const pick = (x: typeof d) => x.findings.map((f) => ({ code: f.code, traceId: f.traceId, correlationId: f.correlationId, timestamp: f.timestamp }));
      expect(pick(again), fx.name).toEqual(pick(d));
    }
  });

  it('puts IDs, numbered fix steps and links in plain text', () => {
    const s = summarize(diagnose(loadFixtures().find((f) => f.name === 'token-invalid-client.json')?.text ?? ''));
    expect(s).toContain('Trace ID: 0d4c3a1e-7a3b-4c8e-9e0f-1b2c3d4e5f60');
    expect(s).toMatch(/\n {3}1\. Open Entra admin center/);
    expect(s).toContain('https://login.microsoftonline.com/error?code=7000215');
  });

  it('never throws for any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (t) => typeof summarize(diagnose(t)) === 'string'), { numRuns: 200 });
  });
});

describe('DiagnoseService', () => {
  const svc = new DiagnoseService({ getProfile: (id) => (id === 'p1' ? profile() : undefined), clock: { now: () => new Date('2025-03-01T12:00:00Z') } });

  it('tailors to the profile by id and uses the clock for today', () => {
    const d = svc.diagnoseText({ text: 'AADSTS7000222: expired', profileId: 'p1' });
    expect(d.findings[0]?.context.join('\n')).toContain('29 day(s) ago');
  });
  it('refuses an unknown profile id with not-found', () => {
    expect(() => svc.diagnoseText({ text: 'AADSTS50011', profileId: 'gone' })).toThrowError(expect.objectContaining({ code: 'not-found' }) as Error);
  });
  it('redacts secrets in the quoted error text', () => {
    const d = svc.diagnoseText({ text: 'AADSTS7000215: sent client_secret=Abc8Q~SuperSecretValue123 to the token endpoint' });
    expect(d.findings[0]?.message).not.toContain('SuperSecretValue');
  });
  it('searches the catalog', () => {
    const r = svc.searchCatalog({ query: 'redirect' });
    expect(r.entries.length).toBeGreaterThan(0);
    expect(r.size.full).toBeGreaterThanOrEqual(60);
  });
});

describe('placeholders without a profile', () => {
  it('never says "the Octopus Web URL (the Octopus Web URL)" or leaves a {placeholder}', async () => {
    const { allCatalogRecords } = await import('../../../shared/aadsts/catalog');
    const { diagnose: run } = await import('../../../shared/aadsts');
    for (const record of allCatalogRecords()) {
      const findings = run(`${record.kind === 'aadsts' ? 'AADSTS' : ''}${record.code}: x`).findings;
      if (record.kind === 'aadsts') expect(findings.length, String(record.code)).toBeGreaterThan(0);
      const text = JSON.stringify(findings);
      expect(text, String(record.code)).not.toContain('(the Octopus Web URL)');
      expect(text, String(record.code)).not.toMatch(/\{(API app|SAML-OpenID app|tenant|Web URL|cloud)\}/);
    }
  });
});

describe('redirect notes for other targets', () => {
  it('do not call a The Things Stack redirect URI "its Octopus Web URL"', async () => {
    const { diagnose: run } = await import('../../../shared/aadsts');
    const profile = {
      id: 'p', name: 'TTS', cloud: 'global' as const, target: 'the-things-stack' as const, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', samlAppId: '', apiAppId: '99999999-8888-7777-6666-555555555555',
      webUrl: 'https://tts.contoso.com/oauth/login/entra/callback', allowedDomains: ['contoso.com'], secretExpiresAt: null,
      secret: { present: false, storage: 'none' as const, hint: null, length: null, updatedAt: null }, createdAt: 'x', updatedAt: 'x',
    };
    const text = JSON.stringify(run('AADSTS50011: The redirect URI does not match', { profile }).findings);
    expect(text).not.toContain('its Octopus Web URL');
    expect(text).toContain('https://tts.contoso.com/oauth/login/entra/callback');
  });
});
