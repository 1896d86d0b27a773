/**
 * Workspace SSO (OnTrackio-style) against the practice tenant: every workspace's redirect URI is
 * checked without signing in, the sign-in goes through the first workspace's, the secret is proven
 * via Graph, and the SAML probe is not used.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckId, type CheckResult } from '../../../shared/check';
import { workspaceRedirectUris, type WorkspaceSsoSettings } from '../../../shared/targets/workspace-sso';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator';
import { dataDir, runCheck } from './check-kit';

const SETTINGS: WorkspaceSsoSettings = { baseDomain: 'ontrackio.example', workspaces: ['acme', 'globex', 'initech'], externalCollaborators: [] };
const URIS = workspaceRedirectUris(SETTINGS);
const API_APP = '/applications/1';

/** healthy, with the given workspace redirect URIs registered on the app (Web platform). */
function workspaceScenario(registered: readonly string[], name: string): Record<string, unknown> {
  return {
    name,
    description: 'Workspace SSO with one redirect URI per workspace',
    base: 'healthy',
    patch: registered.map((uri) => ({ op: 'add', path: `${API_APP}/web/redirectUris/-`, value: uri })),
  };
}

const sims: RunningSimulator[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

async function runWorkspace(scenario: Record<string, unknown>, settings: WorkspaceSsoSettings = SETTINGS): Promise<Record<CheckId, CheckResult>> {
  const sim = await startSimulator({ scenario, dataDir });
  sims.push(sim);
  return runCheck(sim, { target: { id: 'workspace-sso', settings: { workspaceSso: settings } } });
}

describe('Workspace SSO checks against the practice tenant', () => {
  it('passes with every workspace redirect URI registered; the sign-in uses the first one; SAML is not used', async () => {
    const r = await runWorkspace(workspaceScenario(URIS, 'workspace-all-registered'));
    expect(r.tenant.status).toBe('passed');
    expect(r['api-app']).toMatchObject({ status: 'passed', summary: 'The app registration is in this tenant and accepts all 3 workspace redirect URI(s).' });
    const listed = r['api-app'].facts.find((f) => f.label === 'Workspace redirect URIs')?.value ?? '';
    for (const uri of URIS) expect(listed).toContain(`✓ ${uri}`);
    expect(r['api-app'].facts.find((f) => f.label === 'Not checked')?.value).toContain('implicit grant');
    expect(r.secret).toMatchObject({ status: 'passed', summary: 'The secret works.' });
    expect(r['sign-in'].status).toBe('passed');
    expect(r['sign-in'].tested).toContain('https://acme.ontrackio.example/auth/callback');
    expect(['passed', 'warning']).toContain(r['graph-me'].status);
    expect(r['saml-app']).toMatchObject({ status: 'skipped', summary: 'Not used by Workspace SSO: it has no SAML app.' });
  });

  it('fails with the missing workspace named when one redirect URI is not registered', async () => {
    const missing = 'https://globex.ontrackio.example/auth/callback';
    const r = await runWorkspace(workspaceScenario(URIS.filter((u) => u !== missing), 'workspace-one-missing'));
    expect(r['api-app'].status).toBe('failed');
    expect(r['api-app'].summary).toBe(
      `This workspace redirect URI is not registered on the app: ${missing}. Sign-in to that workspace stops with AADSTS50011.`,
    );
    expect(r['api-app'].fix.join(' ')).toContain(`Authentication > Web > Redirect URIs: add ${missing} exactly`);
    const listed = r['api-app'].facts.find((f) => f.label === 'Workspace redirect URIs')?.value ?? '';
    expect(listed).toContain(`✗ ${missing}`);
    expect(listed).toContain('✓ https://acme.ontrackio.example/auth/callback');
  });

  it('names every missing workspace when none is registered', async () => {
    const r = await runWorkspace(workspaceScenario([], 'workspace-none-registered'));
    expect(r['api-app'].status).toBe('failed');
    expect(r['api-app'].summary).toContain('3 workspace redirect URIs are not registered on the app');
    for (const uri of URIS) expect(r['api-app'].summary).toContain(uri);
  });
});

describe('check --profile for a workspace SSO profile (CLI)', () => {
  it('checks every workspace redirect URI, like the app', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { testAppServices } = await import('../../helpers/app-services');
    const { runCliInProcess } = await import('../../helpers/run-cli');
    const { EMPTY_DRAFT } = await import('../../../shared/profile');
    const sim = await startSimulator({ scenario: workspaceScenario(URIS.slice(0, 2), 'workspace-cli'), dataDir });
    sims.push(sim);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-ws-cli-'));
    const app = testAppServices(dir);
    await app.profiles.save({
      draft: {
        ...EMPTY_DRAFT,
        name: 'Workspaces',
        target: 'workspace-sso',
        workspaceSso: { baseDomain: SETTINGS.baseDomain, workspaces: SETTINGS.workspaces.join(', '), externalCollaborators: '' },
        tenantId: sim.profile.tenantId,
        clientId: sim.profile.apiAppId,
      },
      secret: { action: 'keep' },
    });
    const run = await runCliInProcess(
      ['check', '--profile', 'Workspaces', '--data-dir', dir, '--authority-host', sim.authorityHost, '--ca-file', sim.caCertPath, '--secret-env', 'S', '--sign-in', 'robot', '--json'],
      { env: { S: sim.profile.secret } },
    );
    const doc = JSON.parse(run.stdout) as { results: { id: string; status: string; summary: string }[] };
    const byId = Object.fromEntries(doc.results.map((r) => [r.id, r]));
    expect(byId['api-app']).toMatchObject({ status: 'failed', summary: expect.stringContaining('https://initech.ontrackio.example/auth/callback') });
    expect(byId['saml-app']?.status).toBe('skipped');
    expect(run.code).not.toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
