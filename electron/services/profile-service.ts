/**
 * Federation profiles: list, create, update, rename, duplicate, delete, select, and the records kept
 * in quarantine. The field rules of shared/profile.ts run again here, so the renderer cannot store
 * anything they refuse.
 *
 * Every change is one section under the data folder's lock (ProfileStore.update): read fresh, change,
 * write atomically. A profile and its secret are written in the same section, the secret first and
 * removed after: a crash in between leaves at most a secret without a profile, which the next write
 * (and the app's start, through `repair`) removes.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { CLOUD_IDS } from '../../shared/clouds';
import { DeskError } from '../../shared/ipc-core';
import type { ProfileList, SecretAction } from '../../shared/ipc-profiles';
import {
  PROFILE_NAME_MAX,
  normalizeName,
  normalizeSecret,
  printable,
  profileFields,
  secretHint,
  singleLineIssue,
  validateDraft,
  validateName,
  type ProfileDraft,
  type ProfileView,
} from '../../shared/profile';
import { DEFAULT_TARGET, TARGET_IDS } from '../../shared/targets/target-ids';
import { isBuiltInScenario } from '../simulator/scenarios';
import { fileStamp } from './data-folder';
import { StoredProfileSchema, StoredSecretMetaSchema, type LoadedProfiles, type ProfileStore, type ProfilesDocument, type StoredProfile } from './profile-store';
import { isoDay, type Clock } from './ports';
import type { SealedSecret, SecretService } from './secret-service';
export interface ProfileSaveInput {
  id?: string;
  draft: ProfileDraft;
  secret: SecretAction;
}

type Change<T> = { next: LoadedProfiles | null; value: T };

export class ProfileService {
  constructor(
    private readonly store: ProfileStore,
    private readonly secrets: SecretService,
    private readonly clock: Clock,
  ) {}

  list(): ProfileList {
    const doc = this.store.load();
    const selectedId = doc.profiles.some((p) => p.id === doc.selectedId) ? doc.selectedId : null;
    const readOnly = this.store.isReadOnly();
    return {
      profiles: doc.profiles.map((p) => this.view(p)),
      selectedId,
      quarantine: doc.quarantine.map(({ key, id, name, reason }) => ({ key, id, name, reason })),
      ...(readOnly ? { readOnly } : {}),
    };
  }

  get(id: string): ProfileView {
    return this.view(this.find(this.store.load(), id));
  }

  /** The stored record by id (main-side only: probes and diagnostics read it). */
  stored(id: string): StoredProfile {
    return this.find(this.store.load(), id);
  }

  findByName(name: string): StoredProfile | undefined {
    const wanted = normalizeName(name).toLowerCase();
    return this.store.load().profiles.find((p) => p.name.toLowerCase() === wanted);
  }

  /** The decrypted secret, for probes in main. Never crosses to the renderer. */
  secretOf(id: string): Promise<string | null> {
    return this.secrets.get(id);
  }

  async save(input: ProfileSaveInput): Promise<ProfileView> {
    // Encryption is asynchronous, so it happens before the write section, which is not.
    const sealed: SealedSecret | null = input.secret.action === 'replace' ? await this.secrets.seal(normalizeSecret(input.secret.value)) : null;
    return this.transact((doc) => {
      const existing = input.id === undefined ? undefined : this.find(doc, input.id);
      const otherNames = doc.profiles.filter((p) => p.id !== existing?.id).map((p) => p.name);
      const secretStored = existing !== undefined && input.secret.action === 'keep' && this.secrets.has(existing.id);
      const secretRaw = input.secret.action === 'replace' ? input.secret.value : '';
      const result = validateDraft(input.draft, secretRaw, { otherNames, secretStored, today: isoDay(this.clock) });
      const scenario = input.draft.cloud === 'practice' ? input.draft.practiceScenario : undefined;
      if (result.fields && scenario && !isBuiltInScenario(scenario))
        result.issues.push({ field: 'cloud', severity: 'error', message: `"${scenario}" is not a practice scenario. Pick one from the list.` });
      const errors = result.issues.filter((i) => i.severity === 'error');
      if (!result.fields || errors.length > 0) throw new DeskError('validation', `The profile was not saved: ${errors.map((e) => e.message).join(' ')}`, errors);
      const now = this.clock.now().toISOString();
      const id = existing?.id ?? randomUUID();
      let secret = existing?.secret ?? { storage: 'none' as const, hint: null, length: null, updatedAt: null };
      if (sealed) {
        const storage = this.secrets.commit(id, sealed);
        secret = { storage, hint: secretHint(sealed.value), length: sealed.value.length, updatedAt: now };
      } else if (input.secret.action === 'clear') {
        this.secrets.remove([id]);
        secret = { storage: 'none', hint: null, length: null, updatedAt: now };
      }
      const { practiceScenario, ...fields } = result.fields;
      // Made from the validated fields alone: a profile moved to another target keeps no settings of the one it left.
      const record: StoredProfile = {
        ...fields,
        ...(practiceScenario ? { practiceScenario } : {}),
        id,
        secret,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        ...(existing?.extensions ? { extensions: existing.extensions } : {}),
      };
      const profiles = existing ? doc.profiles.map((p) => (p.id === id ? record : p)) : [...doc.profiles, record];
      return { next: { ...doc, profiles, selectedId: existing ? doc.selectedId : id }, value: this.view(record) };
    });
  }

  rename(id: string, name: string): ProfileView {
    return this.transact((doc) => {
      const profile = this.find(doc, id);
      const issues = validateName(name, doc.profiles.filter((p) => p.id !== id).map((p) => p.name));
      if (issues.length > 0) throw new DeskError('validation', issues.map((i) => i.message).join(' '), issues);
      const record = { ...profile, name: normalizeName(name), updatedAt: this.clock.now().toISOString() };
      return { next: { ...doc, profiles: doc.profiles.map((p) => (p.id === id ? record : p)) }, value: this.view(record) };
    });
  }

  /** A copy under the first free name "X (copy)", "X (copy 2)"...; the secret is not copied. */
  duplicate(id: string): ProfileView {
    return this.transact((doc) => {
      const source = this.find(doc, id);
      const now = this.clock.now().toISOString();
      const { extensions: _history, ...rest } = source;
      const record: StoredProfile = {
        ...rest,
        id: randomUUID(),
        name: freeName(source.name, doc, ' (copy)', (n) => ` (copy ${n})`),
        secret: { storage: 'none', hint: null, length: null, updatedAt: null },
        createdAt: now,
        updatedAt: now,
      };
      return { next: { ...doc, profiles: [...doc.profiles, record], selectedId: record.id }, value: this.view(record) };
    });
  }

  async delete(id: string): Promise<void> {
    this.transact((doc) => {
      this.find(doc, id);
      const profiles = doc.profiles.filter((p) => p.id !== id);
      return { next: { ...doc, profiles, selectedId: doc.selectedId === id ? (profiles[0]?.id ?? null) : doc.selectedId }, value: undefined };
    });
    // After the profile is gone (a crash before this leaves an orphan the next write removes). The
    // secret kept from a rotation in progress goes with the profile too.
    this.secrets.remove([id, `${id}#previous`]);
  }

  select(id: string | null): void {
    this.transact((doc) => {
      if (id !== null) this.find(doc, id);
      return { next: doc.selectedId !== id ? { ...doc, selectedId: id } : null, value: undefined };
    });
  }

  /** Read and replace one feature's per-profile state (mode history, check results...). */
  updateExtension(id: string, key: string, update: (current: unknown) => unknown): void {
    this.transact((doc) => {
      const profile = this.find(doc, id);
      const record = { ...profile, extensions: { ...(profile.extensions ?? {}), [key]: update(profile.extensions?.[key]) } };
      return { next: { ...doc, profiles: doc.profiles.map((p) => (p.id === id ? record : p)) }, value: undefined };
    });
  }

  /** Removes what a crash between a secret's write and its profile's left behind; run at start. */
  repair(): string[] {
    const doc = this.store.load();
    return this.store.lastReadComplete() ? this.secrets.pruneOrphans(liveIds(doc)) : [];
  }

  /** Deletes a quarantined record (and its stored secret, unless a valid profile has the same id). */
  deleteQuarantined(key: string): void {
    this.transact((doc) => {
      this.findQuarantined(doc, key);
      return { next: { ...doc, quarantine: doc.quarantine.filter((q) => q.key !== key) }, value: undefined };
    });
  }

  /**
   * Turns a quarantined record back into a profile: every field that breaks a rule is reset to a
   * value the store accepts (the reply lists each one), so the user can finish in the editor. The
   * record as it was is first copied next to the profiles file, so nothing is lost.
   */
  repairQuarantined(key: string): { profile: ProfileView; changes: string[] } {
    return this.transact((doc) => {
      const q = this.findQuarantined(doc, key);
      const { record, changes } = repairRecord(q.record, doc, this.clock.now().toISOString());
      const backup = this.store.path.replace(/\.json$/, `.repaired-${fileStamp(this.clock.now())}-${key}.json`);
      fs.writeFileSync(backup, JSON.stringify(q.record, null, 2), { mode: 0o600 });
      changes.push(`The record as it was is kept in ${backup}.`);
      return {
        next: { ...doc, profiles: [...doc.profiles, record], quarantine: doc.quarantine.filter((x) => x.key !== key), selectedId: record.id },
        value: { profile: this.view(record), changes },
      };
    });
  }

  /** One write section: the store's update, then stored secrets without a profile are removed. */
  private transact<T>(change: (doc: LoadedProfiles) => Change<T>): T {
    return this.store.lock.run(() => {
      let written: LoadedProfiles | null = null;
      let complete = false;
      const value = this.store.update((doc) => {
        complete = this.store.lastReadComplete();
        const result = change(doc);
        written = result.next;
        return result;
      });
      if (written && complete) this.secrets.pruneOrphans(liveIds(written));
      return value;
    });
  }

  private findQuarantined(doc: LoadedProfiles, key: string) {
    const q = doc.quarantine.find((x) => x.key === key);
    if (!q) throw new DeskError('not-found', 'That quarantined profile is no longer there. It may have been repaired or deleted in another window or by the CLI.');
    return q;
  }

  private find(doc: ProfilesDocument, id: string): StoredProfile {
    const profile = doc.profiles.find((p) => p.id === id);
    if (!profile) throw new DeskError('not-found', 'That profile no longer exists. It may have been deleted in another window or by the CLI.');
    return profile;
  }

  private view(p: StoredProfile): ProfileView {
    const present = p.secret.storage !== 'none' && this.secrets.has(p.id);
    return {
      id: p.id,
      ...profileFields(p),
      secret: { present, storage: p.secret.storage, hint: p.secret.hint, length: p.secret.length, updatedAt: p.secret.updatedAt },
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

/** Every profile id that may own a stored secret: valid profiles and quarantined ones. */
function liveIds(doc: LoadedProfiles): Set<string> {
  const ids = new Set(doc.profiles.map((p) => p.id));
  for (const q of doc.quarantine) if (q.id) ids.add(q.id);
  return ids;
}

/** `base`, or `base` + a suffix, cut to the name limit, that no profile in `doc` uses yet. */
function freeName(base: string, doc: ProfilesDocument, first: string, nth: (n: number) => string): string {
  const taken = new Set(doc.profiles.map((p) => p.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? first : nth(n);
    const name = `${base.slice(0, PROFILE_NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A stored record the schema accepts, built from a quarantined one, and what had to change. */
function repairRecord(raw: unknown, doc: LoadedProfiles, now: string): { record: StoredProfile; changes: string[] } {
  const r: Record<string, unknown> = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const changes: string[] = [];
  const rawName = str(r.name);
  let name = normalizeName([...rawName].filter((ch) => singleLineIssue(ch) === null).join('')).slice(0, PROFILE_NAME_MAX) || 'Repaired profile';
  if (doc.profiles.some((p) => p.name.toLowerCase() === name.toLowerCase())) name = freeName(name, doc, ' (repaired)', (n) => ` (repaired ${n})`);
  if (name !== rawName) changes.push(`Name "${printable(rawName)}" became "${name}".`);
  const cloud = (CLOUD_IDS as readonly unknown[]).includes(r.cloud) ? (r.cloud as StoredProfile['cloud']) : 'global';
  if (cloud !== r.cloud) changes.push(`Cloud "${String(r.cloud)}" is not one Federation Desk knows; it is now Global: check it.`);
  const target = (TARGET_IDS as readonly unknown[]).includes(r.target) ? (r.target as StoredProfile['target']) : DEFAULT_TARGET;
  if (target !== r.target) changes.push(`Target "${String(r.target)}" is unknown; it is now ${DEFAULT_TARGET}.`);
  let practiceScenario: string | undefined;
  if (cloud === 'practice') {
    practiceScenario = isBuiltInScenario(str(r.practiceScenario)) ? str(r.practiceScenario) : 'healthy';
    if (practiceScenario !== r.practiceScenario) changes.push(`Practice scenario "${String(r.practiceScenario)}" is not a built-in scenario's name; it is now "healthy".`);
  }
  const secret = StoredSecretMetaSchema.safeParse(r.secret);
  const id = typeof r.id === 'string' && r.id.length > 0 && !doc.profiles.some((p) => p.id === r.id) ? r.id : randomUUID();
  const candidate: Record<string, unknown> = {
    ...r,
    id,
    name,
    cloud,
    target,
    tenantId: str(r.tenantId),
    clientId: str(r.clientId),
    ...(target === 'octopus' ? { samlAppId: str(r.samlAppId), webUrl: str(r.webUrl) } : {}),
    allowedDomains: Array.isArray(r.allowedDomains) ? r.allowedDomains.filter((d): d is string => typeof d === 'string') : [],
    secretExpiresAt: typeof r.secretExpiresAt === 'string' ? r.secretExpiresAt : null,
    ...(practiceScenario ? { practiceScenario } : { practiceScenario: undefined }),
    secret: secret.success ? secret.data : { storage: 'none', hint: null, length: null, updatedAt: null },
    createdAt: str(r.createdAt) || now,
    updatedAt: now,
  };
  const parsed = StoredProfileSchema.safeParse(candidate);
  if (parsed.success) return { record: parsed.data, changes };
  // Target settings or extensions the schema refuses: drop them and say so.
  const { theThingsStack: _t, authentik: _a, workspaceSso: _w, extensions: _e, ...plain } = candidate;
  changes.push('Settings of the target or of later features that could not be read were dropped; the copy of the record keeps them.');
  const withoutExtensions = StoredProfileSchema.safeParse(plain);
  if (withoutExtensions.success) return { record: withoutExtensions.data, changes };
  // The target's own settings are what could not be read: without them it can only be an Octopus profile to fill in.
  changes.push(`The ${String(target)} settings could not be read; it is now an ${DEFAULT_TARGET} profile without a Web URL: fill it in, or delete it and import the copy again.`);
  return { record: StoredProfileSchema.parse({ ...plain, target: DEFAULT_TARGET, samlAppId: str(r.samlAppId), webUrl: str(r.webUrl) }), changes };
}
