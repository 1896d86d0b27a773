import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../shared/clouds';
import { DiagnosisSchema, diagnose, summarize } from '../../../shared/aadsts';
import { COMPACT_ROWS } from '../../../shared/aadsts/catalog-compact';
import type { ProfileView } from '../../../shared/profile';
import { DiagnoseService } from '../../../electron/services/diagnose-service';
import { loadFixtures } from './fixtures';

const API = '22222222-2222-2222-2222-222222222222';
const SAML = '11111111-1111-1111-1111-111111111111';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function profile(over: Partial<Extract<ProfileView, { target: 'octopus' }>> = {}, secret: Partial<ProfileView['secret']> = {}): ProfileView {
  return {
    id: 'p1',
    name: 'Production',
    cloud: 'global',
    tenantId: TENANT,
    target: 'octopus',
    samlAppId: SAML,
    clientId: API,
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
    // No profile and no client named in the text: the steps speak of "the app", not of the Octopus setup.
    expect(f?.fix.join(' ')).toContain('Entra admin center > Identity > Applications > App registrations > the app > Authentication');
    expect(diagnose('AADSTS50011: mismatch', { profile: profile() }).findings[0]?.fix.join(' ')).toContain(`App registrations > the API app (${API}) > Authentication`);
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
      for (const ctx of [{}, { profile: profile() }, { profile: profile({ cloud: 'china', tenantId: 'common', clientId: 'x' }) }])
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
    expect(contextOf('AADSTS50011: mismatch', profile({ webUrl: 'https://octopus.contoso.com/octopus' })).join('\n')).toContain('has no trailing slash');
    // A root URL is answered with the slash added (Microsoft Learn, "Redirect URI (reply URL) outline and restrictions"): nothing to point out.
    expect(contextOf('AADSTS50011: mismatch', profile({ webUrl: 'https://octopus.contoso.com' })).join('\n')).not.toContain('has no trailing slash');
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
    expect(summarize(diagnose('nothing to see'))).toContain('no AADSTS');
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

  it('finds every AADSTS code written between any other text, invents none, and its summary carries exactly those codes', () => {
    const known = COMPACT_ROWS.map(([c]) => c).filter((c): c is number => typeof c === 'number');
    const code = fc.oneof(fc.constantFrom(...known), fc.integer({ min: 10_000, max: 9_999_999 }));
    // Any text that cannot spell a code of its own (no AADSTS, IDX or Graph error words in it), and
    // no markup: a code inside an HTML tag (<a title="AADSTS...">) is an attribute, not page text.
    const filler = fc.string({ maxLength: 80 }).filter((t) => !/adsts|idx|error|code|denied|_|[<>]/i.test(t));
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ code, before: filler, words: fc.constantFrom('Something failed.', 'The request is not valid', '') }), { maxLength: 4, selector: (e) => e.code }), filler, (errors, after) => {
        const text = [...errors.map((e) => `${e.before}\nAADSTS${e.code}: ${e.words}`), after].join('\n');
        const d = diagnose(text);
        const written = errors.map((e) => e.code).sort();
        expect(d.findings.map((f) => f.code).sort()).toEqual(written);
        const summary = summarize(d);
        if (written.length === 0) expect(summary).toContain('no AADSTS');
        for (const c of written) expect(summary).toContain(`AADSTS${c}`);
        // Pasted back, the summary gives the same codes: it neither loses nor adds one.
        expect(diagnose(summary).findings.map((f) => f.code).sort()).toEqual(written);
      }),
      { numRuns: 200 },
    );
  });

  it('for any text at all, the summary names every finding and only those', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (t) => {
        const d = diagnose(t);
        const summary = summarize(d);
        if (d.findings.length === 0) expect(summary).toContain('no AADSTS');
        else expect(summary).toContain(`${d.findings.length} error${d.findings.length === 1 ? '' : 's'} found`);
        for (const f of d.findings) expect(summary).toContain(f.title);
      }),
      { numRuns: 200 },
    );
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
      id: 'p', name: 'TTS', cloud: 'global' as const, target: 'the-things-stack' as const, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', clientId: '99999999-8888-7777-6666-555555555555',
      theThingsStack: { serverAddress: 'tts.contoso.com', providerId: 'entra' }, allowedDomains: ['contoso.com'], secretExpiresAt: null,
      secret: { present: false, storage: 'none' as const, hint: null, length: null, updatedAt: null }, createdAt: 'x', updatedAt: 'x',
    };
    const text = JSON.stringify(run('AADSTS50011: The redirect URI does not match', { profile }).findings);
    expect(text).not.toContain('its Octopus Web URL');
    expect(text).toContain('https://tts.contoso.com/oauth/login/entra/callback');
  });
});

/** Lines each client really prints around an error (written for these tests). */
const CLIENT_TEXTS = {
  'azure-cli': 'PS C:\\> az login --tenant contoso.onmicrosoft.com\nERROR: (pii). Status: Response_Status.Status_InteractionRequired, Error code: 0, Tag: 540940993',
  powershell: 'Connect-MgGraph : ClientSecretCredential authentication failed:',
  'msal-net public': 'Microsoft.Identity.Client.MsalServiceException: at Microsoft.Identity.Client.PublicClientApplication.AcquireTokenByUsernamePassword',
  'msal-net daemon': 'Microsoft.Identity.Client.MsalServiceException: at Microsoft.Identity.Client.ConfidentialClientApplication.AcquireTokenForClient',
  'msal-browser': 'InteractionRequiredAuthError: interaction_required: at @azure/msal-browser',
  'msal-apple': 'Error Domain=MSALErrorDomain Code=-50000 "(null)" UserInfo={MSALOAuthErrorKey=invalid_grant}',
  'msal-android': 'com.microsoft.identity.client.exception.MsalServiceException: invalid_grant',
  'msal-java': 'com.microsoft.aad.msal4j.MsalServiceException: at com.microsoft.aad.msal4j.ConfidentialClientApplication',
  'azure-identity': 'azure.identity._exceptions.ClientAuthenticationError: ClientSecretCredential.get_token failed',
} as const;

const SETUP_WORDS = /Octopus|API app|SAML-OpenID app|Web URL/;

describe('causes ranked for the client the text comes from', () => {
  it('detects each client from its own words', async () => {
    const { detectClient } = await import('../../../shared/aadsts/clients');
    expect(detectClient(CLIENT_TEXTS['azure-cli'])?.kind).toBe('azure-cli');
    expect(detectClient(CLIENT_TEXTS.powershell)?.kind).toBe('powershell');
    expect(detectClient(CLIENT_TEXTS['msal-net public'])).toMatchObject({ kind: 'msal-net', families: ['public-client'] });
    expect(detectClient(CLIENT_TEXTS['msal-net daemon'])).toMatchObject({ kind: 'msal-net', families: ['confidential'] });
    expect(detectClient(CLIENT_TEXTS['msal-browser'])?.kind).toBe('msal-browser');
    expect(detectClient(CLIENT_TEXTS['msal-apple'])?.kind).toBe('msal-apple');
    expect(detectClient(CLIENT_TEXTS['msal-android'])?.kind).toBe('msal-android');
    expect(detectClient(CLIENT_TEXTS['msal-java'])?.kind).toBe('msal-java');
    expect(detectClient(CLIENT_TEXTS['azure-identity'])?.kind).toBe('azure-identity');
    expect(detectClient('Octopus.Server: sign-in with Microsoft Entra ID failed')?.kind).toBe('octopus');
    expect(detectClient("Sorry, but we're having trouble signing you in.\nRequest Id: x")?.kind).toBe('browser-page');
    expect(detectClient('Sign-in error code: 50058\nFailure reason: x')?.kind).toBe('sign-in-log');
    expect(detectClient('AADSTS50011: The redirect URI does not match')).toBeNull();
  });

  it('never puts an Octopus cause first for a paste from another client, for any detailed code, with or without an Octopus profile', async () => {
    const { allCatalogRecords } = await import('../../../shared/aadsts/catalog');
    const detailed = allCatalogRecords().filter((r) => r.full && r.kind === 'aadsts');
    expect(detailed.length).toBeGreaterThan(60);
    for (const [client, prefix] of Object.entries(CLIENT_TEXTS))
      for (const ctx of [{}, { profile: profile() }])
        for (const r of detailed) {
          const [f] = diagnose(`${prefix}\nAADSTS${r.code}: failed.`, ctx).findings;
          expect(f?.causes.length, `${client} ${r.code}`).toBeGreaterThan(0);
          expect(f?.causes[0], `${client} ${r.code}`).not.toMatch(SETUP_WORDS);
        }
  });

  it('explains every detailed code, and orders its fix, without the Octopus setup first when the paste comes from another client', async () => {
    const { allCatalogRecords } = await import('../../../shared/aadsts/catalog');
    for (const r of allCatalogRecords().filter((x) => x.full)) {
      const code = r.kind === 'aadsts' ? `AADSTS${r.code}` : String(r.code);
      const [f] = diagnose(`${CLIENT_TEXTS['msal-net daemon']}\n${code}: failed.`, { profile: profile() }).findings;
      expect(f?.explanation, code).not.toMatch(/Octopus/);
      const firstLabelled = f?.fix.findIndex((x) => x.startsWith('If this is the Octopus sign-in: ')) ?? -1;
      // The Octopus-only steps come after every other step.
      if (firstLabelled >= 0) for (const step of f?.fix.slice(firstLabelled) ?? []) expect(step, code).toMatch(/^If this is the Octopus sign-in: /);
      for (const step of f?.fix ?? []) if (/Octopus/.test(step)) expect(step, code).toMatch(/^If this is the Octopus sign-in: /);
    }
    expect(diagnose('AADSTS7000222: expired', { profile: profile() }).findings[0]?.explanation).toContain('Octopus');
  });

  it('without a profile and without a client in the text, the generic causes come first too', async () => {
    const { allCatalogRecords } = await import('../../../shared/aadsts/catalog');
    for (const r of allCatalogRecords().filter((x) => x.full && x.kind === 'aadsts')) {
      const d = diagnose(`AADSTS${r.code}: failed.`);
      expect(d.findings[0]?.causes[0], String(r.code)).not.toMatch(SETUP_WORDS);
      expect(d.rankedFor).toContain('no profile is chosen');
    }
  });

  it('puts the Octopus setup first with an Octopus profile, or when the text comes from Octopus', () => {
    const fromProfile = diagnose('AADSTS53003: Access has been blocked by Conditional Access policies.', { profile: profile() });
    expect(fromProfile.findings[0]?.causes[0]).toContain('Octopus');
    expect(fromProfile.rankedFor).toBe('the Octopus setup of profile "Production"');
    const fromOctopus = diagnose('Octopus.Server sign-in failed: AADSTS7000218: The request body must contain client_secret.');
    expect(fromOctopus.client?.kind).toBe('octopus');
    expect(fromOctopus.findings[0]?.causes[0]).toContain('Octopus');
  });

  it('ranks "Allow public client flows" first for a console app’s AADSTS7000218, and keeps the Octopus cause, labelled, last', () => {
    const d = diagnose(`${CLIENT_TEXTS['msal-net public']}\nAADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`, { profile: profile() });
    expect(d.client?.kind).toBe('msal-net');
    const causes = d.findings[0]?.causes ?? [];
    expect(causes[0]).toContain('Allow public client flows');
    expect(causes.at(-1)).toMatch(/^If this is the Octopus sign-in: /);
  });

  it.each([
    ['msal-browser', 50011, 'Single-page application'],
    ['msal-android', 50011, 'Mobile and desktop applications'],
    ['azure-cli', 50020, 'az login --tenant'],
    ['powershell', 65001, 'an administrator runs the same command once'],
    ['msal-net daemon', 65001, 'application permissions always need admin consent'],
    ['msal-apple', 50076, 'interactive sign-in'],
    ['azure-cli', 53003, 'all resources'],
  ] as const)('a %s paste of AADSTS%i gets that client’s own cause first', (client, code, words) => {
    const [f] = diagnose(`${CLIENT_TEXTS[client]}\nAADSTS${code}: failed.`, { profile: profile() }).findings;
    expect(f?.causes[0]).toContain(words);
  });

  it('does not blame an Octopus policy for a Conditional Access block met by az login', () => {
    const d = diagnose(`${CLIENT_TEXTS['azure-cli']}\nAADSTS53003: Access has been blocked by Conditional Access policies.`);
    expect(d.rankedFor).toContain('Azure CLI');
    expect(d.findings[0]?.causes[0]).not.toMatch(/Octopus/);
  });
});

describe('codes met together', () => {
  it('says which code to act on: 50058 next to 50020 or 50076, 50199 next to 53003', () => {
    expect(diagnose('Sign-in error code: 50058\n\nSign-in error code: 50020').related).toEqual([expect.objectContaining({ codes: [50058, 50020], actOn: 50020 })]);
    expect(diagnose('AADSTS50076: MFA required. AADSTS50058: no session').related[0]).toMatchObject({ actOn: 50076 });
    const cmsi = diagnose('AADSTS50199: For security reasons, user confirmation is required.\nAADSTS53003: Access has been blocked by Conditional Access policies.');
    expect(cmsi.related[0]).toMatchObject({ codes: [50199, 53003], actOn: 53003 });
    expect(cmsi.related[0]?.note).toContain('not a failure');
  });
  it('adds no note for a code alone or for codes that do not go together', () => {
    expect(diagnose('AADSTS50058: no session').related).toEqual([]);
    expect(diagnose('AADSTS50011: x AADSTS7000215: y').related).toEqual([]);
  });
  it('puts the notes in the copied summary, after the findings', () => {
    const s = summarize(diagnose('AADSTS50058: no session\nAADSTS50020: guest'));
    expect(s).toContain('Codes found together: act on AADSTS50020 first.');
    expect(s.indexOf('Codes found together')).toBeGreaterThan(s.indexOf('2. AADSTS50020'));
  });
});
