/**
 * Federation profile: the fields of one identity-federation configuration (Octopus by default, or
 * another integration target), and the one set of rules that checks them. The renderer runs these
 * rules as the user types; main runs them again on save, so nothing invalid is ever stored.
 */
import { z } from 'zod';
import { CLOUD_IDS } from './clouds';
import { SCENARIO_NAME_PATTERN, singleLineIssue } from './targets/common-rules';
import { DEFAULT_TARGET, TARGET_IDS, type TargetId } from './targets/target-ids';
import { TTS_FIELDS, TtsDraftSchema } from './targets/the-things-stack/rules';
import { AUTHENTIK_FIELDS, AUTHENTIK_PROFILE_FIELDS, AuthentikDraftSchema } from './targets/authentik/rules';
import { WORKSPACE_SSO_PROFILE_FIELDS, WorkspaceSsoDraftSchema } from './targets/workspace-sso/rules';
import { OCTOPUS_FIELDS } from './targets/octopus/rules';
import { integrationTarget } from './targets/registry';

// The rules every target shares and Octopus's own, where callers have always found them.
export * from './targets/common-rules';
export { normalizeWebUrl, validateAppIds, validateWebUrl } from './targets/octopus/rules';

export type Severity = 'error' | 'warning';


/** Every text field of a draft, with the form field an issue about it belongs to. */
function draftTexts(draft: ProfileDraft): [ProfileField, string, boolean][] {
  return [
    ['name', draft.name, false],
    ['tenantId', draft.tenantId, false],
    ['clientId', draft.clientId, false],
    ['secretExpiresAt', draft.secretExpiresAt, false],
    ['allowedDomains', draft.allowedDomains, true],
    ['cloud', draft.practiceScenario ?? '', false],
    ...integrationTarget(draft).draftTexts(draft),
  ];
}

/** Control characters anywhere in a draft, one issue per field. */
export function controlCharacterIssues(draft: ProfileDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, value, multi] of draftTexts(draft)) {
    const message = singleLineIssue(value, multi);
    if (message) issues.push({ field, severity: 'error', message });
  }
  return issues;
}

export const PROFILE_FIELDS = [
  'name',
  'cloud',
  'tenantId',
  'samlAppId',
  'clientId',
  'secret',
  'secretExpiresAt',
  'webUrl',
  'allowedDomains',
  'target',
  'ttsServerAddress',
  'ttsProviderId',
  ...AUTHENTIK_FIELDS,
  'wsBaseDomain',
  'wsWorkspaces',
  'wsCollaborators',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** A one-click fix the form can offer next to an issue. */
export interface FieldFix {
  label: string;
  /** The field's new text when the fix is applied. */
  value: string;
}

export interface FieldIssue {
  field: ProfileField;
  severity: Severity;
  message: string;
  fix?: FieldFix;
}

/** What the user types: every field as text, exactly as in the form. */
export const ProfileDraftSchema = z.object({
  name: z.string().max(10_000),
  cloud: z.enum(CLOUD_IDS),
  tenantId: z.string().max(10_000),
  /** Octopus's SAML-OpenID app. */
  samlAppId: z.string().max(10_000),
  /** The app registration whose secret is stored (Octopus: the API app). */
  clientId: z.string().max(10_000),
  /** The Octopus Web URL. */
  webUrl: z.string().max(10_000),
  /** Comma-separated list as typed. */
  allowedDomains: z.string().max(100_000),
  /** yyyy-mm-dd or empty. */
  secretExpiresAt: z.string().max(100),
  /** Scenario name when cloud is 'practice' (a name only: scenario files are for `simulate --scenario FILE`). */
  practiceScenario: z.string().max(200).regex(SCENARIO_NAME_PATTERN, 'A practice scenario is given by its name, not a path.').optional(),
  /** The product Entra is connected to; absent means Octopus (drafts from before targets existed). */
  target: z.enum(TARGET_IDS).optional(),
  /** The Things Stack's own fields, when that is the target. */
  theThingsStack: TtsDraftSchema.optional(),
  /** authentik's own fields, when that is the target. */
  authentik: AuthentikDraftSchema.optional(),
  /** Workspace SSO's own fields, when that is the target. */
  workspaceSso: WorkspaceSsoDraftSchema.optional(),
});
export type ProfileDraft = z.infer<typeof ProfileDraftSchema>;

export const EMPTY_DRAFT: ProfileDraft = {
  name: '',
  cloud: 'global',
  tenantId: '',
  samlAppId: '',
  clientId: '',
  webUrl: '',
  allowedDomains: '',
  secretExpiresAt: '',
};

/**
 * The fields every target stores the same way: the Entra side of the setup. `clientId` is the app
 * registration whose client secret is stored (for Octopus, the API app).
 */
const COMMON_FIELDS = {
  name: z.string().max(200),
  cloud: z.enum(CLOUD_IDS),
  tenantId: z.string().max(300),
  clientId: z.string().max(100),
  secretExpiresAt: z.string().max(30).nullable(),
  practiceScenario: z.string().max(200).optional(),
};

/** Each target's record: the common fields, its `target`, and its own settings only. */
const VARIANTS = [
  z.object({ ...COMMON_FIELDS, ...OCTOPUS_FIELDS }),
  z.object({ ...COMMON_FIELDS, ...TTS_FIELDS }),
  z.object({ ...COMMON_FIELDS, ...AUTHENTIK_PROFILE_FIELDS }),
  z.object({ ...COMMON_FIELDS, ...WORKSPACE_SSO_PROFILE_FIELDS }),
] as const;

/**
 * The fields of a profile, listed once (a union on `target`): the stored record
 * (electron/services/profile-store.ts), the view the renderer gets and the export file are made
 * from it with `withProfileFields`; no field means one thing for one target and another for the next.
 */
export const ProfileFieldsSchema = z.discriminatedUnion('target', VARIANTS);
export type ProfileFields = z.infer<typeof ProfileFieldsSchema>;

/** The profile's fields and `extra` (the stored record's bookkeeping, the view's secret info), still one union on `target`. */
export function withProfileFields<T extends z.ZodRawShape>(extra: T) {
  const [octopus, tts, authentik, workspace] = VARIANTS;
  return z.discriminatedUnion('target', [octopus.extend(extra), tts.extend(extra), authentik.extend(extra), workspace.extend(extra)]);
}

/** Just the profile's fields of a record (a stored profile, a view), without its bookkeeping. */
export function profileFields(p: ProfileFields): ProfileFields {
  return ProfileFieldsSchema.parse(p);
}

/**
 * A profile record of format 2 (profiles.json version 2, export files version 1) in today's
 * shape: `apiAppId` becomes `clientId`, and the fields another target kept in Octopus's places
 * (samlAppId '', webUrl holding a redirect URI derived from its settings, allowedDomains [] for
 * authentik) are dropped; each target keeps only its own. Anything else in the record is kept.
 */
export function profileRecordFromFormat2(record: Record<string, unknown>): Record<string, unknown> {
  const { apiAppId, samlAppId, webUrl, allowedDomains, ...rest } = record;
  const target = typeof record.target === 'string' ? record.target : DEFAULT_TARGET;
  const out: Record<string, unknown> = { ...rest, target, clientId: apiAppId };
  if (target === 'octopus') Object.assign(out, { samlAppId, webUrl, allowedDomains });
  if (target === 'the-things-stack' || target === 'workspace-sso') out.allowedDomains = allowedDomains;
  return out;
}

/** The draft's target, Octopus when none is set. */
export function targetOf(draft: Pick<ProfileDraft, 'target'>): TargetId {
  return draft.target ?? DEFAULT_TARGET;
}

export interface ValidationContext {
  /** Names of the other profiles, for the uniqueness rule. */
  otherNames: readonly string[];
  /** A secret is already stored for this profile (so an empty secret field keeps it). */
  secretStored: boolean;
  /** Today, yyyy-mm-dd (injected so rules stay pure and testable). */
  today: string;
}

export interface ValidationResult {
  issues: FieldIssue[];
  /** Present when no issue is an error. */
  fields?: ProfileFields;
}




/** Every rule over a whole draft, for its target. `fields` is set when nothing is an error. */
export function validateDraft(draft: ProfileDraft, secretRaw: string, ctx: ValidationContext): ValidationResult {
  const control = controlCharacterIssues(draft);
  if (control.length > 0) return { issues: control };
  return integrationTarget(draft).validate(draft, secretRaw, ctx);
}

/** Where the profile's secret lives. */
export const SECRET_STORAGE = ['encrypted', 'session', 'none'] as const;
export type SecretStorage = (typeof SECRET_STORAGE)[number];

export const SecretInfoSchema = z.object({
  /** A usable secret is available now (encrypted on disk, or in memory for this session). */
  present: z.boolean(),
  storage: z.enum(SECRET_STORAGE),
  hint: z.string().max(3).nullable(),
  length: z.number().int().nonnegative().nullable(),
  updatedAt: z.string().nullable(),
});
export type SecretInfo = z.infer<typeof SecretInfoSchema>;

/** A profile as the renderer sees it: fields, secret metadata (never the secret), timestamps. */
export const ProfileViewSchema = withProfileFields({
  id: z.string(),
  secret: SecretInfoSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

/** The draft the form starts from: a stored profile being edited, or an imported one. */
export function draftFromProfile(p: ProfileFields): ProfileDraft {
  return {
    ...EMPTY_DRAFT,
    name: p.name,
    cloud: p.cloud,
    tenantId: p.tenantId,
    clientId: p.clientId,
    secretExpiresAt: p.secretExpiresAt ?? '',
    ...(p.practiceScenario ? { practiceScenario: p.practiceScenario } : {}),
    ...(p.target !== DEFAULT_TARGET ? { target: p.target } : {}),
    ...integrationTarget(p).toDraft(p),
  };
}
