/**
 * Microsoft Graph v1.0 objects the audit reads (https://learn.microsoft.com/graph/api/resources/application,
 * …/serviceprincipal, …/oauth2permissiongrant), validated with zod. Only the
 * fields the rules use are declared; everything else Graph sends is ignored. Fields Graph may omit
 * or null are optional and nullable, so a partial `$select` or an older object still parses.
 */
import { z } from 'zod';

/** Microsoft Graph's own appId. */
export const GRAPH_RESOURCE_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Delegated User.Read on Microsoft Graph. */
export const USER_READ_SCOPE_ID = 'e1fe6dd8-ba31-4d61-89e7-88639da4683d';

const strings = z.array(z.string()).nullable().optional();

export const PasswordCredentialSchema = z.object({
  keyId: z.string(),
  displayName: z.string().nullable().optional(),
  hint: z.string().nullable().optional(),
  startDateTime: z.string().nullable().optional(),
  endDateTime: z.string().nullable().optional(),
});
export type GraphPasswordCredential = z.infer<typeof PasswordCredentialSchema>;

export const KeyCredentialSchema = z.object({
  keyId: z.string(),
  displayName: z.string().nullable().optional(),
  customKeyIdentifier: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  usage: z.string().nullable().optional(),
  startDateTime: z.string().nullable().optional(),
  endDateTime: z.string().nullable().optional(),
});
export type GraphKeyCredential = z.infer<typeof KeyCredentialSchema>;

const OptionalClaimSchema = z.object({ name: z.string() });

export const ApplicationSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string().nullable().optional(),
  identifierUris: strings,
  isFallbackPublicClient: z.boolean().nullable().optional(),
  web: z
    .object({
      redirectUris: strings,
      implicitGrantSettings: z
        .object({ enableAccessTokenIssuance: z.boolean().nullable().optional(), enableIdTokenIssuance: z.boolean().nullable().optional() })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  spa: z.object({ redirectUris: strings }).nullable().optional(),
  publicClient: z.object({ redirectUris: strings }).nullable().optional(),
  requiredResourceAccess: z
    .array(z.object({ resourceAppId: z.string(), resourceAccess: z.array(z.object({ id: z.string(), type: z.string() })) }))
    .nullable()
    .optional(),
  optionalClaims: z
    .object({ idToken: z.array(OptionalClaimSchema).nullable().optional(), accessToken: z.array(OptionalClaimSchema).nullable().optional(), saml2Token: z.array(OptionalClaimSchema).nullable().optional() })
    .nullable()
    .optional(),
  passwordCredentials: z.array(PasswordCredentialSchema).nullable().optional(),
});
export type GraphApplication = z.infer<typeof ApplicationSchema>;

export const ServicePrincipalSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string().nullable().optional(),
  accountEnabled: z.boolean().nullable().optional(),
  appRoleAssignmentRequired: z.boolean().nullable().optional(),
  preferredSingleSignOnMode: z.string().nullable().optional(),
  preferredTokenSigningKeyThumbprint: z.string().nullable().optional(),
  /** Absent when the tenant's Graph does not report it: the audit then says it cannot tell. */
  notificationEmailAddresses: z.array(z.string()).nullable().optional(),
  keyCredentials: z.array(KeyCredentialSchema).nullable().optional(),
});
export type GraphServicePrincipal = z.infer<typeof ServicePrincipalSchema>;

export const PermissionGrantSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  consentType: z.string(),
  principalId: z.string().nullable().optional(),
  resourceId: z.string(),
  scope: z.string().nullable().optional(),
});
export type GraphPermissionGrant = z.infer<typeof PermissionGrantSchema>;

export const AppRoleAssignmentSchema = z.object({
  id: z.string(),
  principalId: z.string(),
  principalType: z.string().nullable().optional(),
  principalDisplayName: z.string().nullable().optional(),
  appRoleId: z.string().nullable().optional(),
});
export type GraphAppRoleAssignment = z.infer<typeof AppRoleAssignmentSchema>;

/** A Graph collection page. */
export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });
}
