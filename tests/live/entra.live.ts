/**
 * The probes and the audit against a real test tenant: `npm run test:live`. Skipped unless the
 * FD_LIVE_* variables name the tenant, its two apps and a test user (README, "Testing against your
 * own tenant"). With FD_LIVE_RECORD=1 it also records what Entra and Graph answered, redacted,
 * into tests/fixtures/recorded/live/.
 *
 * The test user signs in to Microsoft Graph with the resource-owner password grant through
 * Microsoft Graph Command Line Tools, so the run needs no person: use a cloud-only test user
 * without MFA, in a test tenant. The interactive sign-in through the Octopus Web URL is not part
 * of this run (it needs a person at the sign-in page): run Check compatibility in the app for it.
 */
import { checkTargetOf } from '../../electron/services/check/probe-context';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_STEPS, GRAPH_CLI_CLIENT_ID } from '../../shared/audit';
import { fingerprintInput } from '../../shared/check';
import { runAudit, type GraphTokenSource } from '../../electron/services/audit';
import { createCheckContext } from '../../electron/services/check/check-context';
import { cloudEndpoints } from '../../electron/services/check/probe-context';
import { runProbes } from '../../electron/services/check/runner';
import { createHttpClient, postForm } from '../../electron/services/http';
import { registerSecret } from '../../electron/services/redact';
import { recordingClient, writeRecordings } from './live-recorder';

const env = process.env;
const live = {
  tenantId: env.FD_LIVE_TENANT_ID ?? '',
  samlAppId: env.FD_LIVE_SAML_APP_ID ?? '',
  apiAppId: env.FD_LIVE_API_APP_ID ?? '',
  webUrl: env.FD_LIVE_WEB_URL ?? '',
  secret: env.FD_LIVE_API_SECRET ?? '',
  user: env.FD_LIVE_USER ?? '',
  password: env.FD_LIVE_USER_PASSWORD ?? '',
};
const configured = Object.values(live).every((v) => v !== '');
/**
 * Optional: another Entra host and its CA (a sovereign cloud's login host, or the practice tenant
 * from `federation-desk simulate`, which is how this suite itself is tried without a tenant).
 */
const hosts = {
  authorityHost: env.FD_LIVE_AUTHORITY_HOST ?? cloudEndpoints('global').authorityHost,
  graphHost: env.FD_LIVE_GRAPH_HOST ?? cloudEndpoints('global').graphHost,
  caPem: env.FD_LIVE_CA_FILE ? fs.readFileSync(env.FD_LIVE_CA_FILE, 'utf8') : null,
};
const pinnedCas = hosts.caPem ? [{ caPem: hosts.caPem, hosts: [new URL(hosts.authorityHost).host] }] : [];
for (const s of [live.secret, live.password]) registerSecret(s);

/** Microsoft Graph through Graph Command Line Tools with the test user's password (no person needed). */
function passwordTokenSource(user: string, password: string): GraphTokenSource {
  return {
    name: 'password grant (test user)',
    async acquire(req) {
      const res = await postForm(req.http, `${req.endpoints.authorityHost}/${encodeURIComponent(req.tenantId)}/oauth2/v2.0/token`, {
        grant_type: 'password',
        client_id: req.clientId,
        username: user,
        password,
        scope: `${req.endpoints.graphHost}/Application.Read.All ${req.endpoints.graphHost}/Directory.Read.All`,
      });
      const body = JSON.parse(res.body) as { access_token?: string; expires_in?: number; error_description?: string };
      if (!body.access_token) throw new Error(`The test user could not sign in to Microsoft Graph: ${body.error_description ?? `HTTP ${res.status}`}`);
      return { accessToken: body.access_token, username: user, expiresOn: new Date(Date.now() + (body.expires_in ?? 0) * 1000) };
    },
  };
}

describe.skipIf(!configured)('live: probes and audit against the FD_LIVE_* test tenant', () => {
  const recorder = recordingClient(createHttpClient({ timeoutMs: 30_000, pinnedCas }));
  const clock = { now: () => new Date() };
  const fields = { cloud: 'global', tenantId: live.tenantId, samlAppId: live.samlAppId, clientId: live.apiAppId, name: '', webUrl: live.webUrl, secretExpiresAt: null, target: 'octopus', allowedDomains: [] as string[] } as const;
  const target = checkTargetOf(fields, { hint: live.secret.slice(0, 3), expiresAt: null });

  it('the non-interactive probes pass', async () => {
    const ctx = createCheckContext({
      target,
      cloud: 'global',
      endpoints: { authorityHost: hosts.authorityHost, graphHost: hosts.graphHost },
      network: { proxy: null, pinnedCas, requestTimeoutMs: 30_000 },
      clock,
      signal: new AbortController().signal,
      secret: live.secret,
      secretMissingReason: '',
      signIn: null,
      signInMissingReason: 'the live suite signs nobody in through the Octopus Web URL (run Check compatibility in the app for that).',
      http: recorder.http,
    });
    const results = await runProbes({ ctx, fingerprintInput: fingerprintInput({ ...fields, allowedDomains: [], secretUpdatedAt: null }), clock, probeTimeoutMs: 60_000, interactiveTimeoutMs: 60_000, only: ['tenant', 'saml-app', 'api-app', 'secret'] });
    for (const r of results.filter((x) => ['tenant', 'saml-app', 'api-app', 'secret'].includes(x.id))) expect(r.status, `${r.id}: ${r.summary}`).not.toBe('failed');
  }, 120_000);

  it('the audit reads every step from Microsoft Graph', async () => {
    const { report } = await runAudit({
      target: { cloud: 'global', tenantId: live.tenantId, apiAppId: live.apiAppId, samlAppId: live.samlAppId, webUrl: live.webUrl, secretHint: live.secret.slice(0, 3) },
      profile: { id: null, name: null },
      endpoints: cloudEndpoints('global', { authorityHost: hosts.authorityHost, graphHost: hosts.graphHost }),
      http: recorder.http,
      tokenSource: passwordTokenSource(live.user, live.password),
      clientId: GRAPH_CLI_CLIENT_ID,
      clock,
      signal: new AbortController().signal,
      requestTimeoutMs: 30_000,
    });
    expect(report.problem, report.problem?.summary).toBeNull();
    expect(report.findings.map((f) => f.id)).toEqual(AUDIT_STEPS.map((s) => s.id));
    expect(report.findings.filter((f) => f.status === 'unknown').map((f) => f.summary)).toEqual([]);
  }, 120_000);

  it.runIf(env.FD_LIVE_RECORD === '1')('records what Entra and Graph answered, redacted', () => {
    const files = writeRecordings(
      recorder.exchanges,
      path.resolve(__dirname, '../fixtures/recorded/live'),
      [
        [live.tenantId, '11111111-1111-1111-1111-111111111111'],
        [live.apiAppId, '22222222-2222-2222-2222-222222222222'],
        [live.samlAppId, '33333333-3333-3333-3333-333333333333'],
        [live.user, 'test.user@contoso.example'],
      ],
      new Date(),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const secret of [live.secret, live.password, live.tenantId]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./);
    }
  });
});
