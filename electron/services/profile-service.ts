/**
 * Federation profiles: list, create, update, rename, duplicate, delete, select. The field rules of
 * shared/profile.ts run again here, so the renderer cannot store anything they refuse.
 */
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../shared/ipc-core';
import type { ProfileList, SecretAction } from '../../shared/ipc-profiles';
import {
  PROFILE_NAME_MAX,
  normalizeName,
  normalizeSecret,
  secretHint,
  validateDraft,
  validateName,
  type ProfileDraft,
  type ProfileView,
} from '../../shared/profile';
import type { ProfileStore, ProfilesDocument, StoredProfile } from './profile-store';
import { isoDay, type Clock } from './ports';
import type { SecretService } from './secret-service';

export interface ProfileSaveInput {
  id?: string;
  draft: ProfileDraft;
  secret: SecretAction;
}

export class ProfileService {
  constructor(
    private readonly store: ProfileStore,
    private readonly secrets: SecretService,
    private readonly clock: Clock,
  ) {}

  list(): ProfileList {
    const doc = this.store.load();
    const selectedId = doc.profiles.some((p) => p.id === doc.selectedId) ? doc.selectedId : null;
    return { profiles: doc.profiles.map((p) => this.view(p)), selectedId };
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
    const doc = this.store.load();
    const existing = input.id === undefined ? undefined : this.find(doc, input.id);
    const otherNames = doc.profiles.filter((p) => p.id !== existing?.id).map((p) => p.name);
    const secretStored = existing !== undefined && input.secret.action === 'keep' && this.secrets.has(existing.id);
    const secretRaw = input.secret.action === 'replace' ? input.secret.value : '';
    const result = validateDraft(input.draft, secretRaw, { otherNames, secretStored, today: isoDay(this.clock) });
    if (!result.fields) {
      const errors = result.issues.filter((i) => i.severity === 'error');
      throw new DeskError('validation', `The profile was not saved: ${errors.map((e) => e.message).join(' ')}`, errors);
    }
    const now = this.clock.now().toISOString();
    const id = existing?.id ?? randomUUID();
    let secret = existing?.secret ?? { storage: 'none' as const, hint: null, length: null, updatedAt: null };
    if (input.secret.action === 'replace') {
      const value = normalizeSecret(input.secret.value);
      const storage = await this.secrets.put(id, value);
      secret = { storage, hint: secretHint(value), length: value.length, updatedAt: now };
    } else if (input.secret.action === 'clear') {
      await this.secrets.delete(id);
      secret = { storage: 'none', hint: null, length: null, updatedAt: now };
    }
    const { practiceScenario, ...fields } = result.fields;
    const record: StoredProfile = {
      ...(existing ?? {}),
      ...fields,
      ...(practiceScenario ? { practiceScenario } : {}),
      id,
      secret,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (!practiceScenario) delete record.practiceScenario;
    // A profile moved to another target keeps no settings of the one it left.
    if (!fields.theThingsStack) delete record.theThingsStack;
    if (!fields.authentik) delete record.authentik;
    if (!fields.workspaceSso) delete record.workspaceSso;
    const profiles = existing ? doc.profiles.map((p) => (p.id === id ? record : p)) : [...doc.profiles, record];
    this.store.save({ ...doc, profiles, selectedId: existing ? doc.selectedId : id });
    return this.view(record);
  }

  rename(id: string, name: string): ProfileView {
    const doc = this.store.load();
    const profile = this.find(doc, id);
    const issues = validateName(name, doc.profiles.filter((p) => p.id !== id).map((p) => p.name));
    if (issues.length > 0) throw new DeskError('validation', issues.map((i) => i.message).join(' '), issues);
    const record = { ...profile, name: normalizeName(name), updatedAt: this.clock.now().toISOString() };
    this.store.save({ ...doc, profiles: doc.profiles.map((p) => (p.id === id ? record : p)) });
    return this.view(record);
  }

  /** A copy under the first free name "X (copy)", "X (copy 2)"...; the secret is not copied. */
  duplicate(id: string): ProfileView {
    const doc = this.store.load();
    const source = this.find(doc, id);
    const taken = new Set(doc.profiles.map((p) => p.name.toLowerCase()));
    let name = '';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
      name = `${source.name.slice(0, PROFILE_NAME_MAX - suffix.length)}${suffix}`;
      if (!taken.has(name.toLowerCase())) break;
    }
    const now = this.clock.now().toISOString();
    const { extensions: _history, ...rest } = source;
    const record: StoredProfile = {
      ...rest,
      id: randomUUID(),
      name,
      secret: { storage: 'none', hint: null, length: null, updatedAt: null },
      createdAt: now,
      updatedAt: now,
    };
    this.store.save({ ...doc, profiles: [...doc.profiles, record], selectedId: record.id });
    return this.view(record);
  }

  async delete(id: string): Promise<void> {
    const doc = this.store.load();
    this.find(doc, id);
    await this.secrets.delete(id);
    // The secret kept from a rotation in progress goes with the profile too.
    await this.secrets.delete(`${id}#previous`);
    const profiles = doc.profiles.filter((p) => p.id !== id);
    this.store.save({ ...doc, profiles, selectedId: doc.selectedId === id ? (profiles[0]?.id ?? null) : doc.selectedId });
  }

  select(id: string | null): void {
    const doc = this.store.load();
    if (id !== null) this.find(doc, id);
    if (doc.selectedId !== id) this.store.save({ ...doc, selectedId: id });
  }

  /** Read and replace one feature's per-profile state (mode history, check results...). */
  updateExtension(id: string, key: string, update: (current: unknown) => unknown): void {
    const doc = this.store.load();
    const profile = this.find(doc, id);
    const record = { ...profile, extensions: { ...(profile.extensions ?? {}), [key]: update(profile.extensions?.[key]) } };
    this.store.save({ ...doc, profiles: doc.profiles.map((p) => (p.id === id ? record : p)) });
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
      name: p.name,
      cloud: p.cloud,
      tenantId: p.tenantId,
      samlAppId: p.samlAppId,
      apiAppId: p.apiAppId,
      webUrl: p.webUrl,
      allowedDomains: p.allowedDomains,
      secretExpiresAt: p.secretExpiresAt,
      ...(p.practiceScenario ? { practiceScenario: p.practiceScenario } : {}),
      target: p.target,
      ...(p.theThingsStack ? { theThingsStack: p.theThingsStack } : {}),
      ...(p.authentik ? { authentik: p.authentik } : {}),
      ...(p.workspaceSso ? { workspaceSso: p.workspaceSso } : {}),
      secret: { present, storage: p.secret.storage, hint: p.secret.hint, length: p.secret.length, updatedAt: p.secret.updatedAt },
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}
