import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/app-services';
import { confDocumentFiles } from '../../electron/services/conf-document-file';
import { MIGRATIONS, PROFILES_FORMAT_VERSION, ProfileStore, migrateV1ToV2, type Migration } from '../../electron/services/profile-store';
import type { Clock, SecretVault } from '../../electron/services/ports';
import { DeskError } from '../../shared/ipc-core';
import { EMPTY_DRAFT, type ProfileDraft } from '../../shared/profile';
import { ephemeralKeyVault } from '../harness/test-vault';

const CANARY = 'CANARY8Q~s3cr3t-Value-0123456789abcdefXYZ';
const clock: Clock = { now: () => new Date('2026-11-23T10:00:00Z') };

const draft = (over: Partial<ProfileDraft> = {}): ProfileDraft => ({
  ...EMPTY_DRAFT,
  name: 'Production',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  samlAppId: '11111111-2222-3333-4444-555555555555',
  clientId: '99999999-8888-7777-6666-555555555555',
  webUrl: 'https://octopus.contoso.com/',
  ...over,
});

let dir: string;
const services = (vault: SecretVault = ephemeralKeyVault()): AppServices =>
  createAppServices({
    dataDir: dir,
    version: '0.1.0',
    platform: 'linux',
    files: confDocumentFiles(dir),
    vault,
    clock,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    openExternal: async () => {},
    emit: () => {},
  });

/** Every byte of every file under the data folder, as text. */
function everyFileIn(folder: string): string {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('profile store', () => {
  it('keeps every field across a restart, and the secret only as ciphertext', async () => {
    const vault = ephemeralKeyVault();
    const first = services(vault);
    const saved = await first.profiles.save({ draft: draft({ allowedDomains: 'Contoso.com', secretExpiresAt: '2027-05-31' }), secret: { action: 'replace', value: ` ${CANARY} ` } });
    expect(saved.secret).toMatchObject({ present: true, storage: 'encrypted', hint: 'CAN', length: CANARY.length });

    const second = services(vault); // same OS key, new process
    const list = second.profiles.list();
    expect(list.selectedId).toBe(saved.id);
    expect(list.profiles).toEqual([saved]);
    expect(await second.profiles.secretOf(saved.id)).toBe(CANARY);
    expect(everyFileIn(dir)).not.toContain(CANARY);
    expect(everyFileIn(dir)).not.toContain(Buffer.from(CANARY).toString('base64'));
  });

  it('never writes the secret when the OS offers no real encryption, and says so', async () => {
    const s = services(ephemeralKeyVault({ persistent: false }));
    const saved = await s.profiles.save({ draft: draft(), secret: { action: 'replace', value: CANARY } });
    expect(saved.secret).toMatchObject({ present: true, storage: 'session' });
    expect(await s.profiles.secretOf(saved.id)).toBe(CANARY);
    expect(everyFileIn(dir)).not.toContain(CANARY);
    expect((await s.appInfo()).notices.map((n) => n.id)).toContain('secret-session-only');

    const restarted = services(ephemeralKeyVault({ persistent: false }));
    expect(restarted.profiles.list().profiles[0]?.secret).toMatchObject({ present: false, storage: 'session', hint: 'CAN' });
  });

  it('refuses an invalid profile in main even if the renderer let it through', async () => {
    const s = services();
    await expect(s.profiles.save({ draft: draft({ webUrl: 'https://octopus.contoso.com/octopus' }), secret: { action: 'keep' } })).rejects.toMatchObject({
      code: 'validation',
      issues: [expect.objectContaining({ field: 'webUrl', fix: { label: 'Add the trailing slash', value: 'https://octopus.contoso.com/octopus/' } })],
    });
    await expect(s.profiles.save({ draft: draft(), secret: { action: 'replace', value: '9a1b2c3d-4e5f-6789-abcd-ef0123456789' } })).rejects.toBeInstanceOf(DeskError);
    expect(s.profiles.list().profiles).toEqual([]);
  });

  it('renames, duplicates without the secret, and deletes the secret (and one kept from a rotation) with the profile', async () => {
    const s = services();
    const p = await s.profiles.save({ draft: draft(), secret: { action: 'replace', value: CANARY } });
    expect(s.profiles.rename(p.id, '  Prod  ').name).toBe('Prod');
    const copy = s.profiles.duplicate(p.id);
    expect(copy.name).toBe('Prod (copy)');
    expect(copy.secret.present).toBe(false);
    expect(s.profiles.duplicate(p.id).name).toBe('Prod (copy 2)');
    expect(() => s.profiles.rename(copy.id, 'prod')).toThrow(/already exists/);
    await s.secrets.put(`${p.id}#previous`, 'OLD8Q~previousSecretFromARotation0123456789');
    await s.profiles.delete(p.id);
    expect(s.profiles.list().profiles.map((x) => x.name)).toEqual(['Prod (copy)', 'Prod (copy 2)']);
    expect(s.secrets.has(p.id)).toBe(false);
    expect(s.secrets.has(`${p.id}#previous`)).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain(p.id);
  });

  it('keeps the stored secret when the secret field is left empty, and replaces it on request', async () => {
    const s = services();
    const p = await s.profiles.save({ draft: draft(), secret: { action: 'replace', value: CANARY } });
    await s.profiles.save({ id: p.id, draft: draft({ name: 'Production EU' }), secret: { action: 'keep' } });
    expect(await s.profiles.secretOf(p.id)).toBe(CANARY);
    const replaced = await s.profiles.save({ id: p.id, draft: draft({ name: 'Production EU' }), secret: { action: 'replace', value: 'xyz8Q~anotherSecretValue0123456789abcdefgh' } });
    expect(replaced.secret.hint).toBe('xyz');
    expect(await s.profiles.secretOf(p.id)).toBe('xyz8Q~anotherSecretValue0123456789abcdefgh');
  });

  it('leaves a corrupt profiles file in place for readers, and the next save moves it aside and says where', async () => {
    const corrupt = '{"version":1,"profiles":[{"name": "Prod"';
    fs.writeFileSync(path.join(dir, 'profiles.json'), corrupt);
    const s = services();
    expect(s.profiles.list().profiles).toEqual([]);
    expect((await s.appInfo()).notices.find((n) => n.id === 'corrupt-store')?.message).toMatch(/kept unchanged for now/);
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).toBe(corrupt);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('profiles.corrupt-'))).toBe(false);
    await s.profiles.save({ draft: draft(), secret: { action: 'keep' } });
    const notice = (await s.appInfo()).notices.find((n) => n.id === 'corrupt-store');
    const moved = fs.readdirSync(dir).find((f) => f.startsWith('profiles.corrupt-'));
    expect(moved).toBeDefined();
    expect(notice?.message).toContain(path.join(dir, moved ?? ''));
    expect(fs.readFileSync(path.join(dir, moved ?? ''), 'utf8')).toBe(corrupt);
    expect(services().profiles.list().profiles).toHaveLength(1);
  });

  it('leaves a file from a newer version untouched and refuses to write over it', async () => {
    const newer = JSON.stringify({ version: 7, profiles: [{ anything: true }] });
    fs.writeFileSync(path.join(dir, 'profiles.json'), newer);
    const s = services();
    expect(s.profiles.list().profiles).toEqual([]);
    await expect(s.profiles.save({ draft: draft(), secret: { action: 'keep' } })).rejects.toThrow(/newer Federation Desk/);
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).toBe(newer);
  });

  it('runs migrations in order in memory, and the first write keeps a backup of the old file and writes the new format', () => {
    const files = confDocumentFiles(dir);
    const v3 = { version: 3, selectedId: null, profiles: [] as unknown[] };
    const v0 = JSON.stringify({ ...v3, version: 0, legacy: ['Prod'] });
    fs.writeFileSync(path.join(dir, 'profiles.json'), v0);
    const migrations: Record<number, Migration> = {
      0: (doc) => ({ ...doc, version: 1, profiles: [], selectedId: null, legacy: undefined }),
      1: MIGRATIONS[1] ?? ((doc) => doc),
      2: MIGRATIONS[2] ?? ((doc) => doc),
    };
    const store = new ProfileStore({ files, clock, migrations, currentVersion: 3 });
    expect(store.load()).toEqual({ ...v3, quarantine: [] });
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).toBe(v0);
    store.update((doc) => ({ next: doc, value: undefined }));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8'))).toEqual(v3);
    const backup = fs.readdirSync(dir).find((f) => f.startsWith('profiles.pre-v3-'));
    expect(JSON.parse(fs.readFileSync(path.join(dir, backup ?? ''), 'utf8')).legacy).toEqual(['Prod']);
  });

  it('migrates a version 1 file: every profile becomes an Octopus profile and nothing else changes', () => {
    const stored = {
      id: 'b5d0c2a4-1111-4222-8333-944455556666',
      name: 'Production',
      cloud: 'global',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      samlAppId: '11111111-2222-3333-4444-555555555555',
      apiAppId: '99999999-8888-7777-6666-555555555555',
      webUrl: 'https://octopus.contoso.com/',
      allowedDomains: ['contoso.com'],
      secretExpiresAt: '2027-05-31',
      secret: { storage: 'encrypted', hint: 'CAN', length: 40, updatedAt: '2026-01-02T03:04:05.000Z' },
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
      extensions: { checks: { kept: true } },
    };
    const v1Text = JSON.stringify({ version: 1, selectedId: stored.id, profiles: [stored] }, null, 2);
    fs.writeFileSync(path.join(dir, 'profiles.json'), v1Text);
    const s = services();
    const [view] = s.profiles.list().profiles;
    expect(view).toMatchObject({ id: stored.id, name: 'Production', target: 'octopus', webUrl: 'https://octopus.contoso.com/', secretExpiresAt: '2027-05-31' });
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).toBe(v1Text); // a reader never writes
    s.profiles.select(null);
    s.profiles.select(stored.id);
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8'));
    const { apiAppId, ...rest } = stored;
    expect(written).toEqual({ version: PROFILES_FORMAT_VERSION, selectedId: stored.id, profiles: [{ ...rest, clientId: apiAppId, target: 'octopus' }] });
    const backup = fs.readdirSync(dir).find((f) => f.startsWith(`profiles.pre-v${PROFILES_FORMAT_VERSION}-`));
    expect(fs.readFileSync(path.join(dir, backup ?? ''), 'utf8')).toBe(v1Text);
    expect(migrateV1ToV2({ version: 1, profiles: [{ target: 'octopus', id: 'x' }] })).toEqual({ version: 1, profiles: [{ target: 'octopus', id: 'x' }] });
  });

  it('stores a The Things Stack profile with its settings, and drops them when it moves back to Octopus', async () => {
    const s = services();
    const tts = await s.profiles.save({
      draft: draft({ target: 'the-things-stack', samlAppId: '', webUrl: '', allowedDomains: 'contoso.com', theThingsStack: { serverAddress: 'TTS.contoso.com', providerId: 'microsoft-entra' } }),
      secret: { action: 'keep' },
    });
    expect(tts).toMatchObject({ target: 'the-things-stack', theThingsStack: { serverAddress: 'tts.contoso.com', providerId: 'microsoft-entra' } });
    // Only its own fields: no Octopus field holds another meaning (the redirect URI is derived, not stored).
    expect(Object.keys(s.profiles.stored(tts.id))).not.toEqual(expect.arrayContaining(['samlAppId']));
    expect(Object.keys(s.profiles.stored(tts.id))).not.toContain('webUrl');
    expect(services().profiles.get(tts.id)).toEqual(tts);
    const back = await s.profiles.save({ id: tts.id, draft: draft({ target: 'octopus' }), secret: { action: 'keep' } });
    expect(back.target).toBe('octopus');
    expect(Object.keys(back)).not.toContain('theThingsStack');
    expect(Object.keys(s.profiles.stored(tts.id))).not.toContain('theThingsStack');
    await expect(
      s.profiles.save({ draft: draft({ name: 'Bad', target: 'the-things-stack', allowedDomains: '', theThingsStack: { serverAddress: 'tts.contoso.com', providerId: 'Entra--ID' } }), secret: { action: 'keep' } }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('writes its files readable by the current user only', async () => {
    const s = services();
    await s.profiles.save({ draft: draft(), secret: { action: 'replace', value: CANARY } });
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, 'profiles.json')).mode & 0o077).toBe(0);
      expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o077).toBe(0);
    }
  });
});
