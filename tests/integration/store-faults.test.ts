/**
 * The fault suite of the profile and secret store: many writers at once (in processes and in one
 * process), a crash between a secret's write and its profile's, and files that are corrupt, from a
 * newer version, start with a byte-order mark, or hold null or an array.
 */
import { profileRecordFromFormat2 } from '../../shared/profile';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/app-services';
import type { DocumentFileFactory } from '../../electron/services/ports';
import { confDocumentFiles } from '../../electron/services/conf-document-file';
import { EMPTY_DRAFT, type ProfileDraft } from '../../shared/profile';
import { FEDERATION_FIELDS, storedRecord } from '../fixtures/profiles/stored-record';
import { ephemeralKeyVault } from '../harness/test-vault';
import { testAppServices } from '../helpers/app-services';
import { outputOf, type ProcessRun } from '../helpers/child-output';
import { runCliInProcess } from '../helpers/run-cli';

const draft = (name: string, over: Partial<ProfileDraft> = {}): ProfileDraft => ({
  ...EMPTY_DRAFT,
  name,
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  samlAppId: '11111111-2222-3333-4444-555555555555',
  clientId: '99999999-8888-7777-6666-555555555555',
  webUrl: 'https://octopus.contoso.com/',
  ...over,
});
const secretFor = (i: number) => `abc8Q~secret-number-${i}-0123456789abcdefghijkl`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-faults-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const storedNames = (): string[] => (readJson('profiles.json').profiles as { name: string }[]).map((p) => p.name).sort();
const storedSecretIds = (): string[] => Object.keys(readJson('secrets.json').secrets).sort();
const storedProfileIds = (): string[] => (readJson('profiles.json').profiles as { id: string }[]).map((p) => p.id).sort();

function runWriter(prefix: string, count: number): Promise<ProcessRun> {
  return outputOf(spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/store-writer.ts', dir, prefix, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] }));
}

const federation = FEDERATION_FIELDS;

const exported = (name: string, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'federation-desk-profile',
    version: 1,
    exportedAt: '2026-11-23T10:00:00.000Z',
    profile: { name, ...federation, ...over },
  });

describe('many writers at once', () => {
  it('loses no profile and leaves no orphan secret when 4 processes save 15 profiles each', { timeout: 120_000 }, async () => {
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((p) => runWriter(p, 15)));
    for (const r of results) expect({ code: r.code, stdout: r.stdout.trim(), stderr: r.stderr }).toEqual({ code: 0, stdout: '15', stderr: '' });
    const expected = ['a', 'b', 'c', 'd'].flatMap((p) => Array.from({ length: 15 }, (_, i) => `${p}-${i}`)).sort();
    expect(storedNames()).toEqual(expected);
    expect(storedSecretIds()).toEqual(storedProfileIds());
  });

  it('keeps every profile when `profiles import` runs in 4 processes at once', { timeout: 120_000 }, async () => {
    const files = ['one', 'two', 'three', 'four'].map((n) => {
      const f = path.join(dir, `${n}.export.json`);
      fs.writeFileSync(f, exported(`Imported ${n}`));
      return f;
    });
    // One run first: bin/ rebuilds a stale CLI bundle, which four runs at once should not all do.
    execFileSync(process.execPath, ['bin/federation-desk.mjs', '--version']);
    const runs = await Promise.all(
      files.map(
        (f) =>
          new Promise<number | null>((resolve, reject) => {
            const child = spawn(process.execPath, ['bin/federation-desk.mjs', 'profiles', 'import', f, '--data-dir', dir], { stdio: 'ignore' });
            child.on('error', reject);
            child.on('close', resolve);
          }),
      ),
    );
    expect(runs).toEqual([0, 0, 0, 0]);
    expect(storedNames()).toEqual(['Imported four', 'Imported one', 'Imported three', 'Imported two']);
  });

  it('keeps all 10 profiles and their 10 secrets when 10 saves with a secret arrive at once in one process', async () => {
    const s = testAppServices(dir);
    const saved = await Promise.all(Array.from({ length: 10 }, (_, i) => s.profiles.save({ draft: draft(`Tenant ${i}`), secret: { action: 'replace', value: secretFor(i) } })));
    expect(s.profiles.list().profiles.map((p) => p.name).sort()).toEqual(saved.map((p) => p.name).sort());
    expect(storedSecretIds()).toEqual(storedProfileIds());
    for (const [i, p] of saved.entries()) expect(await s.profiles.secretOf(p.id)).toBe(secretFor(i));
  });

  it('refuses, with a message that says nothing was saved, when another process holds the folder too long', () => {
    const s = testAppServices(dir);
    fs.mkdirSync(s.store.lock.lockPath); // what another process holding the lock leaves on disk
    expect(() => s.store.lock.run(() => 1, 50)).toThrow(/nothing was saved/);
    fs.rmdirSync(s.store.lock.lockPath);
    expect(s.store.lock.run(() => 2, 50)).toBe(2);
  });

  it('takes over a lock left by a process that died inside its section', async () => {
    const s = testAppServices(dir);
    fs.mkdirSync(s.store.lock.lockPath);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(s.store.lock.lockPath, old, old);
    await s.profiles.save({ draft: draft('After a crash'), secret: { action: 'keep' } });
    expect(storedNames()).toEqual(['After a crash']);
    expect(fs.existsSync(s.store.lock.lockPath)).toBe(false);
  });
});

describe('a crash between the secret and the profile', () => {
  it('leaves a secret without a profile that the next start removes; other secrets stay', async () => {
    const key = Buffer.alloc(32, 7);
    const first = testAppServices(dir, { vault: ephemeralKeyVault({ key }) });
    const kept = await first.profiles.save({ draft: draft('Kept'), secret: { action: 'replace', value: secretFor(1) } });
    // The process dies as it writes the profiles file: the secret is already on disk.
    const real = confDocumentFiles(dir);
    const dying: DocumentFileFactory = (name) => {
      const file = real(name);
      return name === 'profiles' ? { ...file, write: () => { throw new Error('process killed'); } } : file;
    };
    const crashed = testAppServices(dir, { files: dying, vault: ephemeralKeyVault({ key }) });
    await expect(crashed.profiles.save({ draft: draft('Lost in the crash'), secret: { action: 'replace', value: secretFor(2) } })).rejects.toThrow(/process killed/);
    expect(storedSecretIds()).toHaveLength(2);

    const restarted: AppServices = testAppServices(dir, { vault: ephemeralKeyVault({ key }) });
    await restarted.appInfo();
    expect(storedSecretIds()).toEqual([kept.id]);
    expect(await restarted.profiles.secretOf(kept.id)).toBe(secretFor(1));
  });

  it('an unreadable profiles file does not cost the secrets of the profiles in it, at start or at the next save', async () => {
    const key = Buffer.alloc(32, 9);
    const first = testAppServices(dir, { vault: ephemeralKeyVault({ key }) });
    const p = await first.profiles.save({ draft: draft('Kept secret'), secret: { action: 'replace', value: secretFor(4) } });
    fs.writeFileSync(path.join(dir, 'profiles.json'), '{"version":2,"profiles":[ cut off');
    const next = testAppServices(dir, { vault: ephemeralKeyVault({ key }) });
    await next.appInfo();
    await next.profiles.save({ draft: draft('New one'), secret: { action: 'keep' } });
    expect(storedSecretIds()).toContain(p.id);
  });

  it('a crash after a delete wrote the profiles file leaves an orphan that the next start removes', async () => {
    const s = testAppServices(dir);
    const p = await s.profiles.save({ draft: draft('Gone'), secret: { action: 'replace', value: secretFor(3) } });
    const doc = readJson('profiles.json');
    fs.writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ ...doc, profiles: [], selectedId: null }));
    expect(storedSecretIds()).toEqual([p.id]);
    await testAppServices(dir).appInfo();
    expect(storedSecretIds()).toEqual([]);
  });
});

const valid = (id: string, name: string) => storedRecord(id, name);

describe('per-record quarantine', () => {
  const badName = { ...valid('c3', 'x'.repeat(65)) };
  const badCloud = { ...valid('c4', 'Mars'), cloud: 'mars' };
  const writeDoc = (profiles: unknown[]) => fs.writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ version: 2, selectedId: 'c1', profiles }));

  it('loads the good profiles, lists the bad ones with their reason, and never moves the file', async () => {
    writeDoc([valid('c1', 'Production'), badName, valid('c2', 'Staging'), badCloud]);
    const before = fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8');
    const s = testAppServices(dir);
    const list = s.profiles.list();
    expect(list.profiles.map((p) => p.name)).toEqual(['Production', 'Staging']);
    expect(list.quarantine?.map((q) => [q.id, q.reason])).toEqual([
      ['c3', expect.stringMatching(/^name: .*64/)],
      ['c4', expect.stringMatching(/^cloud: /)],
    ]);
    expect((await s.appInfo()).notices.find((n) => n.id === 'quarantine')?.message).toMatch(/Kept aside, unchanged/);
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('profiles.'))).toEqual(['profiles.json']);
  });

  it('keeps a quarantined record through other saves, repairs one and deletes another', async () => {
    writeDoc([valid('c1', 'Production'), badName, badCloud]);
    const s = testAppServices(dir);
    await s.profiles.save({ draft: draft('Another'), secret: { action: 'keep' } });
    const raw = readJson('profiles.json').profiles as { id: string }[];
    // Kept as it is, in today's format (the backup made before the migration holds it byte for byte).
    expect(raw.find((r) => r.id === 'c4')).toEqual(profileRecordFromFormat2(badCloud));
    const [nameKey, cloudKey] = (s.profiles.list().quarantine ?? []).map((q) => q.key);
    const repaired = s.profiles.repairQuarantined(cloudKey ?? '');
    expect(repaired.profile).toMatchObject({ id: 'c4', name: 'Mars', cloud: 'global' });
    expect(repaired.changes.join(' ')).toMatch(/Cloud "mars" is not one Federation Desk knows/);
    const copy = fs.readdirSync(dir).find((f) => f.startsWith('profiles.repaired-'));
    expect(JSON.parse(fs.readFileSync(path.join(dir, copy ?? ''), 'utf8'))).toEqual(profileRecordFromFormat2(badCloud));
    s.profiles.deleteQuarantined(nameKey ?? '');
    const after = s.profiles.list();
    expect(after.quarantine).toEqual([]);
    expect(after.profiles.map((p) => p.name).sort()).toEqual(['Another', 'Mars', 'Production']);
  });

  it('reads a file that starts with a UTF-8 byte-order mark', () => {
    fs.writeFileSync(path.join(dir, 'profiles.json'), `\uFEFF${JSON.stringify({ version: 2, selectedId: null, profiles: [valid('c1', 'A'), valid('c2', 'B'), valid('c3', 'C')] })}`);
    expect(testAppServices(dir).profiles.list().profiles).toHaveLength(3);
  });

  it('saves into a file that starts with a UTF-8 byte-order mark, keeping the profiles in it', async () => {
    fs.writeFileSync(path.join(dir, 'profiles.json'), `\uFEFF${JSON.stringify({ version: 2, selectedId: null, profiles: [valid('c1', 'A')] })}`);
    await testAppServices(dir).profiles.save({ draft: draft('B'), secret: { action: 'keep' } });
    expect(storedNames()).toEqual(['A', 'B']);
  });

  it.each([['null'], ['[]'], ['']])('does not take a file holding %j for an empty store: readers leave it, the next save moves it aside', async (content) => {
    fs.writeFileSync(path.join(dir, 'profiles.json'), content);
    const s = testAppServices(dir);
    expect(s.profiles.list().profiles).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).toBe(content);
    expect((await s.appInfo()).notices.find((n) => n.id === 'corrupt-store')).toBeDefined();
    await s.profiles.save({ draft: draft('New'), secret: { action: 'keep' } });
    const moved = fs.readdirSync(dir).find((f) => f.startsWith('profiles.corrupt-'));
    expect(fs.readFileSync(path.join(dir, moved ?? ''), 'utf8')).toBe(content);
    expect(storedNames()).toEqual(['New']);
  });

  it('a newer-version profiles file stays untouched, the list says read-only, and every write is refused', async () => {
    const newer = JSON.stringify({ version: 9, profiles: [{ anything: true }] });
    fs.writeFileSync(path.join(dir, 'profiles.json'), newer);
    const s = testAppServices(dir);
    expect(s.profiles.list().readOnly).toMatch(/newer Federation Desk.*read-only/);
    await expect(s.profiles.save({ draft: draft('X'), secret: { action: 'keep' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(() => s.profiles.select(null)).toThrow(/newer Federation Desk/);
    await s.appInfo();
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).toBe(newer);
  });
});

describe('the secrets file', () => {
  it.each([
    ['unreadable', '{"version":1,"secrets":', 'secrets-unreadable'],
    ['from a newer version', JSON.stringify({ version: 5, secrets: { a: 1 } }), 'secrets-newer-format'],
  ])('when %s, is never moved by a reader (`profiles list`), and the app says so', async (_label, content, noticeId) => {
    fs.writeFileSync(path.join(dir, 'secrets.json'), content);
    fs.writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ version: 2, selectedId: null, profiles: [{ ...valid('c1', 'P'), secret: { storage: 'encrypted', hint: 'abc', length: 40, updatedAt: null } }] }));
    const run = await runCliInProcess(['profiles', 'list', '--data-dir', dir]);
    expect(run.code).toBe(0);
    const s = testAppServices(dir);
    expect(s.profiles.list().profiles[0]?.secret.present).toBe(false);
    expect((await s.appInfo()).notices.map((n) => n.id)).toContain(noticeId);
    expect(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).toBe(content);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('secrets.'))).toEqual(['secrets.json']);
  });

  it('a newer-version secrets file refuses a new secret and is left as it was', async () => {
    const newer = JSON.stringify({ version: 5, secrets: {} });
    fs.writeFileSync(path.join(dir, 'secrets.json'), newer);
    const s = testAppServices(dir);
    await expect(s.profiles.save({ draft: draft('P'), secret: { action: 'replace', value: secretFor(1) } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).toBe(newer);
    expect(s.profiles.list().profiles).toEqual([]);
  });
});

describe('malicious imports', () => {
  it('a stored name with control characters is quarantined and `profiles list` never prints them', async () => {
    fs.writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ version: 2, selectedId: null, profiles: [storedRecord('c1', 'Good'), storedRecord('c2', 'Evil\u001b]0;pwned\u0007')] }));
    const run = await runCliInProcess(['profiles', 'list', '--data-dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Good\t/);
    expect(run.stderr).toContain('"Evil?]0;pwned?"');
    expect([...`${run.stdout}${run.stderr}`].filter((ch) => ch !== '\n' && ch !== '\t' && (ch.codePointAt(0) ?? 0) < 0x20)).toEqual([]);
  });


  it.each([['/etc/passwd'], ['\\\\attacker.example\\share\\s.json'], ['../../scenario.json'], ['not-a-scenario']])(
    'refuses a practice scenario that is not a built-in name: %s',
    async (scenario) => {
      const file = path.join(dir, 'in.json');
      fs.writeFileSync(file, exported('Practice', { cloud: 'practice', practiceScenario: scenario }));
      const run = await runCliInProcess(['profiles', 'import', file, '--data-dir', dir]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/scenario/i);
      expect(fs.existsSync(path.join(dir, 'profiles.json')) ? storedNames() : []).toEqual([]);
    },
  );

  it('refuses control characters in a profile name and never prints them', async () => {
    const file = path.join(dir, 'in.json');
    fs.writeFileSync(file, exported('Evil\u001b[2J\u0007name'));
    const run = await runCliInProcess(['profiles', 'import', file, '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/control character U\+001B/);
    expect([...run.stderr].filter((ch) => ch !== '\n' && (ch.codePointAt(0) ?? 0) < 0x20)).toEqual([]);
  });
});
