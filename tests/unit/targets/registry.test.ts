/**
 * The target registry: every target plans every check (a probe kind or a reason), speaks in its
 * own words, and the probe kinds it names are ones electron/services/check can run.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../shared/check';
import { TARGETS, checkWords, entraValues, integrationTarget } from '../../../shared/targets/registry';
import { PROBE_KINDS } from '../../../shared/targets/target';
import { TARGET_IDS } from '../../../shared/targets/target-ids';
import { PROBES_BY_KIND, checkPlan, notApplicableIds } from '../../../electron/services/check/target-probes';

describe('target registry', () => {
  it('has one module for every target id, under its own id', () => {
    expect(Object.keys(TARGETS).sort()).toEqual([...TARGET_IDS].sort());
    for (const id of TARGET_IDS) expect(TARGETS[id].id).toBe(id);
  });

  it.each(TARGET_IDS)('%s plans every check: a probe kind electron can run, or the reason it does not apply', (id) => {
    for (const check of CHECK_IDS) {
      const c = TARGETS[id].checks[check];
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.proves.length).toBeGreaterThan(0);
      if (c.probe === undefined) expect(c.notApplicable).toMatch(/\w/);
      else expect(PROBE_KINDS).toContain(c.probe);
    }
    expect(Object.keys(PROBES_BY_KIND).sort()).toEqual([...PROBE_KINDS].sort());
  });

  it.each(TARGET_IDS.filter((id) => id !== 'octopus'))('%s never speaks of Octopus, its Web URL or its API app in its rows', (id) => {
    const words = CHECK_IDS.map((check) => `${checkWords({ target: id }, check).title} ${checkWords({ target: id }, check).proves} ${TARGETS[id].checks[check].notApplicable ?? ''}`).join(' ');
    expect(words).not.toMatch(/Octopus|Web URL|API app|SAML-OpenID/);
    expect(Object.values(TARGETS[id].nouns).join(' ')).not.toMatch(/Octopus|API app/);
  });

  it('only targets with a SAML app run the SAML-app check', () => {
    for (const id of TARGET_IDS) expect(TARGETS[id].checks['saml-app'].probe !== undefined).toBe(TARGETS[id].hasSamlApp);
  });

  it('a profile without a target is Octopus (records from before targets existed)', () => {
    expect(integrationTarget({}).id).toBe('octopus');
    expect(checkWords(undefined, 'sign-in').proves).toContain('Octopus Web URL');
  });

  it('the run plan takes the target’s words and leaves out what it does not use, with the reason', () => {
    const plan = checkPlan({ target: 'the-things-stack' });
    expect(notApplicableIds(plan)).toEqual(['saml-app', 'graph-me']);
    expect(plan.notApplicable['graph-me']).toContain('ID token');
    expect(plan.words['sign-in'].proves).toContain('The Things Stack');
    expect(notApplicableIds(checkPlan({ target: 'octopus' }))).toEqual([]);
  });

  it('derives the redirect URIs from the target’s own settings', () => {
    const common = { name: 'P', cloud: 'global' as const, tenantId: 't', clientId: 'c', allowedDomains: ['contoso.com'], secretExpiresAt: null };
    expect(entraValues({ ...common, target: 'the-things-stack', theThingsStack: { serverAddress: 'tts.contoso.com', providerId: 'entra' } }).redirectUris).toEqual([
      'https://tts.contoso.com/oauth/login/entra/callback',
    ]);
    const { allowedDomains: _d, ...noDomains } = common;
    expect(entraValues({ ...noDomains, target: 'authentik', authentik: { fqdn: 'ak.contoso.com', slug: 'entra', tenantMode: 'single', groupMemberRead: false } })).toMatchObject({
      clientId: 'c',
      samlAppId: null,
      redirectUris: ['https://ak.contoso.com/source/oauth/callback/entra/'],
    });
    expect(entraValues({ ...common, target: 'workspace-sso', workspaceSso: { baseDomain: 'ontrackio.com', workspaces: ['a', 'b'], externalCollaborators: [] } }).redirectUris).toEqual([
      'https://a.ontrackio.com/auth/callback',
      'https://b.ontrackio.com/auth/callback',
    ]);
    expect(entraValues({ ...common, target: 'octopus', samlAppId: 's', webUrl: 'https://octopus.contoso.com/' })).toEqual({
      clientId: 'c',
      samlAppId: 's',
      redirectUris: ['https://octopus.contoso.com/'],
      allowedDomains: ['contoso.com'],
    });
  });
});
