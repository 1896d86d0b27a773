/**
 * Registration audit (docs/ARCHITECTURE.md, "Registration audit"): the Entra-side steps of the setup guide, checked through Microsoft
 * Graph, as findings. Finding ids are a **contract** (the `audit` CLI prints them, scripts match on
 * them); a finding is identified by its id and the app it is about ("api" or "saml").
 */
import { z } from 'zod';

/** Every finding id, in no particular order (STEPS gives the order of the guide). */
export const AUDIT_FINDING_IDS = [
  'redirect-uri',
  'public-client-flows',
  'client-secret',
  'api-permissions',
  'admin-consent',
  'app-id-uri',
  'enterprise-app',
  'assignment',
  'saml-sso-mode',
  'saml-certificate',
  'email-claim',
  'implicit-grant',
] as const;
export type AuditFindingId = (typeof AUDIT_FINDING_IDS)[number];

export const AUDIT_APPS = ['api', 'saml'] as const;
export type AuditApp = (typeof AUDIT_APPS)[number];

/** unknown: Graph could not be read for this step (the summary says why). */
export const AUDIT_STATUSES = ['passed', 'warning', 'failed', 'unknown'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** The Microsoft Graph Command Line Tools public client: the default client the audit signs in with. */
export const GRAPH_CLI_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
/** Delegated permissions the audit asks for: apps and service principals, and consent grants. */
export const AUDIT_GRAPH_SCOPES = ['Application.Read.All', 'Directory.Read.All'] as const;

export interface AuditStep {
  id: AuditFindingId;
  app: AuditApp;
  /** The guide's name for the step. */
  title: string;
}

/** The guide's steps in order: the API app first (where most setups go wrong), then the SAML-OpenID app. */
export const AUDIT_STEPS: readonly AuditStep[] = [
  { id: 'redirect-uri', app: 'api', title: 'Web redirect URI' },
  { id: 'public-client-flows', app: 'api', title: 'Allow public client flows' },
  { id: 'client-secret', app: 'api', title: 'Client secret' },
  { id: 'api-permissions', app: 'api', title: 'API permission User.Read' },
  { id: 'admin-consent', app: 'api', title: 'Admin consent' },
  { id: 'app-id-uri', app: 'api', title: 'Application ID URI' },
  { id: 'enterprise-app', app: 'api', title: 'Enterprise application' },
  { id: 'assignment', app: 'api', title: 'Users and groups' },
  { id: 'email-claim', app: 'api', title: 'Optional claim: email' },
  { id: 'implicit-grant', app: 'api', title: 'Implicit grant off' },
  { id: 'enterprise-app', app: 'saml', title: 'Enterprise application' },
  { id: 'saml-sso-mode', app: 'saml', title: 'Single sign-on mode SAML' },
  { id: 'saml-certificate', app: 'saml', title: 'SAML signing certificate' },
  { id: 'assignment', app: 'saml', title: 'Users and groups' },
];

export const AUDIT_APP_LABELS: Record<AuditApp, string> = { api: 'API app', saml: 'SAML-OpenID app' };

/** The title of a step. */
export function auditStepTitle(id: AuditFindingId, app: AuditApp): string {
  return AUDIT_STEPS.find((s) => s.id === id && s.app === app)?.title ?? id;
}

const LinkSchema = z.object({ label: z.string(), url: z.string() });

export const AuditFindingSchema = z.object({
  id: z.enum(AUDIT_FINDING_IDS),
  app: z.enum(AUDIT_APPS),
  title: z.string(),
  status: z.enum(AUDIT_STATUSES),
  /** One or two sentences: what Graph shows. */
  summary: z.string(),
  /** What to change, where; null when nothing is to be done. */
  fix: z.string().nullable(),
  /** The admin-center blade where the setting lives (docs/ARCHITECTURE.md, "Admin-center links"). */
  link: LinkSchema.nullable(),
  /** The value the guide asks for, ready to paste (the redirect URI with its slash, api://{appId}). */
  copy: z.object({ label: z.string(), value: z.string() }).nullable(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type AuditFinding = z.infer<typeof AuditFindingSchema>;

/** One client secret of the API app as Graph lists it (never the value: Graph does not return it). */
export const SecretCredentialSchema = z.object({
  keyId: z.string(),
  displayName: z.string().nullable(),
  /** First 3 characters of the secret. */
  hint: z.string().nullable(),
  startDateTime: z.string().nullable(),
  endDateTime: z.string().nullable(),
  /** True for the secret the profile stores (matched by hint). */
  stored: z.boolean(),
});
export type SecretCredential = z.infer<typeof SecretCredentialSchema>;

export const AuditReportSchema = z.object({
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  cloud: z.string(),
  tenantId: z.string(),
  apiAppId: z.string(),
  samlAppId: z.string(),
  auditedAt: z.string(),
  /** userPrincipalName of the account that signed in to Graph, when known. */
  signedInAs: z.string().nullable(),
  /** The public client the audit signed in with. */
  graphClientId: z.string(),
  /** clean: every step passed; findings: something failed, warns or could not be read. */
  outcome: z.enum(['clean', 'findings']),
  /** Why nothing (or not everything) could be read: sign-in failed, consent missing... */
  problem: z.object({ summary: z.string(), fix: z.string().nullable(), link: LinkSchema.nullable() }).nullable(),
  findings: z.array(AuditFindingSchema),
  /** The API app's client secrets, for the expiry watch. */
  secrets: z.array(SecretCredentialSchema),
});
export type AuditReport = z.infer<typeof AuditReportSchema>;

/** clean when every finding passed. */
export function auditOutcome(findings: readonly Pick<AuditFinding, 'status'>[]): AuditReport['outcome'] {
  return findings.length > 0 && findings.every((f) => f.status === 'passed') ? 'clean' : 'findings';
}

/** Findings sorted in the guide's order. */
export function inStepOrder<T extends { id: AuditFindingId; app: AuditApp }>(findings: readonly T[]): T[] {
  const index = (f: T) => AUDIT_STEPS.findIndex((s) => s.id === f.id && s.app === f.app);
  return [...findings].sort((a, b) => index(a) - index(b));
}
