/**
 * Support summary: what it says, and that a canary secret and canary tokens that
 * reached the log, a check result or the profile never leave in it, while the secret's hint does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/app-services';
import { createHandlers, dispatch } from '../../electron/ipc-handlers';
import { CHECK_EXTENSION } from '../../electron/services/check/check-service';
import { confDocumentFiles } from '../../electron/services/conf-document-file';
import type { Clock, Logger } from '../../electron/services/ports';
import { RecentLog } from '../../electron/services/recent-log';
import { SupportSummarySchema } from '../../shared/ipc-support';
import { fingerprintInput, probeFingerprint, type CheckRun } from '../../shared/check';
import { EMPTY_DRAFT, type ProfileDraft } from '../../shared/profile';
import { ephemeralKeyVault } from '../harness/test-vault';

const CANARY_SECRET = 'Kx78Q~CanarySecretValue-0123456789abcdefgh';
const CANARY_JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImNhbmFyeSJ9.eyJhdWQiOiJhcGk6Ly9jYW5hcnkiLCJzdWIiOiJjYW5hcnktdXNlciIsIm5hbWUiOiJDYW5hcnkifQ.Q2FuYXJ5U2lnbmF0dXJlMDEyMzQ1Njc4OWFiY2RlZg';
const CANARY_REFRESH = '0.AXEAcanaryRefreshTokenValue_9f8e7d6c5b4a39281706';
const TRACE = '0a1b2c3d-1111-2222-3333-444455556666';
const CORRELATION = '9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff';
const clock: Clock = { now: () => new Date('2026-03-14T09:30:00Z') };

const draft: ProfileDraft = {
  ...EMPTY_DRAFT,
  name: 'Production',
  tenantId: 'contoso.onmicrosoft.com',
  samlAppId: '11111111-2222-3333-4444-555555555555',
  clientId: '99999999-8888-7777-6666-555555555555',
  webUrl: 'https://octopus.contoso.com/',
  secretExpiresAt: '2027-05-31',
};

let dir: string;
let innerLines: string[];
let s: AppServices;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-support-'));
  innerLines = [];
  const inner: Logger = {
    info: (m) => innerLines.push(m),
    warn: (m) => innerLines.push(m),
    error: (m) => innerLines.push(m),
  };
  s = createAppServices({
    dataDir: dir,
    version: '9.8.7',
    platform: 'linux',
    files: confDocumentFiles(dir),
    vault: ephemeralKeyVault(),
    clock,
    logger: inner,
    openExternal: async () => {},
    emit: () => {},
  });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A finished run whose secret probe failed with AADSTS7000215, stored the way Check compatibility stores it. */
function storeFailedRun(profileId: string): void {
  const p = s.profiles.get(profileId);
  const input = fingerprintInput({ ...p, secretUpdatedAt: p.secret.updatedAt });
  const run: CheckRun = {
    profileId,
    profileName: p.name,
    fingerprint: 'ffffffff',
    startedAt: '2026-03-14T09:20:00.000Z',
    finishedAt: '2026-03-14T09:20:04.000Z',
    outcome: 'failed',
    results: [
      { id: 'tenant', status: 'passed', summary: 'The tenant exists.', durationMs: 120, error: null, fix: [], tested: 'GET discovery', facts: [], fingerprint: probeFingerprint('tenant', input), finishedAt: '2026-03-14T09:20:01.000Z' },
      {
        id: 'secret',
        status: 'failed',
        summary: 'Entra refused the client secret.',
        durationMs: 840,
        // A message that quotes the request body: the summary must still not carry the secret.
        error: { code: 7000215, traceId: TRACE, correlationId: CORRELATION, timestamp: '2026-03-14 09:20:03Z', message: `Invalid client secret provided. Request had client_secret=${CANARY_SECRET}` },
        fix: ['Paste the Value, not the Secret ID.'],
        tested: 'POST /token',
        facts: [],
        fingerprint: probeFingerprint('secret', input),
        finishedAt: '2026-03-14T09:20:04.000Z',
      },
    ],
  };
  s.profiles.updateExtension(profileId, CHECK_EXTENSION, () => run);
}

describe('support summary', () => {
  it('carries version, OS, the profile with its secret hint, the last check with codes and IDs, and the log, but no secret or token', async () => {
    const profile = await s.profiles.save({ draft, secret: { action: 'replace', value: CANARY_SECRET } });
    storeFailedRun(profile.id);
    // Log lines as services would write them, carrying the canaries in each shape they leak in.
    s.ports.logger.info('Check compatibility started for "Production"');
    s.ports.logger.warn(`token response: {"access_token":"${CANARY_JWT}","refresh_token":"${CANARY_REFRESH}"}`);
    s.ports.logger.warn(`POST /oauth2/v2.0/token grant_type=refresh_token&refresh_token=${CANARY_REFRESH}&client_id=x`);
    s.ports.logger.error(`Authorization: Bearer ${CANARY_JWT}`);
    s.ports.logger.error('raw secret leaked by a careless caller:', CANARY_SECRET);
    s.ports.logger.info(`id token ${CANARY_JWT} received`);

    const { text, fileName } = await s.support.summary(profile.id);

    for (const canary of [CANARY_SECRET, CANARY_JWT, CANARY_REFRESH, CANARY_JWT.split('.')[1] ?? '', CANARY_JWT.split('.')[2] ?? '', 'CanarySecretValue'])
      expect(text).not.toContain(canary);
    expect(text).toContain('Federation Desk version: 9.8.7');
    expect(text).toMatch(/Operating system: linux \S+/);
    expect(text).toContain('Name: Production');
    expect(text).toContain('Directory (tenant) ID: contoso.onmicrosoft.com');
    expect(text).toContain('API application (client) ID: 99999999-8888-7777-6666-555555555555');
    expect(text).toContain(`Client secret hint: ${CANARY_SECRET.slice(0, 3)}… (${CANARY_SECRET.length} characters, encrypted by the OS on this computer`);
    expect(text).toContain('Secret expires: 2027-05-31');
    expect(text).toContain('- [FAILED] Client secret (840 ms)');
    expect(text).toContain('Error code: AADSTS7000215');
    expect(text).toContain(`Trace ID: ${TRACE}`);
    expect(text).toContain(`Correlation ID: ${CORRELATION}`);
    expect(text).toContain('- [PASSED] Directory (tenant) (120 ms)');
    expect(text).not.toContain('[settings changed since]');
    expect(text).toContain('Check compatibility started for "Production"');
    expect(text).toContain('[redacted');
    expect(text.match(/^== .* ==$/gm)).toEqual(['== Application ==', '== Profile ==', '== Last check ==', '== Recent log (6 lines) ==']);
    expect(fileName).toBe('federation-desk-support-20260314-0930.txt');
  });

  it('flags check results whose settings changed since they ran', async () => {
    const profile = await s.profiles.save({ draft, secret: { action: 'replace', value: CANARY_SECRET } });
    storeFailedRun(profile.id);
    await s.profiles.save({ id: profile.id, draft: { ...draft, clientId: '99999999-8888-7777-6666-000000000000' }, secret: { action: 'keep' } });
    const { text } = await s.support.summary(profile.id);
    expect(text).toMatch(/- \[FAILED\] Client secret \(840 ms\) \[settings changed since\]/);
    expect(text).toMatch(/- \[PASSED\] Directory \(tenant\) \(120 ms\)\n/);
  });

  it('works without a profile, with a deleted one, and answers over the IPC channel', async () => {
    const table = createHandlers(s);
    const none = await dispatch(table, 'support:summary', { profileId: null });
    expect(none.ok).toBe(true);
    if (!none.ok) return;
    const { text } = SupportSummarySchema.parse(none.value);
    expect(text).toContain('No profile selected.');
    expect(text).toContain('(nothing logged since Federation Desk started)');

    const gone = await dispatch(table, 'support:summary', { profileId: 'no-such-profile' });
    expect(gone.ok).toBe(true);
    if (gone.ok) expect(SupportSummarySchema.parse(gone.value).text).toContain('The selected profile no longer exists.');

    const bad = await dispatch(table, 'support:summary', { profileId: null, extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('states a profile without a secret plainly', async () => {
    const profile = await s.profiles.save({ draft, secret: { action: 'keep' } });
    const { text } = await s.support.summary(profile.id);
    expect(text).toContain('Client secret hint: none stored');
    expect(text).toContain('Check compatibility has not run for this profile.');
  });
});

describe('recent log', () => {
  it('forwards every call unchanged, keeps only the last lines, each redacted', () => {
    const seen: string[] = [];
    const inner: Logger = { info: (m) => seen.push(m), warn: (m) => seen.push(m), error: (m) => seen.push(m) };
    const log = new RecentLog(inner, 5, clock);
    for (let i = 1; i <= 12; i++) log.info(`line ${i}`);
    log.warn(`refresh_token=${CANARY_REFRESH}`);
    log.error('failed', new Error('boom'), { a: 1 });
    expect(seen).toHaveLength(14);
    const lines = log.lines();
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('2026-03-14T09:30:00.000Z INFO  line 10');
    expect(lines[3]).toBe('2026-03-14T09:30:00.000Z WARN  refresh_token=[redacted]');
    expect(lines[4]).toMatch(/^2026-03-14T09:30:00.000Z ERROR failed Error: boom[\s\S]*\{"a":1\}$/);
  });

  it('cuts a huge line only after redacting it, so no half token survives', () => {
    const log = new RecentLog({ info: () => {}, warn: () => {}, error: () => {} }, 10, clock);
    log.info(`${'x'.repeat(1990)} ${CANARY_JWT}`);
    const [line] = log.lines();
    expect(line).not.toContain(CANARY_JWT.slice(0, 20));
    expect(line?.endsWith('…(cut)')).toBe(true);
  });
});
