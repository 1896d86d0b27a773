/**
 * The profiles document on disk: schema, version, migrations, and recovery from a corrupt file.
 * Secrets are not here: only their non-secret metadata (Entra's 3-character hint, the length).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CLOUD_IDS } from '../../shared/clouds';
import { SECRET_STORAGE } from '../../shared/profile';
import { DEFAULT_TARGET, TARGET_IDS } from '../../shared/targets/target-ids';
import { TtsSettingsSchema } from '../../shared/targets/the-things-stack';
import { AuthentikSettingsSchema } from '../../shared/targets/authentik';
import { WorkspaceSsoSettingsSchema } from '../../shared/targets/workspace-sso';
import type { Notice } from '../../shared/ipc-profiles';
import type { Clock, DocumentFileFactory, JsonDocumentFile } from './ports';

export const PROFILES_DOCUMENT = 'profiles';
/** 2: every profile names its integration target (docs/ARCHITECTURE.md, "Profiles on disk"); version 1 files are migrated. */
export const PROFILES_FORMAT_VERSION = 2;

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

export const StoredProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(64),
  cloud: z.enum(CLOUD_IDS),
  tenantId: z.string(),
  samlAppId: z.string(),
  apiAppId: z.string(),
  webUrl: z.string(),
  allowedDomains: z.array(z.string()),
  secretExpiresAt: z.string().nullable(),
  practiceScenario: z.string().optional(),
  /** The product this profile connects Entra to. */
  target: z.enum(TARGET_IDS),
  /** The Things Stack's settings, when that is the target. */
  theThingsStack: TtsSettingsSchema.optional(),
  /** authentik's source settings, when that is the target (optional: no migration needed). */
  authentik: AuthentikSettingsSchema.optional(),
  /** Workspace SSO's settings, when that is the target (optional, so format 2 needs no migration). */
  workspaceSso: WorkspaceSsoSettingsSchema.optional(),
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
 * Migrations by the version they upgrade from. A future format change adds `2: (doc) => ...` here
 * and bumps PROFILES_FORMAT_VERSION.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: migrateV1ToV2 };

export const EMPTY_DOCUMENT: ProfilesDocument = { version: PROFILES_FORMAT_VERSION, selectedId: null, profiles: [] };

export interface ProfileStoreOptions {
  files: DocumentFileFactory;
  clock: Clock;
  migrations?: Readonly<Record<number, Migration>>;
  currentVersion?: number;
}

/**
 * Loads and saves the profiles document. A file that cannot be read as a valid document is moved
 * aside under a timestamped name (never deleted) and the store starts empty, with a notice saying
 * where the old file went. A file from a newer app version is left alone and the store is read-only.
 */
export class ProfileStore {
  private readonly file: JsonDocumentFile;
  private readonly files: DocumentFileFactory;
  private readonly clock: Clock;
  private readonly migrations: Readonly<Record<number, Migration>>;
  private readonly currentVersion: number;
  private readonly notices: Notice[] = [];
  /** Set when the file belongs to a newer version: we must not overwrite it. */
  private readOnlyReason: string | null = null;

  constructor(options: ProfileStoreOptions) {
    this.files = options.files;
    this.file = options.files(PROFILES_DOCUMENT);
    this.clock = options.clock;
    this.migrations = options.migrations ?? MIGRATIONS;
    this.currentVersion = options.currentVersion ?? PROFILES_FORMAT_VERSION;
  }

  get path(): string {
    return this.file.path;
  }

  /** Start-up notices (a recovered corrupt file, a newer format). */
  takeNotices(): Notice[] {
    return [...this.notices];
  }

  dismissNotice(id: string): void {
    const i = this.notices.findIndex((n) => n.id === id);
    if (i >= 0) this.notices.splice(i, 1);
  }

  /** The current document, read fresh from disk (the CLI may have changed it). */
  load(): ProfilesDocument {
    let raw: unknown;
    try {
      raw = this.file.read();
    } catch (error) {
      return this.recover(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return this.recover('it does not hold a JSON object');
    let doc = raw as Record<string, unknown>;
    if (Object.keys(doc).length === 0) return structuredClone(EMPTY_DOCUMENT);
    const version = doc.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return this.recover('it has no valid format version');
    if (version > this.currentVersion) {
      this.readOnlyReason = `The profiles file ${this.file.path} was written by a newer Federation Desk (format ${version}; this app reads up to ${this.currentVersion}). It was left unchanged; update Federation Desk to use it.`;
      this.addNotice('newer-format', 'warning', 'Profiles from a newer version', this.readOnlyReason);
      return structuredClone(EMPTY_DOCUMENT);
    }
    let migrated = false;
    for (let v = version; v < this.currentVersion; v++) {
      const migrate = this.migrations[v];
      if (!migrate) return this.recover(`no migration exists from format ${v}`);
      doc = { ...migrate(structuredClone(doc)), version: v + 1 };
      migrated = true;
    }
    const parsed = ProfilesDocumentSchema.safeParse(doc);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return this.recover(`${first ? `${first.path.join('.') || 'document'}: ${first.message}` : 'it does not match the format'}`);
    }
    if (migrated) {
      this.backup(`pre-v${this.currentVersion}`);
      this.file.write(parsed.data);
    }
    return parsed.data;
  }

  save(doc: ProfilesDocument): void {
    if (this.readOnlyReason) throw new Error(this.readOnlyReason);
    this.file.write(ProfilesDocumentSchema.parse(doc));
  }

  isReadOnly(): string | null {
    return this.readOnlyReason;
  }

  private stamp(): string {
    return this.clock.now().toISOString().replace(/[:.]/g, '-');
  }

  /** Copy the current file next to itself before a migration rewrites it. */
  private backup(label: string): void {
    const target = this.file.path.replace(/\.json$/, `.${label}-${this.stamp()}.json`);
    fs.copyFileSync(this.file.path, target);
  }

  private recover(reason: string): ProfilesDocument {
    const dir = path.dirname(this.file.path);
    const target = path.join(dir, `${PROFILES_DOCUMENT}.corrupt-${this.stamp()}.json`);
    try {
      fs.renameSync(this.file.path, target);
    } catch (error) {
      // We could not move it: keep it untouched and refuse to write over it.
      this.readOnlyReason = `The profiles file ${this.file.path} could not be read (${reason}) nor moved aside (${String(error)}). It was left unchanged.`;
      this.addNotice('corrupt-store', 'error', 'Profiles file could not be read', this.readOnlyReason);
      return structuredClone(EMPTY_DOCUMENT);
    }
    this.addNotice(
      'corrupt-store',
      'warning',
      'Profiles file could not be read',
      `The profiles file could not be read because ${reason}. It was moved to ${target} so nothing is lost, and Federation Desk started with no profiles.`,
    );
    return structuredClone(EMPTY_DOCUMENT);
  }

  private addNotice(id: string, level: Notice['level'], title: string, message: string): void {
    if (!this.notices.some((n) => n.id === id)) this.notices.push({ id, level, title, message });
  }

  /** The factory the store was made with, for sibling documents (secrets). */
  documentFiles(): DocumentFileFactory {
    return this.files;
  }
}
