/**
 * The client-secret rotation guide against the practice tenant ('healthy'), through the real secret
 * probe: a wrong value is refused and changes nothing; giving up half way keeps the old secret; a
 * proven value replaces it while the old one is kept until the rotation completes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previousSecretId } from '../../../electron/services/expiry';
import { draft, makeServices } from '../../unit/expiry/expiry-kit';

const OLD = 'Old8Q~0123456789abcdefghijklmnopqrstuvwx';
const WRONG = 'Bad8Q~0123456789abcdefghijklmnopqrstuvwx';
const clock = { now: () => new Date() };
const services = makeServices(clock);
afterAll(() => services.practice.stop());

async function practiceProfile(name: string) {
  const t = services.practice.values('healthy');
  const profile = await services.profiles.save({
    draft: draft({ name, cloud: 'practice', practiceScenario: 'healthy', tenantId: t.profile.tenantId, samlAppId: t.profile.samlAppId, clientId: t.profile.apiAppId, secretExpiresAt: '2026-12-31' }),
    secret: { action: 'replace', value: OLD },
  });
  return { profile, newSecret: t.profile.secret };
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const current = (id: string) => services.secrets.get(id);
const previous = (id: string) => services.secrets.get(previousSecretId(id));

describe('rotation guide', () => {
  it('deep-links to Certificates & secrets of the API app in the profile’s cloud', async () => {
    const p = await services.profiles.save({ draft: draft({ name: 'Global' }), secret: { action: 'keep' } });
    const { rotation } = services.rotation.start(p.id);
    expect(rotation.credentialsUrl).toBe('https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9');
    expect(rotation.previous).toBeNull();
    // Starting twice returns the rotation in progress.
    expect(services.rotation.start(p.id).rotation.startedAt).toBe(rotation.startedAt);
  });

  it('abandoned half way (after a failed proof) keeps the old secret and changes nothing', async () => {
    const { profile } = await practiceProfile('Half way');
    const { rotation } = services.rotation.start(profile.id);
    expect(rotation).toMatchObject({ stage: 'create', credentialsUrl: null, previous: { hint: 'Old', expiresAt: '2026-12-31' } });

    const refused = await services.rotation.prove(profile.id, WRONG, inDays(300));
    expect(refused.proven).toBe(false);
    expect(refused.status).toBe('failed');
    expect(refused.summary).toMatch(/7000215|invalid|not valid/i);
    expect(refused.rotation?.lastProof?.status).toBe('failed');
    expect(await current(profile.id)).toBe(OLD);
    expect(await previous(profile.id)).toBeNull();

    const idGuess = await services.rotation.prove(profile.id, '9a1b2c3d-4e5f-6789-abcd-ef0123456789', inDays(300));
    expect(idGuess.proven).toBe(false);
    expect(idGuess.issues[0]).toMatchObject({ field: 'secret', severity: 'error' });
    const pastDate = await services.rotation.prove(profile.id, WRONG, '2020-01-01');
    expect(pastDate.issues[0]).toMatchObject({ field: 'secretExpiresAt', severity: 'error' });

    expect(await services.rotation.abandon(profile.id)).toEqual({ rotation: null, restored: false });
    expect(await current(profile.id)).toBe(OLD);
    expect(services.profiles.get(profile.id)).toMatchObject({ secretExpiresAt: '2026-12-31', secret: { hint: 'Old', present: true } });
    expect(services.rotation.get(profile.id)).toBeNull();
  });

  it('a proven secret replaces the stored one, the old one is kept for the overlap, and complete forgets it', async () => {
    const { profile, newSecret } = await practiceProfile('Proven');
    services.rotation.start(profile.id);
    const expires = inDays(300);
    const result = await services.rotation.prove(profile.id, ` ${newSecret} `, expires);
    expect(result).toMatchObject({ proven: true, status: 'passed' });
    expect(result.rotation).toMatchObject({ stage: 'overlap', previous: { hint: 'Old' }, next: { hint: newSecret.slice(0, 3), expiresAt: expires } });
    expect(Date.parse(result.rotation?.overlapUntil ?? '') - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await current(profile.id)).toBe(newSecret);
    expect(await previous(profile.id)).toBe(OLD);
    expect(services.profiles.get(profile.id).secretExpiresAt).toBe(expires);

    // The rotation's state never holds a secret value.
    const stored = JSON.stringify(services.profiles.stored(profile.id));
    expect(stored).not.toContain(newSecret);
    expect(stored).not.toContain(OLD);
    const onDisk = fs
      .readdirSync(services.ports.dataDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'latin1'))
      .join('\n');
    expect(onDisk).not.toContain(newSecret);
    expect(onDisk).not.toContain(OLD);

    await expect(services.rotation.prove(profile.id, newSecret, expires)).rejects.toThrow(/already proven/);
    expect(await services.rotation.complete(profile.id)).toEqual({ rotation: null });
    expect(await previous(profile.id)).toBeNull();
    expect(await current(profile.id)).toBe(newSecret);
  });

  it('abandoned after the proof puts the old secret and its date back', async () => {
    const { profile, newSecret } = await practiceProfile('Undo');
    await services.rotation.prove(profile.id, newSecret, inDays(200)); // starts implicitly
    expect(await current(profile.id)).toBe(newSecret);
    expect(await services.rotation.abandon(profile.id)).toEqual({ rotation: null, restored: true });
    expect(await current(profile.id)).toBe(OLD);
    expect(await previous(profile.id)).toBeNull();
    expect(services.profiles.get(profile.id).secretExpiresAt).toBe('2026-12-31');
  });

  it('refuses the value already stored', async () => {
    const { profile } = await practiceProfile('Same');
    const r = await services.rotation.prove(profile.id, OLD, inDays(100));
    expect(r.proven).toBe(false);
    expect(r.issues.map((i) => i.message).join(' ')).toMatch(/already stored/);
  });
});
