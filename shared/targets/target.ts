/**
 * What an integration target is (docs/ARCHITECTURE.md, "Adding an integration target"): one module
 * under shared/targets/<id>/ that says everything the app, the CLI and the probes need to know
 * about it, and one line in shared/targets/registry.ts. Types only, so any side may import it.
 */
import type { ZodTypeAny } from 'zod';
import type { CheckId } from '../check';
import type { ProfileDraft, ProfileField, ProfileFields, ValidationContext, ValidationResult } from '../profile';
import type { TargetId } from './target-ids';

/**
 * The kinds of proof electron/services/check knows how to run (electron/services/check/probe-kinds.ts
 * holds one function per kind). A target's check plan names them; a target that needs a new kind of
 * proof adds one here and there.
 */
export const PROBE_KINDS = [
  /** OpenID discovery document of the tenant in its cloud. */
  'tenant',
  /** The SAML app exists (token endpoint) and its federation metadata's signing certificates. */
  'saml-app',
  /** The app registration whose secret is stored exists in the tenant (token endpoint). */
  'app-registration',
  /** The app registration exists and Entra accepts every redirect URI the target derives (authorize endpoint, no sign-in). */
  'app-registration-redirects',
  /** Client credentials for `api://{client ID}/.default`: the secret, and an exposed API. */
  'secret-api-scope',
  /** Client credentials for Microsoft Graph `/.default`: the secret alone (no API of its own). */
  'secret-graph',
  /** `secret-api-scope`, then the token's audience and version judged for authentik's machine-to-machine login. */
  'secret-authentik-m2m',
  /** Auth code + PKCE through the target's first redirect URI; the ID token validated. */
  'sign-in',
  /** `sign-in`, and the ID token must carry the email claim (the product reads the email from it). */
  'sign-in-email-claim',
  /** Graph `/me` with the signed-in user's token must return an email address. */
  'graph-me',
  /** Graph `/me`; no email address is a warning (the product falls back to the user principal name). */
  'graph-me-upn-fallback',
] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** A check row in the target's own words. */
export interface CheckWords {
  title: string;
  /** What the check proves, one sentence, for the row's details. */
  proves: string;
}

/** One check of a target's plan: which kind of probe runs, or why none does. */
export type PlannedCheck = CheckWords & ({ probe: ProbeKind; notApplicable?: undefined } | { probe?: undefined; notApplicable: string });

export type TargetCheckPlan = Readonly<Record<CheckId, PlannedCheck>>;

/** The nouns the shared probes put into their results and fixes, so each target reads in its own words. */
export interface TargetNouns {
  /** The product, as in "…and {product} matches users by email". */
  product: string;
  /** The app registration whose secret is stored, as in "App registrations > {app}". */
  app: string;
  /** The same app in a sentence, as in "The {appLabel} is registered in this tenant". */
  appLabel: string;
  /** What the redirect URI is to the admin, as in "sign in through {redirectUri}". */
  redirectUri: string;
}

/** The Entra values a profile of this target needs registered, and the probes test. */
export interface EntraValues {
  /** Application (client) ID of the app registration whose secret is stored. */
  clientId: string;
  /** The SAML app's Application (client) ID; null for targets without one. */
  samlAppId: string | null;
  /** Every Web redirect URI to register; the first is the one the sign-in probe uses. */
  redirectUris: string[];
  /** Email domains allowed to sign in (empty: any). */
  allowedDomains: string[];
}

/** What the Entra values are derived from: a profile's fields. */
export type EntraSource = ProfileFields;

/** Where the practice tenant runs, for exports that spell out Entra URLs. */
export interface ExportEnvironment {
  practiceAuthorityHost?: string;
  practiceGraphHost?: string;
}

/** The target's export: what to paste into the product (the client secret is never in it). */
export interface TargetExport {
  /** For a copy button: "Copy command", "Copy settings", "Copy .env". */
  label: string;
  text: string;
}

/** One option of `profiles create` for a field of the target's own. */
export interface TargetCliOption {
  /** Without the dashes, e.g. "server-address". */
  name: string;
  /** A switch without a value. */
  boolean?: true;
  /** The value's placeholder in the help, e.g. "HOST". */
  arg?: string;
  help: string;
  /** The form field its issues are reported under. */
  field: ProfileField;
}

/** The target's fields as `profiles create` options. */
export interface TargetCli {
  options: readonly TargetCliOption[];
  /** The draft's own fields from the options (`value` of an option by name). */
  toDraft(value: (name: string) => string | boolean | undefined): Partial<ProfileDraft>;
}

/** A form text of the target's own, for the rules that apply to every field (control characters). */
export type DraftText = [field: ProfileField, value: string, multiLine: boolean];

export interface IntegrationTarget {
  id: TargetId;
  /** Its name in the form's target picker and in "not used by …". */
  label: string;
  /** Whether the setup has a SAML app (and so SAML certificates to watch). */
  hasSamlApp: boolean;
  /** Whether the Entra setup audit applies (it follows the Octopus setup guide, step by step). */
  setupAudit: boolean;
  /** Whether Octopus's authentication-mode switches (web portal, assignees) apply. */
  authenticationModes: boolean;
  nouns: TargetNouns;
  /** The target's own settings as stored with the profile (null: none of its own). */
  settingsSchema: ZodTypeAny | null;
  /** The target's own form fields as typed (null: none of its own). */
  draftSchema: ZodTypeAny | null;
  /** The words of the form's common fields for this target. */
  form: { tenantHint: string; clientIdLabel: string; clientIdHint: string; redirectUriLabel: string };
  /** Its own fields as options of the CLI's `profiles create`. */
  cli: TargetCli;
  /** The form fields the target adds (its issues are reported under these keys). */
  ownFields: readonly ProfileField[];
  /** The target's own form texts of a draft. */
  draftTexts(draft: ProfileDraft): DraftText[];
  /** Every rule over a draft of this target; `fields` is set when nothing is an error. */
  validate(draft: ProfileDraft, secretRaw: string, ctx: ValidationContext): ValidationResult;
  /** The form texts of a stored profile's own settings (the common fields are filled in by draftFromProfile). */
  toDraft(p: ProfileFields): Partial<ProfileDraft>;
  /** The Entra values derived from a valid profile of this target. */
  entra(p: EntraSource): EntraValues;
  /** The text to configure the product with, when the target has one. */
  export(p: ProfileFields, env: ExportEnvironment): TargetExport | null;
  /** Which probe proves each check, or why none applies, in the target's words. */
  checks: TargetCheckPlan;
}
