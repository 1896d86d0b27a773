import { describe, expect, it } from 'vitest';
import { keepUnchanged, unverifiedResult, type CheckRun } from '../../shared/check';
import { fixLinks, fixValues } from '../../shared/check-fix';

function run(statuses: Partial<Record<string, 'running' | 'passed'>>): CheckRun {
  const ids = ['tenant', 'saml-app', 'api-app', 'secret', 'sign-in', 'graph-me'] as const;
  return {
    profileId: 'p',
    profileName: 'P',
    fingerprint: 'f',
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: null,
    outcome: null,
    results: ids.map((id) => ({ ...unverifiedResult(id), ...(statuses[id] ? { status: statuses[id] } : {}) })),
  };
}

describe('check progress', () => {
  it('keeps every unchanged result as the same object, so only the row whose probe moved re-renders', () => {
    const before = run({ tenant: 'running' });
    const after = keepUnchanged(before, run({ tenant: 'passed', 'saml-app': 'running' }));
    expect(after?.results[0]).not.toBe(before.results[0]);
    expect(after?.results[1]).not.toBe(before.results[1]);
    for (const i of [2, 3, 4, 5]) expect(after?.results[i]).toBe(before.results[i]);
  });
});

describe('check fixes', () => {
  it('offers the URLs and api:// URIs a fix asks to enter, once each, without trailing punctuation', () => {
    expect(
      fixValues([
        'Authentication > Web > Redirect URIs: add exactly https://octopus.contoso.com/ (Entra compares byte for byte).',
        'Expose an API: set api://11111111-2222-3333-4444-555555555555.',
        'Again https://octopus.contoso.com/.',
      ]),
    ).toEqual(['https://octopus.contoso.com/', 'api://11111111-2222-3333-4444-555555555555']);
  });

  it('links a failed row to the blade of its own app, and a user without email to Users; none for the practice tenant', () => {
    const profile = { name: 'P', target: 'octopus' as const, cloud: 'global' as const, tenantId: 'contoso.com', samlAppId: '11111111-2222-3333-4444-555555555555', clientId: '99999999-8888-7777-6666-555555555555', webUrl: 'https://octopus.contoso.com/', allowedDomains: [], secretExpiresAt: null };
    const signIn = { ...unverifiedResult('sign-in'), status: 'failed' as const, summary: 'Entra refused the sign-in: AADSTS50011' };
    expect(fixLinks(signIn, profile)[0]?.url).toBe(
      'https://entra.microsoft.com/contoso.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/99999999-8888-7777-6666-555555555555',
    );
    const noEmail = { ...unverifiedResult('graph-me'), status: 'failed' as const, summary: 'adele@contoso.com has no email address in Entra, and Octopus matches users by email.' };
    expect(fixLinks(noEmail, profile)[0]?.label).toBe('Users');
    expect(fixLinks(signIn, { ...profile, cloud: 'practice' })).toEqual([]);
  });
});
