import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, JsonPatchError } from '../../../electron/simulator/json-patch';
import { isDateSpec, resolveDateSpec } from '../../../electron/simulator/scenario-schema';
import { BUILT_IN_SCENARIO_NAMES, builtInScenario, loadScenario, parseScenario, ScenarioError } from '../../../electron/simulator/scenarios';
import { compileFaults, faultMatcher, parseFailSpec } from '../../../electron/simulator/faults';

const now = new Date('2026-06-15T10:00:00Z');

describe('built-in scenarios', () => {
  it.each(BUILT_IN_SCENARIO_NAMES)('%s is valid and names its profile apps', (name) => {
    const s = builtInScenario(name, now);
    expect(s.name).toBe(name);
    // The guide's form, https://ENV.octopus-itsm.com/octopus/; one scenario serves Octopus at the root.
    expect(s.profile.webUrl).toBe(name === 'redirect-root-without-slash' ? 'https://octopus.contoso.com/' : 'https://octopus.contoso.com/octopus/');
    expect(s.users.some((u) => u.userPrincipalName === s.signInUser)).toBe(true);
  });

  it('each fault scenario differs from healthy in the one thing it is named for', () => {
    const api = (n: (typeof BUILT_IN_SCENARIO_NAMES)[number]) => builtInScenario(n, now).applications.find((a) => a.displayName === 'Octopus - API');
    expect(api('unknown-app')).toBeUndefined();
    expect(api('redirect-no-trailing-slash')?.web.redirectUris).toEqual(['https://octopus.contoso.com/octopus']);
    expect(Date.parse(api('secret-expired')?.passwordCredentials[0]?.endDateTime ?? '')).toBeLessThan(now.getTime());
    expect(api('no-app-id-uri')?.identifierUris).toEqual([]);
    expect(api('public-client-off')?.isFallbackPublicClient).toBe(false);
    expect(builtInScenario('mfa-required', now).policies.mfaRequired).toBe(true);
    expect(builtInScenario('user-without-mail', now).users[0]?.mail).toBeNull();
    const apiSp = builtInScenario('healthy', now).servicePrincipals.find((sp) => sp.displayName === 'Octopus - API')?.id;
    expect(builtInScenario('healthy', now).oauth2PermissionGrants.some((g) => g.clientId === apiSp)).toBe(true);
    expect(builtInScenario('consent-missing', now).oauth2PermissionGrants.some((g) => g.clientId === apiSp)).toBe(false);
    expect(builtInScenario('user-not-assigned', now).appRoleAssignments).toHaveLength(0);
    expect(builtInScenario('app-disabled', now).servicePrincipals[1]?.accountEnabled).toBe(false);
    expect(builtInScenario('saml-cert-rollover', now).applications[0]?.samlSigningCertificates).toHaveLength(2);
  });

  it('resolves relative dates against the clock, so saml-cert-expiring always expires in 10 days', () => {
    const cert = builtInScenario('saml-cert-expiring', now).applications[0]?.samlSigningCertificates[0];
    expect(cert?.notAfter).toBe('2026-06-25T10:00:00.000Z');
  });

  it('includes Microsoft Graph and the Graph Command Line Tools public client', () => {
    const s = builtInScenario('healthy', now);
    expect(s.servicePrincipals.map((sp) => sp.appId)).toEqual(expect.arrayContaining(['00000003-0000-0000-c000-000000000000', '14d82eec-204b-4c2f-b7e8-296a70dab67e']));
    const cli = s.applications.find((a) => a.appId === '14d82eec-204b-4c2f-b7e8-296a70dab67e');
    expect(cli?.publicClient.redirectUris).toContain('http://localhost');
    expect(cli?.isFallbackPublicClient).toBe(true);
  });
});

describe('scenario files', () => {
  it('loads a user file that patches a built-in scenario', async () => {
    const s = await loadScenario(path.resolve(__dirname, '../../fixtures/simulator/custom-scenario.json'), now);
    expect(s.name).toBe('custom-two-secrets');
    expect(s.applications[1]?.passwordCredentials).toHaveLength(2);
    expect(s.policies.mfaRequired).toBe(true);
  });

  it('refuses a bad field with its path', () => {
    const doc = { ...builtInScenario('healthy', now), name: 'x' } as Record<string, unknown>;
    const apps = structuredClone(doc.applications) as { web: { redirectUris: string[] } }[];
    (apps[1] as { web: { redirectUris: string[] } }).web.redirectUris = ['not a url'];
    expect(() => parseScenario({ ...doc, applications: apps }, 'mine.json', now)).toThrow('mine.json: applications[1].web.redirectUris[0]: Invalid url');
  });

  it('refuses a grant that points at no service principal, and an unknown field', () => {
    const healthy = builtInScenario('healthy', now);
    const grants = structuredClone(healthy.oauth2PermissionGrants);
    (grants[0] as { clientId: string }).clientId = '00000000-0000-4000-8000-000000000000';
    expect(() => parseScenario({ ...healthy, oauth2PermissionGrants: grants }, 'g.json', now)).toThrow('g.json: oauth2PermissionGrants[0].clientId: No service principal has this object id');
    expect(() => parseScenario({ ...healthy, tenantz: [] }, 'u.json', now)).toThrow(ScenarioError);
  });

  it('gives a file based on healthy its own title and targets, not healthy\'s (Octopus only unless it says more)', () => {
    const s = parseScenario({ name: 'mine', description: 'd', base: 'healthy', patch: [] }, 'mine.json', now);
    expect(s.title).toBeUndefined();
    expect(s.targets).toEqual(['octopus']);
    expect(parseScenario({ name: 'mine', title: 'Mine', description: 'd', targets: ['authentik'], base: 'healthy' }, 'mine.json', now)).toMatchObject({ title: 'Mine', targets: ['authentik'] });
  });

  it('refuses a target without its app registration', () => {
    expect(() => parseScenario({ ...builtInScenario('healthy', now), targetProfiles: {} }, 't.json', now)).toThrow(/targets: "the-things-stack" needs its app registration under targetProfiles/);
  });

  it('reports a patch whose test op no longer matches the base', () => {
    expect(() => parseScenario({ name: 'p', description: 'd', base: 'healthy', patch: [{ op: 'test', path: '/applications/0/displayName', value: 'Other' }] }, 'p.json', now)).toThrow(/p\.json: patch\[0\]: test failed/);
    expect(() => parseScenario({ name: 'p', description: 'd', base: 'nope' }, 'p.json', now)).toThrow(/base: "nope" is not a built-in scenario/);
  });

  it('refuses a name that is neither built in nor a .json path', async () => {
    await expect(loadScenario('healthy-ish', now)).rejects.toThrow(ScenarioError);
  });
});

describe('json patch', () => {
  it('adds, replaces, removes and tests with JSON Pointer escapes', () => {
    const out = applyJsonPatch({ a: [1, 2], 'b/c': { '~d': 1 } }, [
      { op: 'add', path: '/a/-', value: 3 },
      { op: 'replace', path: '/b~1c/~0d', value: 2 },
      { op: 'remove', path: '/a/0' },
      { op: 'test', path: '/a', value: [2, 3] },
    ]);
    expect(out).toEqual({ a: [2, 3], 'b/c': { '~d': 2 } });
  });

  it('names the failing operation', () => {
    try {
      applyJsonPatch({ a: [] }, [{ op: 'add', path: '/a/-', value: 1 }, { op: 'remove', path: '/a/5' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonPatchError);
      expect((e as JsonPatchError).index).toBe(1);
    }
  });
});

describe('dates and faults', () => {
  it('accepts ISO and relative date specs and resolves them', () => {
    for (const ok of ['now', '+365d', '-3d', '+12h', '2027-05-31', '2027-05-31T00:00:00Z']) expect(isDateSpec(ok)).toBe(true);
    for (const bad of ['365d', 'tomorrow', '2027-13-45', '+3w']) expect(isDateSpec(bad)).toBe(false);
    expect(resolveDateSpec('-1d', now).toISOString()).toBe('2026-06-14T10:00:00.000Z');
    expect(resolveDateSpec('2027-05-31', now).toISOString()).toBe('2027-05-31T00:00:00.000Z');
  });

  it('matches fault paths by name and by glob', () => {
    expect(faultMatcher('token')('/contoso.com/oauth2/v2.0/token')).toBe(true);
    expect(faultMatcher('token')('/contoso.com/oauth2/v2.0/authorize')).toBe(false);
    expect(faultMatcher('/v1.0/**')('/v1.0/servicePrincipals/x/appRoleAssignedTo')).toBe(true);
    expect(faultMatcher('/*/discovery/v2.0/keys')('/common/discovery/v2.0/keys')).toBe(true);
    expect(parseFailSpec('/v1.0/me:503')).toEqual({ path: '/v1.0/me', status: 503 });
    expect(typeof parseFailSpec('token:abc')).toBe('string');
    const f = compileFaults({ latencyMs: 10, fail: [{ path: 'token', status: 500 }] }, { latencyMs: 50, stall: ['keys'] });
    expect(f.latencyMs).toBe(50);
    expect(f.failFor('/x/oauth2/v2.0/token')).toBe(500);
    expect(f.stalls('/x/discovery/v2.0/keys')).toBe(true);
  });
});
