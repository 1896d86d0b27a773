/**
 * Scenario loading: the built-in scenarios (JSON data files in ./scenarios), user files in the same
 * format, `base` + JSON Patch inheritance, schema validation with readable field paths, and dates
 * relative to the simulator's clock.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { applyJsonPatch, JsonPatchError, JsonPatchOpSchema } from './json-patch';
import { formatIssuePath, resolveDateSpec, ScenarioSchema, type Scenario } from './scenario-schema';
import healthy from './scenarios/healthy.json';
import unknownApp from './scenarios/unknown-app.json';
import redirectNoTrailingSlash from './scenarios/redirect-no-trailing-slash.json';
import secretExpired from './scenarios/secret-expired.json';
import noAppIdUri from './scenarios/no-app-id-uri.json';
import userNotAssigned from './scenarios/user-not-assigned.json';
import consentMissing from './scenarios/consent-missing.json';
import appDisabled from './scenarios/app-disabled.json';
import mfaRequired from './scenarios/mfa-required.json';
import userWithoutMail from './scenarios/user-without-mail.json';
import publicClientOff from './scenarios/public-client-off.json';
import samlCertExpiring from './scenarios/saml-cert-expiring.json';
import samlCertRollover from './scenarios/saml-cert-rollover.json';
import implicitGrantOn from './scenarios/implicit-grant-on.json';
import emailClaimMissing from './scenarios/email-claim-missing.json';
import leftoverSecrets from './scenarios/leftover-secrets.json';
import samlSsoModeUnset from './scenarios/saml-sso-mode-unset.json';
import samlNoNotificationEmail from './scenarios/saml-no-notification-email.json';
import userReadMissing from './scenarios/user-read-missing.json';
import graphPaged from './scenarios/graph-paged.json';
import graphThrottled from './scenarios/graph-throttled.json';
import redirectRootWithoutSlash from './scenarios/redirect-root-without-slash.json';
import consentMissingNonAdmin from './scenarios/consent-missing-non-admin.json';

/** Built-in scenario documents, in the order docs/ARCHITECTURE.md ("Practice tenant") lists them. Imported, so bundlers inline them. */
const BUILT_IN: readonly unknown[] = [
  healthy,
  unknownApp,
  redirectNoTrailingSlash,
  secretExpired,
  noAppIdUri,
  userNotAssigned,
  consentMissing,
  appDisabled,
  mfaRequired,
  userWithoutMail,
  publicClientOff,
  samlCertExpiring,
  samlCertRollover,
  implicitGrantOn,
  emailClaimMissing,
  leftoverSecrets,
  samlSsoModeUnset,
  samlNoNotificationEmail,
  userReadMissing,
  graphPaged,
  graphThrottled,
  redirectRootWithoutSlash,
  consentMissingNonAdmin,
];

export const BUILT_IN_SCENARIO_NAMES = [
  'healthy',
  'unknown-app',
  'redirect-no-trailing-slash',
  'secret-expired',
  'no-app-id-uri',
  'user-not-assigned',
  'consent-missing',
  'app-disabled',
  'mfa-required',
  'user-without-mail',
  'public-client-off',
  'saml-cert-expiring',
  'saml-cert-rollover',
  'implicit-grant-on',
  'email-claim-missing',
  'leftover-secrets',
  'saml-sso-mode-unset',
  'saml-no-notification-email',
  'user-read-missing',
  'graph-paged',
  'graph-throttled',
  'redirect-root-without-slash',
  'consent-missing-non-admin',
] as const;
export type BuiltInScenarioName = (typeof BUILT_IN_SCENARIO_NAMES)[number];

/** A scenario file that could not be used; `message` names the file and the bad field. */
export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const DerivedSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string(),
    title: z.string().optional(),
    description: z.string(),
    targets: z.array(z.string()).optional(),
    base: z.string().min(1),
    patch: z.array(JsonPatchOpSchema).default([]),
  })
  .strict();

function builtInDocument(name: string): unknown {
  return BUILT_IN.find((d) => typeof d === 'object' && d !== null && (d as { name?: unknown }).name === name);
}

/** What a picker shows of a built-in scenario. */
export interface ScenarioSummary {
  name: BuiltInScenarioName;
  title: string;
  description: string;
  targets: Scenario['targets'];
}

/** The built-in scenarios' titles, descriptions and targets, for pickers and `simulate --list-scenarios`. */
export function listBuiltInScenarios(): ScenarioSummary[] {
  const now = new Date();
  return BUILT_IN_SCENARIO_NAMES.map((name) => {
    const s = builtInScenario(name, now);
    return { name, title: s.title ?? name, description: s.description, targets: s.targets };
  });
}

/** True when `name` is one of the built-in scenarios. */
export function isBuiltInScenario(name: string): name is BuiltInScenarioName {
  return (BUILT_IN_SCENARIO_NAMES as readonly string[]).includes(name);
}

/** Follow `base` chains and apply patches, giving the full (unvalidated) scenario document. */
function expand(doc: unknown, source: string, depth: number): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new ScenarioError(`${source}: (document): a scenario is a JSON object`);
  if (!('base' in doc)) return doc;
  if (depth > 8) throw new ScenarioError(`${source}: base: too many levels of "base"`);
  const parsed = DerivedSchema.safeParse(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
    throw new ScenarioError(`${source}: ${issues[0]}`, issues);
  }
  const baseDoc = builtInDocument(parsed.data.base);
  if (baseDoc === undefined) throw new ScenarioError(`${source}: base: "${parsed.data.base}" is not a built-in scenario (${BUILT_IN_SCENARIO_NAMES.join(', ')})`);
  const full = expand(baseDoc, `built-in scenario ${parsed.data.base}`, depth + 1) as Record<string, unknown>;
  let patched: unknown;
  try {
    patched = applyJsonPatch(full, parsed.data.patch);
  } catch (error) {
    if (error instanceof JsonPatchError) throw new ScenarioError(`${source}: patch[${error.index}]: ${error.message}`);
    throw error;
  }
  // Title and targets describe this scenario, not its base: a change to the Octopus app is no practice for authentik.
  const { title: _title, targets: _targets, ...inherited } = patched as Record<string, unknown>;
  const out: Record<string, unknown> = { ...inherited, name: parsed.data.name, description: parsed.data.description };
  if (parsed.data.title !== undefined) out.title = parsed.data.title;
  if (parsed.data.targets !== undefined) out.targets = parsed.data.targets;
  if (parsed.data.$schema !== undefined) out.$schema = parsed.data.$schema;
  return out;
}

/** Every relative date in the scenario, resolved against `now` into an ISO-8601 UTC string. */
function resolveDates(s: Scenario, now: Date): Scenario {
  const iso = (spec: string) => resolveDateSpec(spec, now).toISOString();
  return {
    ...s,
    applications: s.applications.map((a) => ({
      ...a,
      passwordCredentials: a.passwordCredentials.map((p) => ({ ...p, startDateTime: iso(p.startDateTime), endDateTime: iso(p.endDateTime) })),
      samlSigningCertificates: a.samlSigningCertificates.map((c) => ({ ...c, notBefore: iso(c.notBefore), notAfter: iso(c.notAfter) })),
    })),
    appRoleAssignments: s.appRoleAssignments.map((a) => ({ ...a, createdDateTime: iso(a.createdDateTime) })),
  };
}

/**
 * Validate a scenario document (already parsed JSON) and resolve its relative dates against `now`.
 * Throws ScenarioError whose message starts with `source: path.of.field: problem`.
 */
export function parseScenario(doc: unknown, source: string, now: Date): Scenario {
  const expanded = expand(doc, source, 0);
  const parsed = ScenarioSchema.safeParse(expanded);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
    throw new ScenarioError(`${source}: ${issues[0]}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, issues);
  }
  return resolveDates(parsed.data, now);
}

/** The user a scenario signs in as, with the password the practice tenant accepts. */
export function signInUserOf(scenario: Scenario): { username: string; password: string } {
  const user = scenario.users.find((u) => u.userPrincipalName.toLowerCase() === scenario.signInUser.toLowerCase());
  return { username: user?.userPrincipalName ?? scenario.signInUser, password: user?.password ?? '' };
}

/** A built-in scenario by name, resolved against `now`. */
export function builtInScenario(name: BuiltInScenarioName, now: Date): Scenario {
  return parseScenario(builtInDocument(name), `built-in scenario ${name}`, now);
}

/** True when the `--scenario` value names a file rather than a built-in scenario. */
export function looksLikeScenarioFile(ref: string): boolean {
  return ref.endsWith('.json') || ref.includes('/') || ref.includes('\\');
}

/** Read and validate a scenario file. */
export async function loadScenarioFile(file: string, now: Date): Promise<Scenario> {
  const full = path.resolve(file);
  let text: string;
  try {
    text = await fs.readFile(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError(`${file}: cannot read the file (${code ?? String(error)})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ScenarioError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseScenario(doc, file, now);
}

/** A scenario by built-in name or file path. */
export async function loadScenario(ref: string, now: Date): Promise<Scenario> {
  if (isBuiltInScenario(ref)) return builtInScenario(ref, now);
  if (looksLikeScenarioFile(ref)) return loadScenarioFile(ref, now);
  throw new ScenarioError(`"${ref}" is not a built-in scenario (${BUILT_IN_SCENARIO_NAMES.join(', ')}) nor a .json file`);
}
