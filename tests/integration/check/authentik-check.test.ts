/**
 * The authentik target against the practice tenant: the machine-to-machine probe it swaps in for the
 * secret (api://<client>/.default, audience and version checked), the sign-in through authentik's
 * redirect URI, and the SAML probe it does not use.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckId, type CheckResult } from '../../../shared/check';
import { authentikRedirectUri } from '../../../shared/targets/authentik';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator';
import { dataDir, runCheck } from './check-kit';

const AUTHENTIK = { fqdn: 'authentik.contoso.com', slug: 'entra-id', tenantMode: 'single' as const, groupMemberRead: false };
const REDIRECT = authentikRedirectUri(AUTHENTIK);
const API_APP = '/applications/1';

/** healthy, with authentik's redirect URI registered on the app, plus the given changes. */
function authentikScenario(name: string, patch: Record<string, unknown>[] = []): Record<string, unknown> {
  return {
    name,
    description: 'authentik with an Entra ID OAuth source',
    base: 'healthy',
    // authentik's guide sets requestedAccessTokenVersion 2 in the manifest (the practice tenant's default is null: v1.0 tokens).
    patch: [{ op: 'add', path: `${API_APP}/web/redirectUris/-`, value: REDIRECT }, { op: 'add', path: `${API_APP}/api/requestedAccessTokenVersion`, value: 2 }, ...patch],
  };
}

const sims: RunningSimulator[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

async function runAuthentik(scenario: Record<string, unknown> | string): Promise<Record<CheckId, CheckResult>> {
  const sim = await startSimulator({ scenario, dataDir });
  sims.push(sim);
  return runCheck(sim, { target: { id: 'authentik', settings: { authentik: AUTHENTIK } } });
}

describe('authentik checks against the practice tenant', () => {
  it('passes with the authentik redirect URI registered: a v2.0 M2M token for the client ID, sign-in and Graph /me; SAML not used', async () => {
    const r = await runAuthentik(authentikScenario('authentik-healthy'));
    expect(r.tenant.status).toBe('passed');
    expect(r['api-app'].status).toBe('passed');
    expect(r.secret.status).toBe('passed');
    expect(r.secret.summary).toContain('v2.0 token');
    expect(r.secret.tested).toContain('/.default');
    expect(r.secret.tested).toContain('api://');
    expect(r['sign-in'].status).toBe('passed');
    expect(r['sign-in'].tested).toContain(REDIRECT);
    expect(r['graph-me'].status).toBe('passed');
    expect(r['saml-app']).toMatchObject({ status: 'skipped', summary: 'Not used by authentik: it has no SAML app.' });
  });

  it('explains AADSTS500011 when the app has no Application ID URI, and warns off the Graph scope', async () => {
    const r = await runAuthentik(authentikScenario('authentik-no-app-id-uri', [{ op: 'replace', path: `${API_APP}/identifierUris`, value: [] }]));
    expect(r.secret.status).toBe('failed');
    expect(r.secret.summary).toContain('no Application ID URI');
    expect(r.secret.summary).toContain('AADSTS500011');
    const fix = r.secret.fix.join(' ');
    expect(fix).toContain('Expose an API > Application ID URI');
    expect(fix).toContain('invalid JWT format');
  });

  it('warns when the app still issues v1.0 tokens, and says which manifest setting to change', async () => {
    const r = await runAuthentik(authentikScenario('authentik-v1-tokens', [{ op: 'add', path: `${API_APP}/api/requestedAccessTokenVersion`, value: null }]));
    expect(r.secret.status).toBe('warning');
    expect(r.secret.summary).toContain('v1.0 token');
    expect(r.secret.fix.join(' ')).toContain('requestedAccessTokenVersion');
  });

  it('fails the sign-in with AADSTS50011 when authentik’s redirect URI is not registered', async () => {
    const r = await runAuthentik('healthy');
    expect(r['sign-in'].status).toBe('failed');
    expect(r['sign-in'].summary).toContain('AADSTS50011');
  });
});

describe('check --profile for an authentik profile (CLI)', () => {
  it('uses the machine-to-machine probe and leaves out SAML, like the app', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { testAppServices } = await import('../../helpers/app-services');
    const { runCliInProcess } = await import('../../helpers/run-cli');
    const { EMPTY_DRAFT } = await import('../../../shared/profile');
    const sim = await startSimulator({ scenario: authentikScenario('authentik-cli'), dataDir });
    sims.push(sim);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-authentik-cli-'));
    const app = testAppServices(dir);
    await app.profiles.save({
      draft: {
        ...EMPTY_DRAFT,
        name: 'authentik',
        target: 'authentik',
        authentik: { slug: 'entra-id', fqdn: 'authentik.contoso.com', tenantMode: 'single', groupMemberRead: false },
        tenantId: sim.profile.tenantId,
        clientId: sim.profile.apiAppId,
      },
      secret: { action: 'keep' },
    });
    const run = await runCliInProcess(
      ['check', '--profile', 'authentik', '--data-dir', dir, '--authority-host', sim.authorityHost, '--ca-file', sim.caCertPath, '--secret-env', 'S', '--sign-in', 'robot', '--json'],
      { env: { S: sim.profile.secret } },
    );
    const doc = JSON.parse(run.stdout) as { results: { id: string; status: string; summary: string }[] };
    const byId = Object.fromEntries(doc.results.map((r) => [r.id, r]));
    expect(byId['saml-app']).toMatchObject({ status: 'skipped', summary: expect.stringContaining('Not used by authentik') });
    expect(byId.secret).toMatchObject({ status: 'passed', summary: expect.stringContaining('v2.0 token') });
    expect(byId['sign-in']?.status).toBe('passed');
    expect(run.code).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
