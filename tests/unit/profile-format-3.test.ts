/**
 * Format 3 of profiles.json and version 2 of the export file: each profile keeps the common Entra
 * fields and its own target's settings only. A version-2 file of every target migrates, after a
 * byte-identical backup, with nothing the checks need lost and results checked before still current;
 * a second start does not migrate again; old export files still import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/app-services';
import { confDocumentFiles } from '../../electron/services/conf-document-file';
import { PROFILES_FORMAT_VERSION } from '../../electron/services/profile-store';
import { configurationFingerprint, fingerprintInput, probeFingerprint, CHECK_IDS } from '../../shared/check';
import { ProfileExportSchema, draftFromExport } from '../../shared/profile-export';
import { validateDraft } from '../../shared/profile';
import { entraValues } from '../../shared/targets/registry';
import { ephemeralKeyVault } from '../harness/test-vault';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '99999999-8888-7777-6666-555555555555';
const SAML = '11111111-2222-3333-4444-555555555555';
const common = {
  cloud: 'global',
  tenantId: TENANT,
  apiAppId: CLIENT,
  secretExpiresAt: '2027-05-31',
  secret: { storage: 'none', hint: null, length: null, updatedAt: '2026-01-02T03:04:05.000Z' },
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
};

/** One version-2 record of each target, as version 2 wrote them (Octopus's places reused by the others). */
const V2_RECORDS = [
  { ...common, id: 'o', name: 'Octopus', target: 'octopus', samlAppId: SAML, webUrl: 'https://octopus.contoso.com/octopus/', allowedDomains: ['contoso.com'], extensions: { checks: { kept: true } } },
  {
    ...common,
    id: 't',
    name: 'TTS',
    target: 'the-things-stack',
    samlAppId: '',
    webUrl: 'https://tts.contoso.com/oauth/login/microsoft-entra/callback',
    allowedDomains: ['contoso.com'],
    theThingsStack: { serverAddress: 'tts.contoso.com', providerId: 'microsoft-entra' },
  },
  {
    ...common,
    id: 'a',
    name: 'authentik',
    target: 'authentik',
    samlAppId: '',
    webUrl: 'https://authentik.contoso.com/source/oauth/callback/entra-id/',
    allowedDomains: [],
    authentik: { slug: 'entra-id', fqdn: 'authentik.contoso.com', tenantMode: 'single', groupMemberRead: true },
  },
  {
    ...common,
    id: 'w',
    name: 'Workspaces',
    target: 'workspace-sso',
    samlAppId: '',
    webUrl: 'https://acme.ontrackio.com/auth/callback',
    allowedDomains: ['ontrackio.com'],
    workspaceSso: { baseDomain: 'ontrackio.com', workspaces: ['acme', 'globex'], externalCollaborators: ['jane@fabrikam.com'] },
  },
] as const;

/** The fingerprint format 2 computed for a record: its fields as they were stored then. */
function format2Fingerprint(r: (typeof V2_RECORDS)[number]): { config: string; probes: string[] } {
  const settings = 'theThingsStack' in r ? r.theThingsStack : null;
  const input = {
    cloud: r.cloud,
    tenantId: r.tenantId,
    samlAppId: r.samlAppId,
    apiAppId: r.apiAppId,
    secret: r.secret.updatedAt,
    webUrl: r.webUrl,
    practiceScenario: '',
    target:
      r.target === 'octopus'
        ? ''
        : JSON.stringify([r.target, settings, 'authentik' in r ? r.authentik : null, 'workspaceSso' in r ? r.workspaceSso : null]),
  };
  return { config: configurationFingerprint(input), probes: CHECK_IDS.map((id) => probeFingerprint(id, input)) };
}

let dir: string;
const services = (): AppServices =>
  createAppServices({
    dataDir: dir,
    version: '0.1.0',
    platform: 'linux',
    files: confDocumentFiles(dir),
    vault: ephemeralKeyVault(),
    clock: { now: () => new Date('2026-11-23T10:00:00Z') },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    openExternal: async () => {},
    emit: () => {},
  });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-format3-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('profiles.json format 3', () => {
  it('migrates a version-2 file of every target after a byte-identical backup; nothing the checks need is lost, and a second start does not migrate again', () => {
    const v2Text = JSON.stringify({ version: 2, selectedId: 'o', profiles: V2_RECORDS }, null, 2);
    fs.writeFileSync(path.join(dir, 'profiles.json'), v2Text);
    const s = services();
    const views = s.profiles.list().profiles;
    expect(views.map((v) => v.id)).toEqual(['o', 't', 'a', 'w']);
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).toBe(v2Text); // a reader never writes
    s.profiles.select('t'); // the first write migrates
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('profiles.pre-v3-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, backups[0] ?? ''), 'utf8')).toBe(v2Text);

    const written = JSON.parse(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')) as { version: number; profiles: Record<string, unknown>[] };
    expect(written.version).toBe(PROFILES_FORMAT_VERSION);
    for (const [i, old] of V2_RECORDS.entries()) {
      const now = written.profiles[i] ?? {};
      expect(now).not.toHaveProperty('apiAppId');
      expect(now.clientId).toBe(CLIENT);
      if (old.target !== 'octopus') {
        // No Octopus field is kept under another meaning.
        expect(now).not.toHaveProperty('samlAppId');
        expect(now).not.toHaveProperty('webUrl');
      }
      const view = views[i];
      if (!view) throw new Error('missing view');
      // What the probes use is what version 2 stored: the client ID, the SAML app, the (first) redirect URI, the domains.
      const e = entraValues(view);
      expect(e.clientId).toBe(old.apiAppId);
      expect(e.samlAppId ?? '').toBe(old.samlAppId);
      expect(e.redirectUris[0]).toBe(old.webUrl);
      expect(e.allowedDomains).toEqual(old.allowedDomains);
      // Results checked before the upgrade stay current (stale-result detection keys on these).
      const input = fingerprintInput({ ...view, secretUpdatedAt: view.secret.updatedAt });
      expect(configurationFingerprint(input)).toBe(format2Fingerprint(old).config);
      expect(CHECK_IDS.map((id) => probeFingerprint(id, input))).toEqual(format2Fingerprint(old).probes);
    }
    expect(written.profiles[0]?.extensions).toEqual({ checks: { kept: true } });
    expect(written.profiles[3]?.workspaceSso).toEqual(V2_RECORDS[3].workspaceSso);

    const migrated = fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8');
    const again = services();
    expect(again.profiles.list().profiles).toEqual(views);
    again.profiles.select('o');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('profiles.pre-v'))).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).profiles).toEqual(JSON.parse(migrated).profiles);
  });
});

describe('export files', () => {
  it.each(V2_RECORDS.map((r) => [r.target, r] as const))('a version-1 export of %s still imports, into the same profile', (_target, r) => {
    const { id: _id, secret: _secret, createdAt: _c, updatedAt: _u, ...profile } = r;
    const { extensions: _e, ...exported } = profile as typeof profile & { extensions?: unknown };
    const file = { format: 'federation-desk-profile', version: 1, exportedAt: '2026-01-01T00:00:00Z', profile: { ...exported, ...(r.target === 'octopus' ? { target: undefined } : {}) } };
    const parsed = ProfileExportSchema.parse(JSON.parse(JSON.stringify(file)));
    expect(parsed.version).toBe(2);
    expect(parsed.profile).not.toHaveProperty('apiAppId');
    const result = validateDraft(draftFromExport(parsed), '', { otherNames: [], secretStored: false, today: '2026-11-23' });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    if (!result.fields) throw new Error('expected fields');
    const e = entraValues(result.fields);
    expect([e.clientId, e.samlAppId ?? '', e.redirectUris[0]]).toEqual([r.apiAppId, r.samlAppId, r.webUrl]);
  });

  it('refuses an export file it does not know, saying where', () => {
    const parsed = ProfileExportSchema.safeParse({ format: 'federation-desk-profile', version: 9, exportedAt: 'x', profile: {} });
    expect(parsed.success).toBe(false);
  });
});
