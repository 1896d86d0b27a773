/**
 * The Things Stack target against the practice tenant: the probes it swaps in (secret without an
 * exposed API, sign-in that requires the ID token's email claim) and the ones it does not use.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckId, type CheckResult } from '../../../shared/check';
import { ttsRedirectUri } from '../../../shared/targets/the-things-stack';
import { requireEmailClaim } from '../../../electron/services/check/target-probes';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator';
import { dataDir, runCheck } from './check-kit';

const TTS = { serverAddress: 'tts.contoso.com', providerId: 'microsoft-entra' };
const REDIRECT = ttsRedirectUri(TTS);
const API_APP = '/applications/1';

/** healthy, with the TTS redirect URI registered on the app (and optionally without the email claim). */
function ttsScenario(withEmailClaim: boolean): Record<string, unknown> {
  return {
    name: withEmailClaim ? 'tts-healthy' : 'tts-email-claim-missing',
    description: 'The Things Stack as OIDC provider',
    base: 'healthy',
    patch: [
      { op: 'add', path: `${API_APP}/web/redirectUris/-`, value: REDIRECT },
      // With the email scope Entra puts email in a v2.0 ID token whenever the user has one
      // (optional-claims reference), so only a user without an email address leaves it out.
      ...(withEmailClaim ? [] : [{ op: 'replace', path: `${API_APP}/optionalClaims/idToken`, value: [] }, { op: 'replace', path: '/users/0/mail', value: null }]),
    ],
  };
}

const sims: RunningSimulator[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

async function runTts(scenario: Record<string, unknown> | string): Promise<Record<CheckId, CheckResult>> {
  const sim = await startSimulator({ scenario, dataDir });
  sims.push(sim);
  return runCheck(sim, { target: { id: 'the-things-stack', settings: { theThingsStack: TTS } } });
}

describe('The Things Stack checks against the practice tenant', () => {
  it('passes with the redirect URI registered and the email claim configured; SAML and Graph are not used', async () => {
    const r = await runTts(ttsScenario(true));
    expect(r.tenant.status).toBe('passed');
    expect(r['api-app'].status).toBe('passed');
    expect(r.secret).toMatchObject({ status: 'passed', summary: 'The secret works.' });
    expect(r['sign-in'].status).toBe('passed');
    expect(r['sign-in'].summary).toMatch(/carries the email claim \(.+@.+\)/);
    expect(r['sign-in'].tested).toContain(REDIRECT);
    expect(r['saml-app']).toMatchObject({ status: 'skipped', summary: 'Not used by The Things Stack: it has no SAML app.' });
    expect(r['graph-me']).toMatchObject({ status: 'skipped', summary: expect.stringContaining('reads the user’s email from the ID token') });
  });

  it('fails the sign-in when the ID token has no email claim, and says how to add it', async () => {
    const r = await runTts(ttsScenario(false));
    expect(r['sign-in'].status).toBe('failed');
    expect(r['sign-in'].summary).toContain('no email claim');
    expect(r['sign-in'].fix.join(' ')).toContain('Token configuration > Add optional claim > ID > email');
  });

  it('fails the sign-in with AADSTS50011 when the TTS redirect URI is not registered', async () => {
    const r = await runTts('healthy');
    expect(r['sign-in'].status).toBe('failed');
    expect(r['sign-in'].summary).toContain('AADSTS50011');
  });
});

describe('requireEmailClaim', () => {
  it('leaves failures alone and fails a sign-in without an email', () => {
    const failed = { status: 'failed' as const, summary: 'x', tested: 't' };
    expect(requireEmailClaim(failed, 'The Things Stack')).toBe(failed);
    expect(requireEmailClaim({ status: 'warning', summary: 'ok', tested: 't', facts: [{ label: 'Email claim', value: 'not in the token' }] }, 'The Things Stack').status).toBe('failed');
  });
});

describe('check --profile for a The Things Stack profile (CLI)', () => {
  it('uses the target’s probes and leaves out the ones it does not use, like the app (it failed the SAML check before)', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { testAppServices } = await import('../../helpers/app-services');
    const { runCliInProcess } = await import('../../helpers/run-cli');
    const { EMPTY_DRAFT } = await import('../../../shared/profile');
    const sim = await startSimulator({ scenario: ttsScenario(true), dataDir });
    sims.push(sim);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-tts-cli-'));
    const app = testAppServices(dir);
    await app.profiles.save({
      draft: {
        ...EMPTY_DRAFT,
        name: 'TTS',
        target: 'the-things-stack',
        theThingsStack: { serverAddress: 'tts.contoso.com', providerId: 'microsoft-entra' },
        tenantId: sim.profile.tenantId,
        clientId: sim.profile.apiAppId,
        allowedDomains: 'contoso.com',
      },
      secret: { action: 'keep' },
    });
    const run = await runCliInProcess(
      ['check', '--profile', 'TTS', '--data-dir', dir, '--authority-host', sim.authorityHost, '--ca-file', sim.caCertPath, '--secret-env', 'S', '--sign-in', 'robot', '--json'],
      { env: { S: sim.profile.secret } },
    );
    const doc = JSON.parse(run.stdout) as { results: { id: string; status: string; summary: string }[] };
    const byId = Object.fromEntries(doc.results.map((r) => [r.id, r]));
    expect(byId['saml-app']).toMatchObject({ status: 'skipped', summary: expect.stringContaining('Not used by The Things Stack') });
    expect(byId['graph-me']?.status).toBe('skipped');
    expect(byId['sign-in']?.summary).toContain('email claim');
    expect(run.code).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
