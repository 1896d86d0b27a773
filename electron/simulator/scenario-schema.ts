/**
 * The practice tenant's scenario format: a JSON document describing tenants, app registrations,
 * service principals, users, consent grants and policies, in Microsoft Graph's own field names
 * (https://learn.microsoft.com/graph/api/resources/application) so a scenario reads like what an admin sees in Entra. Validated with zod at
 * load time; a bad file is refused with the path of the bad field.
 */
import { z } from 'zod';
import { TARGET_IDS } from '../../shared/targets/target-ids';

/** `now`, `+365d`, `-3d`, `+12h`, `-30m`, `+90s`: a time relative to the simulator's clock. */
const RELATIVE_RE = /^(?:now|[+-]\d{1,6}[dhms])$/;
/** ISO-8601 date or date-time (UTC or with offset). */
const ISO_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** True for a date the scenario format accepts: absolute ISO-8601, or relative to "now". */
export function isDateSpec(value: string): boolean {
  return RELATIVE_RE.test(value) || (ISO_RE.test(value) && !Number.isNaN(Date.parse(value)));
}

/** Resolve a date spec against `now`; relative specs keep scenarios from going stale. */
export function resolveDateSpec(spec: string, now: Date): Date {
  if (spec === 'now') return new Date(now.getTime());
  const m = /^([+-])(\d+)([dhms])$/.exec(spec);
  if (m) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 }[m[3] as 'd' | 'h' | 'm' | 's'];
    const sign = m[1] === '-' ? -1 : 1;
    return new Date(now.getTime() + sign * Number(m[2]) * unit);
  }
  return new Date(spec.length === 10 ? `${spec}T00:00:00Z` : spec);
}

const DateSpec = z.string().refine(isDateSpec, { message: 'Use an ISO-8601 date such as 2027-05-31T00:00:00Z, or a time relative to now such as "+365d" or "-3d"' });
const Guid = z.guid({ message: 'Invalid GUID' });
const Domain = z.string().regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, { message: 'Invalid domain name' });

/** Entra accepts https redirect URIs, and http only for localhost / 127.0.0.1. */
const WebRedirectUri = z.url({ message: 'Invalid url' }).refine(
  (v) => {
    if (!URL.canParse(v)) return true; // already reported as "Invalid url"
    const u = new URL(v);
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname));
  },
  { message: 'A web redirect URI must use https (http is allowed only for localhost)' },
);
/** Public-client (mobile and desktop) redirect URIs may use custom schemes and the urn:ietf OOB value. */
const PublicRedirectUri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, { message: 'Invalid url' });

const OptionalClaim = z
  .object({
    name: z.string().min(1),
    source: z.string().nullable().default(null),
    essential: z.boolean().default(false),
    additionalProperties: z.array(z.string()).default([]),
  })
  .strict();

const PermissionScope = z
  .object({
    id: Guid,
    value: z.string().min(1),
    type: z.enum(['User', 'Admin']).default('User'),
    adminConsentDisplayName: z.string().default(''),
    adminConsentDescription: z.string().default(''),
    isEnabled: z.boolean().default(true),
  })
  .strict();

const AppRole = z
  .object({
    id: Guid,
    value: z.string().nullable(),
    displayName: z.string().default(''),
    description: z.string().default(''),
    allowedMemberTypes: z.array(z.enum(['User', 'Application'])).min(1),
    isEnabled: z.boolean().default(true),
  })
  .strict();

export const TenantSchema = z
  .object({
    id: Guid,
    displayName: z.string().min(1),
    /** Verified domains; the first is the default domain. */
    domains: z.array(Domain).min(1),
    cloud: z.enum(['global', 'usgov', 'china']).default('global'),
    /** Discovery's tenant_region_scope, e.g. "NA", "EU", "USGov". */
    regionScope: z.string().default('NA'),
    /** Discovery's tenant_region_sub_scope for government tenants (e.g. "GCC", "DODCON", "DOD"). */
    regionSubScope: z.string().nullable().default(null),
  })
  .strict();

export const PasswordCredentialSchema = z
  .object({
    keyId: Guid,
    displayName: z.string().nullable().default(null),
    /** The secret value a client sends (Graph never returns it on GET). */
    secretText: z.string().min(1),
    startDateTime: DateSpec,
    endDateTime: DateSpec,
  })
  .strict();

export const SamlCertificateSchema = z
  .object({
    displayName: z.string().default('CN=Microsoft Azure Federated SSO Certificate'),
    notBefore: DateSpec,
    notAfter: DateSpec,
    /** The certificate Entra signs with now (servicePrincipal.preferredTokenSigningKeyThumbprint). */
    active: z.boolean().default(true),
  })
  .strict();

export const ApplicationSchema = z
  .object({
    id: Guid,
    appId: Guid,
    /** The tenant the app is registered in. */
    tenantId: Guid,
    displayName: z.string().min(1),
    signInAudience: z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount']).default('AzureADMyOrg'),
    identifierUris: z.array(z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, { message: 'Invalid url' })).default([]),
    web: z
      .object({
        redirectUris: z.array(WebRedirectUri).default([]),
        homePageUrl: z.url({ message: 'Invalid url' }).nullable().default(null),
        logoutUrl: z.url({ message: 'Invalid url' }).nullable().default(null),
        implicitGrantSettings: z
          .object({ enableAccessTokenIssuance: z.boolean().default(false), enableIdTokenIssuance: z.boolean().default(false) })
          .strict()
          .default({ enableAccessTokenIssuance: false, enableIdTokenIssuance: false }),
      })
      .strict()
      .default({ redirectUris: [], homePageUrl: null, logoutUrl: null, implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } }),
    publicClient: z.object({ redirectUris: z.array(PublicRedirectUri).default([]) }).strict().default({ redirectUris: [] }),
    spa: z.object({ redirectUris: z.array(WebRedirectUri).default([]) }).strict().default({ redirectUris: [] }),
    /** The portal's "Allow public client flows". */
    isFallbackPublicClient: z.boolean().default(false),
    requiredResourceAccess: z
      .array(
        z
          .object({
            resourceAppId: Guid,
            resourceAccess: z.array(z.object({ id: Guid, type: z.enum(['Scope', 'Role']) }).strict()),
          })
          .strict(),
      )
      .default([]),
    optionalClaims: z
      .object({
        idToken: z.array(OptionalClaim).default([]),
        accessToken: z.array(OptionalClaim).default([]),
        saml2Token: z.array(OptionalClaim).default([]),
      })
      .strict()
      .nullable()
      .default(null),
    passwordCredentials: z.array(PasswordCredentialSchema).default([]),
    /** SAML token-signing certificates (Entra shows them on the enterprise app's SAML blade). */
    samlSigningCertificates: z.array(SamlCertificateSchema).default([]),
    /**
     * requestedAccessTokenVersion null (never set, as the Octopus guide leaves it) or 1 gives v1.0
     * access tokens; 2 gives v2.0 (Graph apiApplication; learn.microsoft.com/entra/identity-platform/access-tokens).
     */
    api: z
      .object({ oauth2PermissionScopes: z.array(PermissionScope).default([]), requestedAccessTokenVersion: z.union([z.literal(1), z.literal(2)]).nullable().default(null) })
      .strict()
      .default({ oauth2PermissionScopes: [], requestedAccessTokenVersion: null }),
    appRoles: z.array(AppRole).default([]),
  })
  .strict();

export const ServicePrincipalSchema = z
  .object({
    id: Guid,
    appId: Guid,
    /** The tenant the service principal (enterprise application) lives in. */
    tenantId: Guid,
    displayName: z.string().min(1),
    accountEnabled: z.boolean().default(true),
    appRoleAssignmentRequired: z.boolean().default(false),
    preferredSingleSignOnMode: z.enum(['password', 'saml', 'notSupported', 'oidc']).nullable().default(null),
    /** Who Entra emails before the SAML signing certificate expires (the SAML Certificates section). */
    notificationEmailAddresses: z.array(z.email({ message: 'Invalid email address' })).default([]),
    servicePrincipalType: z.enum(['Application', 'ManagedIdentity', 'Legacy', 'SocialIdp']).default('Application'),
    appOwnerOrganizationId: Guid.nullable().default(null),
    /** Delegated permissions the resource offers (for apps in the scenario, the application's api scopes are used when empty). */
    oauth2PermissionScopes: z.array(PermissionScope).default([]),
    appRoles: z.array(AppRole).default([]),
  })
  .strict();

export const UserSchema = z
  .object({
    id: Guid,
    /** Home tenant. A user signing in to another tenant gets AADSTS50020. */
    tenantId: Guid,
    userPrincipalName: z.string().regex(/^[^@\s]+@[^@\s]+$/, { message: 'Invalid user principal name' }),
    displayName: z.string().min(1),
    givenName: z.string().nullable().default(null),
    surname: z.string().nullable().default(null),
    jobTitle: z.string().nullable().default(null),
    /** null: the user has no mailbox (then no email claim and /me has mail null). */
    mail: z.email({ message: 'Invalid email address' }).nullable(),
    /** Password for the practice sign-in page. */
    password: z.string().min(1),
    /** Holds a role that may grant tenant-wide consent (Global Administrator, Cloud Application Administrator...). */
    isAdmin: z.boolean().default(false),
    accountEnabled: z.boolean().default(true),
  })
  .strict();

export const PermissionGrantSchema = z
  .object({
    id: z.string().min(1),
    /** Client service principal object id (not the appId). */
    clientId: Guid,
    consentType: z.enum(['AllPrincipals', 'Principal']),
    principalId: Guid.nullable(),
    /** Resource service principal object id. */
    resourceId: Guid,
    scope: z.string(),
  })
  .strict();

export const AppRoleAssignmentSchema = z
  .object({
    id: z.string().min(1),
    principalId: Guid,
    principalType: z.enum(['User', 'Group', 'ServicePrincipal']),
    resourceId: Guid,
    /** 00000000-0000-0000-0000-000000000000 is the "Default Access" role of a user assignment. */
    appRoleId: Guid,
    createdDateTime: DateSpec.default('-30d'),
  })
  .strict();

const FaultPath = z.string().min(1);
export const ScenarioFaultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000).default(0),
    fail: z.array(z.object({ path: FaultPath, status: z.number().int().min(400).max(599) }).strict()).default([]),
    stall: z.array(FaultPath).default([]),
    malformed: z.array(FaultPath).default([]),
    untrustedCert: z.boolean().default(false),
  })
  .strict();

export const ScenarioBodySchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'Use lower-case letters, digits and hyphens' }),
    description: z.string().min(1).max(1000),
    /** What the app's profile form gets filled with for this scenario. */
    profile: z
      .object({
        tenantId: z.string().min(1),
        samlAppId: Guid,
        apiAppId: Guid,
        webUrl: z.url({ message: 'Invalid url' }),
        secret: z.string().min(1),
      })
      .strict(),
    /** What the practice picker shows: a few words in sentence case (the name stays the stable id). */
    title: z.string().min(1).max(80).optional(),
    /** The integration targets this scenario means something for (a SAML scenario only for Octopus, the one target with a SAML app). */
    targets: z.array(z.enum(TARGET_IDS)).min(1).default(['octopus']),
    /**
     * The app registration and settings the form gets for each target other than Octopus: each
     * product has its own app registration, with the redirect URI that product sends.
     */
    targetProfiles: z
      .object({
        'the-things-stack': z.object({ apiAppId: Guid, secret: z.string().min(1), serverAddress: z.string().min(1), providerId: z.string().min(1), allowedDomains: z.array(Domain).min(1) }).strict().optional(),
        authentik: z.object({ apiAppId: Guid, secret: z.string().min(1), fqdn: z.string().min(1), slug: z.string().min(1) }).strict().optional(),
        'workspace-sso': z.object({ apiAppId: Guid, secret: z.string().min(1), baseDomain: z.string().min(1), workspaces: z.array(z.string().min(1)).min(1) }).strict().optional(),
      })
      .strict()
      .default({}),
    /** userPrincipalName of the account the CLI prints as the practice sign-in user. */
    signInUser: z.string().min(1),
    policies: z
      .object({
        /** A Conditional Access policy that requires MFA for every interactive sign-in (AADSTS50076). */
        mfaRequired: z.boolean().default(false),
        /**
         * "Allow user consent for apps": when false (the default here), a user who is not an admin meets
         * "Need admin approval" (AADSTS90094) where an admin sees the consent prompt.
         */
        usersMayConsent: z.boolean().default(false),
      })
      .strict()
      .default({ mfaRequired: false, usersMayConsent: false }),
    faults: ScenarioFaultsSchema.optional(),
    /** How Microsoft Graph pages and throttles (learn.microsoft.com/graph/paging, /graph/throttling). */
    graph: z
      .object({
        /** Items per page when the request has no $top (Graph's default for directory objects is 100). */
        pageSize: z.number().int().min(1).max(999).default(100),
        /** The first N Graph requests answer 429 TooManyRequests with Retry-After. */
        throttleFirstRequests: z.number().int().min(0).max(1000).default(0),
        retryAfterSeconds: z.number().int().min(0).max(300).default(1),
      })
      .strict()
      .default({ pageSize: 100, throttleFirstRequests: 0, retryAfterSeconds: 1 }),
    tenants: z.array(TenantSchema).min(1),
    applications: z.array(ApplicationSchema).default([]),
    servicePrincipals: z.array(ServicePrincipalSchema).default([]),
    users: z.array(UserSchema).default([]),
    oauth2PermissionGrants: z.array(PermissionGrantSchema).default([]),
    appRoleAssignments: z.array(AppRoleAssignmentSchema).default([]),
  })
  .strict();

/** A full scenario, with cross-references checked (every id a grant or assignment names exists). */
export const ScenarioSchema = ScenarioBodySchema.superRefine((s, ctx) => {
  const tenantIds = new Set(s.tenants.map((t) => t.id.toLowerCase()));
  const spIds = new Set(s.servicePrincipals.map((sp) => sp.id.toLowerCase()));
  const userIds = new Set(s.users.map((u) => u.id.toLowerCase()));
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  const tenantMatch = s.tenants.some((t) => t.id.toLowerCase() === s.profile.tenantId.toLowerCase() || t.domains.includes(s.profile.tenantId.toLowerCase()));
  if (!tenantMatch && !['common', 'organizations'].includes(s.profile.tenantId.toLowerCase()))
    issue(['profile', 'tenantId'], 'No tenant in this scenario has this ID or domain');
  if (!s.users.some((u) => u.userPrincipalName.toLowerCase() === s.signInUser.toLowerCase())) issue(['signInUser'], 'No user has this userPrincipalName');
  for (const [target, p] of Object.entries(s.targetProfiles)) {
    if (p && !s.applications.some((a) => a.appId.toLowerCase() === p.apiAppId.toLowerCase())) issue(['targetProfiles', target, 'apiAppId'], 'No application has this appId');
  }
  for (const target of s.targets)
    if (target !== 'octopus' && !(target in s.targetProfiles)) issue(['targets'], `"${target}" needs its app registration under targetProfiles`);

  s.applications.forEach((a, i) => {
    if (!tenantIds.has(a.tenantId.toLowerCase())) issue(['applications', i, 'tenantId'], 'Unknown tenant');
  });
  s.servicePrincipals.forEach((sp, i) => {
    if (!tenantIds.has(sp.tenantId.toLowerCase())) issue(['servicePrincipals', i, 'tenantId'], 'Unknown tenant');
  });
  s.users.forEach((u, i) => {
    if (!tenantIds.has(u.tenantId.toLowerCase())) issue(['users', i, 'tenantId'], 'Unknown tenant');
  });
  s.oauth2PermissionGrants.forEach((g, i) => {
    if (!spIds.has(g.clientId.toLowerCase())) issue(['oauth2PermissionGrants', i, 'clientId'], 'No service principal has this object id');
    if (!spIds.has(g.resourceId.toLowerCase())) issue(['oauth2PermissionGrants', i, 'resourceId'], 'No service principal has this object id');
    if (g.consentType === 'Principal' && (g.principalId === null || !userIds.has(g.principalId.toLowerCase())))
      issue(['oauth2PermissionGrants', i, 'principalId'], 'A Principal grant must name a user of this scenario');
    if (g.consentType === 'AllPrincipals' && g.principalId !== null) issue(['oauth2PermissionGrants', i, 'principalId'], 'An AllPrincipals grant has principalId null');
  });
  s.appRoleAssignments.forEach((a, i) => {
    if (!spIds.has(a.resourceId.toLowerCase())) issue(['appRoleAssignments', i, 'resourceId'], 'No service principal has this object id');
    const known = a.principalType === 'User' ? userIds : a.principalType === 'ServicePrincipal' ? spIds : null;
    if (known && !known.has(a.principalId.toLowerCase())) issue(['appRoleAssignments', i, 'principalId'], `No ${a.principalType === 'User' ? 'user' : 'service principal'} has this id`);
  });
  const dup = <T>(items: T[], key: (t: T) => string, path: string, field: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item).toLowerCase();
      if (seen.has(k)) issue([path, i, field], `Duplicate ${field}`);
      seen.add(k);
    });
  };
  dup(s.tenants, (t) => t.id, 'tenants', 'id');
  dup(s.applications, (a) => a.appId, 'applications', 'appId');
  dup(s.applications, (a) => a.id, 'applications', 'id');
  dup(s.servicePrincipals, (sp) => sp.id, 'servicePrincipals', 'id');
  dup(s.servicePrincipals, (sp) => `${sp.tenantId}/${sp.appId}`, 'servicePrincipals', 'appId');
  dup(s.users, (u) => u.id, 'users', 'id');
  dup(s.users, (u) => u.userPrincipalName, 'users', 'userPrincipalName');
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioTenant = z.output<typeof TenantSchema>;
export type ScenarioApplication = z.output<typeof ApplicationSchema>;
export type ScenarioServicePrincipal = z.output<typeof ServicePrincipalSchema>;
export type ScenarioUser = z.output<typeof UserSchema>;
export type ScenarioPermissionGrant = z.output<typeof PermissionGrantSchema>;
export type ScenarioAppRoleAssignment = z.output<typeof AppRoleAssignmentSchema>;
export type ScenarioFaults = z.output<typeof ScenarioFaultsSchema>;
export type PermissionScope = z.output<typeof PermissionScope>;
export type AppRoleDef = z.output<typeof AppRole>;

/** `applications[1].web.redirectUris[0]`: a zod issue path as a reader writes it. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}
