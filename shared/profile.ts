/**
 * Federation profile: the fields of one identity-federation configuration (Octopus by default, or
 * another integration target), and the one set of rules that checks them. The renderer runs these
 * rules as the user types; main runs them again on save, so nothing invalid is ever stored.
 */
import { z } from 'zod';
import { CLOUD_IDS } from './clouds';
import { SCENARIO_NAME_PATTERN, singleLineIssue } from './targets/common-rules';
import { DEFAULT_TARGET, TARGET_IDS, type TargetId } from './targets/target-ids';
import { TtsDraftSchema, TtsSettingsSchema } from './targets/the-things-stack/rules';
import { AUTHENTIK_FIELDS, AuthentikDraftSchema, AuthentikSettingsSchema } from './targets/authentik/rules';
import { WorkspaceSsoDraftSchema, WorkspaceSsoSettingsSchema, workspaceSsoDraftFromSettings } from './targets/workspace-sso/rules';
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
    ['apiAppId', draft.apiAppId, false],
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
  'apiAppId',
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
  samlAppId: z.string().max(10_000),
  apiAppId: z.string().max(10_000),
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
  apiAppId: '',
  webUrl: '',
  allowedDomains: '',
  secretExpiresAt: '',
};

/**
 * The fields of a profile, listed once: the stored record (electron/services/profile-store.ts), the
 * view the renderer gets, the export file and the form's draft are all made from this list.
 */
export const ProfileFieldsSchema = z.object({
  name: z.string(),
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
  /** Present exactly when target is 'the-things-stack'. */
  theThingsStack: TtsSettingsSchema.optional(),
  /** Present exactly when target is 'authentik'. */
  authentik: AuthentikSettingsSchema.optional(),
  /** Present exactly when target is 'workspace-sso'. */
  workspaceSso: WorkspaceSsoSettingsSchema.optional(),
});
export type ProfileFields = z.infer<typeof ProfileFieldsSchema>;

type OptionalField = 'practiceScenario' | 'target' | 'theThingsStack' | 'authentik' | 'workspaceSso';
/** Any record that carries a profile's fields (a stored profile, a view, an export), its optional ones possibly undefined. */
export type WithProfileFields = Omit<ProfileFields, OptionalField> & { [K in OptionalField]?: ProfileFields[K] | undefined };

/** Just the profile's fields of a record, the optional ones only when set. */
export function profileFields(p: WithProfileFields): ProfileFields {
  return {
    name: p.name,
    cloud: p.cloud,
    tenantId: p.tenantId,
    samlAppId: p.samlAppId,
    apiAppId: p.apiAppId,
    webUrl: p.webUrl,
    allowedDomains: p.allowedDomains,
    secretExpiresAt: p.secretExpiresAt,
    ...(p.practiceScenario ? { practiceScenario: p.practiceScenario } : {}),
    target: p.target ?? DEFAULT_TARGET,
    ...(p.theThingsStack ? { theThingsStack: p.theThingsStack } : {}),
    ...(p.authentik ? { authentik: p.authentik } : {}),
    ...(p.workspaceSso ? { workspaceSso: p.workspaceSso } : {}),
  };
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
export const ProfileViewSchema = ProfileFieldsSchema.extend({
  id: z.string(),
  /** Absent means Octopus (main always sets it). */
  target: z.enum(TARGET_IDS).optional(),
  secret: SecretInfoSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

/** The draft the form starts from: a stored profile being edited, or an imported one. */
export function draftFromProfile(p: WithProfileFields): ProfileDraft {
  const { allowedDomains, secretExpiresAt, target, workspaceSso, ...rest } = profileFields(p);
  return {
    ...rest,
    allowedDomains: allowedDomains.join(', '),
    secretExpiresAt: secretExpiresAt ?? '',
    ...(target && target !== DEFAULT_TARGET ? { target } : {}),
    ...(workspaceSso ? { workspaceSso: workspaceSsoDraftFromSettings(workspaceSso) } : {}),
  };
}
