/**
 * The profiles document on disk: schema, version, migrations, per-record quarantine, and recovery
 * from a file that cannot be read. Secrets are not here: only their non-secret metadata (Entra's
 * 3-character hint, the length).
 *
 * Readers never change the file. Writers hold the data folder's lock (data-folder.ts) from the
 * moment they read until their atomic write is done, so no writer overwrites another's change.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DeskError } from '../../shared/ipc-core';
import { PROFILE_NAME_MAX, SECRET_STORAGE, printable, profileRecordFromFormat2, singleLineIssue, withProfileFields } from '../../shared/profile';
import { DEFAULT_TARGET } from '../../shared/targets/target-ids';
import type { Notice } from '../../shared/ipc-profiles';
import type { Clock, DocumentFileFactory, JsonDocumentFile } from './ports';
import { DataLock, fileStamp, moveAside, readJsonDocument } from './data-folder';
import { isBuiltInScenario } from '../simulator/scenarios';

export const PROFILES_DOCUMENT = 'profiles';
/**
 * 3: each profile holds the common Entra fields and its own target's settings only (docs/ARCHITECTURE.md,
 * "Profiles on disk"); version 1 and 2 files are migrated, after a backup.
 */
export const PROFILES_FORMAT_VERSION = 3;

export const StoredSecretMetaSchema = z.object({
  storage: z.enum(SECRET_STORAGE),
  hint: z.string().max(3).nullable(),
  length: z.number().int().nonnegative().nullable(),
  updatedAt: z.string().nullable(),
});
export type StoredSecretMeta = z.infer<typeof StoredSecretMetaSchema>;

/** One mode switch, appended to the profile's history (docs/ARCHITECTURE.md, "Authentication modes"). */
export const ModeHistoryEntrySchema = z.object({
  at: z.string(),
  scope: z.enum(['web-portal', 'assignee']),
  from: z.string(),
  to: z.string(),
  fingerprint: z.string(),
});

/** The stored record: the profile's fields (ProfileFieldsSchema, the one list) held to the store's rules, and its bookkeeping. */
export const StoredProfileSchema = withProfileFields({
  id: z.string().min(1),
  name: z
    .string()
    .min(1)
    .max(PROFILE_NAME_MAX)
    .refine((v) => singleLineIssue(v) === null, { message: 'the name holds a control character' }),
  /** A built-in scenario's name; never a path (scenario files are only for `simulate --scenario FILE`). */
  practiceScenario: z
    .string()
    .refine((v: string): boolean => isBuiltInScenario(v), { message: 'the practice scenario is not the name of a built-in scenario' })
    .optional(),
  secret: StoredSecretMetaSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Later features keep their per-profile state here, each under its own key. */
  extensions: z.record(z.string(), z.unknown()).optional(),
});
export type StoredProfile = z.infer<typeof StoredProfileSchema>;

export const ProfilesDocumentSchema = z.object({
  version: z.literal(PROFILES_FORMAT_VERSION),
  selectedId: z.string().nullable(),
  profiles: z.array(StoredProfileSchema),
});
export type ProfilesDocument = z.infer<typeof ProfilesDocumentSchema>;

/** A migration takes a document of version N and returns one of version N+1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * 1 → 2: profiles gain a `target`. Every version-1 profile described Octopus, so each gets
 * `target: 'octopus'` and nothing else changes. (Version 2 also stops an older app from reading the
 * file as Octopus-only and dropping another target's settings on save: it opens it read-only.)
 */
export function migrateV1ToV2(doc: Record<string, unknown>): Record<string, unknown> {
  const profiles: unknown = doc.profiles;
  if (!Array.isArray(profiles)) return doc;
  return {
    ...doc,
    profiles: profiles.map((p: unknown) =>
      p !== null && typeof p === 'object' && !Array.isArray(p) && !('target' in p) ? { ...(p as Record<string, unknown>), target: DEFAULT_TARGET } : p,
    ),
  };
}

/**
 * 2 → 3: each profile keeps only its own target's fields (profileRecordFromFormat2): `apiAppId` is
 * now `clientId`, and what other targets kept in Octopus's places (an empty samlAppId, a webUrl
 * derived from their settings, authentik's empty domain list) is dropped, since it is derived again
 * from their settings. The backup made before the rewrite keeps the version-2 file as it was.
 */
export function migrateV2ToV3(doc: Record<string, unknown>): Record<string, unknown> {
  const profiles: unknown = doc.profiles;
  if (!Array.isArray(profiles)) return doc;
  return {
    ...doc,
    profiles: profiles.map((p: unknown) => (p !== null && typeof p === 'object' && !Array.isArray(p) ? profileRecordFromFormat2(p as Record<string, unknown>) : p)),
  };
}

/**
 * Migrations by the version they upgrade from. A future format change adds `3: (doc) => ...` here
 * and bumps PROFILES_FORMAT_VERSION.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: migrateV1ToV2, 2: migrateV2ToV3 };

export const EMPTY_DOCUMENT: ProfilesDocument = { version: PROFILES_FORMAT_VERSION, selectedId: null, profiles: [] };

/** A stored record that does not pass the rules: kept verbatim in the file, listed with its reason. */
export interface QuarantinedProfile {
  /** Stable while the record is unchanged (a hash of it): what repair and delete name. */
  key: string;
  id: string | null;
  name: string | null;
  reason: string;
  record: unknown;
}

/** The document as the services see it: valid profiles, and those kept aside. */
export interface LoadedProfiles extends ProfilesDocument {
  quarantine: QuarantinedProfile[];
}

export interface ProfileStoreOptions {
  files: DocumentFileFactory;
  clock: Clock;
  migrations?: Readonly<Record<number, Migration>>;
  currentVersion?: number;
}

type Parsed =
  | { kind: 'ok'; doc: LoadedProfiles; migratedFrom: number | null }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'newer'; version: number };

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function quarantineKey(record: unknown): string {
  return createHash('sha256').update(JSON.stringify(record) ?? 'undefined').digest('hex').slice(0, 16);
}

function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'record'}: ${first.message}` : 'it does not match the format';
}

/**
 * Loads and saves the profiles document. One bad record is quarantined (kept in the file as it is,
 * listed with its reason) and the others load. A file that cannot be read at all is reported by
 * readers and moved aside (never deleted) by the next writer. A file from a newer app version is
 * left alone and the store is read-only.
 */
export class ProfileStore {
  private readonly file: JsonDocumentFile;
  private readonly files: DocumentFileFactory;
  private readonly clock: Clock;
  private readonly migrations: Readonly<Record<number, Migration>>;
  private readonly currentVersion: number;
  private readonly notices: Notice[] = [];
  readonly lock: DataLock;
  /** Set when the file belongs to a newer version: we must not overwrite it. */
  private readOnlyReason: string | null = null;
  /** Whether the last read found a document we understood (not unreadable, not newer). */
  private lastReadOk = false;

  constructor(options: ProfileStoreOptions) {
    this.files = options.files;
    this.file = options.files(PROFILES_DOCUMENT);
    this.clock = options.clock;
    this.migrations = options.migrations ?? MIGRATIONS;
    this.currentVersion = options.currentVersion ?? PROFILES_FORMAT_VERSION;
    this.lock = DataLock.for(path.dirname(this.file.path));
  }

  get path(): string {
    return this.file.path;
  }

  /** Start-up notices (an unreadable file, a newer format, quarantined profiles). */
  takeNotices(): Notice[] {
    return [...this.notices];
  }

  dismissNotice(id: string): void {
    const i = this.notices.findIndex((n) => n.id === id);
    if (i >= 0) this.notices.splice(i, 1);
  }

  /** The current document, read fresh from disk (the CLI may have changed it). Never writes. */
  load(): LoadedProfiles {
    const parsed = this.parse();
    if (parsed.kind === 'ok') {
      this.noteQuarantine(parsed.doc.quarantine);
      return parsed.doc;
    }
    if (parsed.kind === 'unreadable')
      this.setNotice(
        'corrupt-store',
        'warning',
        'Profiles file could not be read',
        `The profiles file ${this.file.path} could not be read because ${parsed.reason}. It is kept unchanged for now; the next save moves it aside (nothing is deleted) and starts a new one.`,
      );
    return emptyLoaded();
  }

  /**
   * Read, change and write the document as one step that no other writer (another process, or
   * another request in this one) can interleave with. `change` returns the document to write, or
   * null to write nothing; its `value` is returned. Refuses a newer-version file.
   */
  update<T>(change: (current: LoadedProfiles) => { next: LoadedProfiles | null; value: T }): T {
    return this.lock.run(() => {
      const parsed = this.parse();
      if (parsed.kind === 'newer') throw new DeskError('forbidden', this.readOnlyReason ?? 'The profiles file is read-only.');
      let current: LoadedProfiles;
      if (parsed.kind === 'unreadable') current = emptyLoaded();
      else current = parsed.doc;
      const { next, value } = change(current);
      if (next === null) return value;
      if (parsed.kind === 'unreadable') this.setAside(parsed.reason);
      if (parsed.kind === 'ok' && parsed.migratedFrom !== null) this.backup(`pre-v${this.currentVersion}`);
      this.write(next);
      return value;
    });
  }

  isReadOnly(): string | null {
    return this.readOnlyReason;
  }

  private write(doc: LoadedProfiles): void {
    const profiles = z.array(StoredProfileSchema).parse(doc.profiles);
    // Quarantined records stay in the file exactly as they were, after the valid ones.
    const kept = doc.quarantine.map((q) => q.record);
    const selectedId = profiles.some((p) => p.id === doc.selectedId) ? doc.selectedId : null;
    this.file.write({ version: this.currentVersion, selectedId, profiles: [...profiles, ...kept] });
  }

  /**
   * True when the last read understood the whole file. Only then does the list of profiles say
   * which stored secrets have lost theirs: after an unreadable file was moved aside, its profiles'
   * secrets must stay for when that file is repaired.
   */
  lastReadComplete(): boolean {
    return this.lastReadOk;
  }

  private parse(): Parsed {
    const parsed = this.parseFile();
    this.lastReadOk = parsed.kind === 'ok';
    return parsed;
  }

  private parseFile(): Parsed {
    const raw = readJsonDocument(this.file.path);
    if (raw.kind === 'missing') return { kind: 'ok', doc: emptyLoaded(), migratedFrom: null };
    if (raw.kind === 'unreadable') return raw;
    let doc = raw.value as Record<string, unknown>;
    if (Object.keys(doc).length === 0) return { kind: 'ok', doc: emptyLoaded(), migratedFrom: null };
    const version = doc.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { kind: 'unreadable', reason: 'it has no valid format version' };
    if (version > this.currentVersion) {
      this.readOnlyReason = `The profiles file ${this.file.path} was written by a newer Federation Desk (format ${version}; this app reads up to ${this.currentVersion}). It was left unchanged and Federation Desk is read-only until you update it.`;
      this.setNotice('newer-format', 'warning', 'Profiles from a newer version', this.readOnlyReason);
      return { kind: 'newer', version };
    }
    for (let v = version; v < this.currentVersion; v++) {
      const migrate = this.migrations[v];
      if (!migrate) return { kind: 'unreadable', reason: `no migration exists from format ${v}` };
      doc = { ...migrate(structuredClone(doc)), version: v + 1 };
    }
    if (!Array.isArray(doc.profiles)) return { kind: 'unreadable', reason: 'it holds no list of profiles' };
    const profiles: StoredProfile[] = [];
    const quarantine: QuarantinedProfile[] = [];
    const seen = new Set<string>();
    for (const record of doc.profiles as unknown[]) {
      const parsed = StoredProfileSchema.safeParse(record);
      const fields = record !== null && typeof record === 'object' ? (record as Record<string, unknown>) : {};
      const quarantined = (reason: string) =>
        quarantine.push({ key: quarantineKey(record), id: text(fields.id), name: text(fields.name), reason, record });
      if (!parsed.success) quarantined(issueText(parsed.error));
      else if (seen.has(parsed.data.id)) quarantined(`id: another profile already has the id ${parsed.data.id}`);
      else {
        seen.add(parsed.data.id);
        profiles.push(parsed.data);
      }
    }
    const selectedId = typeof doc.selectedId === 'string' ? doc.selectedId : null;
    return {
      kind: 'ok',
      doc: { version: PROFILES_FORMAT_VERSION, selectedId, profiles, quarantine },
      migratedFrom: version < this.currentVersion ? version : null,
    };
  }

  private noteQuarantine(quarantine: QuarantinedProfile[]): void {
    const i = this.notices.findIndex((n) => n.id === 'quarantine');
    if (i >= 0) this.notices.splice(i, 1);
    if (quarantine.length === 0) return;
    // printable(): a control character in a bad name must not reach the terminal through this notice.
    const list = quarantine.map((q) => `"${printable(q.name ?? q.id ?? 'unnamed')}" (${q.reason})`).join('; ');
    this.setNotice(
      'quarantine',
      'warning',
      quarantine.length === 1 ? 'One profile could not be read' : `${quarantine.length} profiles could not be read`,
      `Kept aside, unchanged, so you can repair or delete them on the Profiles screen: ${list}. The other profiles loaded.`,
    );
  }

  /** Copy the current file next to itself before a migration rewrites it. */
  private backup(label: string): void {
    const target = this.file.path.replace(/\.json$/, `.${label}-${fileStamp(this.clock.now())}.json`);
    fs.copyFileSync(this.file.path, target);
  }

  private setAside(reason: string): void {
    let target: string;
    try {
      target = moveAside(this.file.path, 'corrupt', this.clock.now());
    } catch (error) {
      // We could not move it: keep it untouched and refuse to write over it.
      const message = `The profiles file ${this.file.path} could not be read (${reason}) nor moved aside (${String(error)}). It was left unchanged and nothing was saved.`;
      this.setNotice('corrupt-store', 'error', 'Profiles file could not be read', message);
      throw new DeskError('unavailable', message);
    }
    this.setNotice(
      'corrupt-store',
      'warning',
      'Profiles file could not be read',
      `The profiles file could not be read because ${reason}. It was moved to ${target} so nothing is lost, and a new profiles file was started.`,
    );
  }

  private setNotice(id: string, level: Notice['level'], title: string, message: string): void {
    const i = this.notices.findIndex((n) => n.id === id);
    const notice = { id, level, title, message };
    if (i >= 0) this.notices[i] = notice;
    else this.notices.push(notice);
  }

  /** The factory the store was made with, for sibling documents (secrets). */
  documentFiles(): DocumentFileFactory {
    return this.files;
  }
}

function emptyLoaded(): LoadedProfiles {
  return { ...structuredClone(EMPTY_DOCUMENT), quarantine: [] };
}

