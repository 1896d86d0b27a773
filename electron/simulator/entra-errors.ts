/**
 * Entra's error responses, in its wire format (https://learn.microsoft.com/entra/identity-platform/reference-error-codes): the token/discovery JSON body,
 * the OAuth error a redirect carries, and the error code catalogue the simulator uses. Messages are
 * written in our own words, close to what Entra means.
 */

/** One Entra error: OAuth `error`, AADSTS number, HTTP status, and message text (no "AADSTSn: " prefix). */
export interface EntraError {
  error: string;
  code: number;
  status: number;
  message: string;
  suberror?: string;
  claims?: string;
}

/** Per-request ids Entra echoes in every error. */
export interface ErrorContext {
  traceId: string;
  correlationId: string;
  now: Date;
  /** Scheme + host (+port) the request came to. */
  origin: string;
}

/** `2020-04-09 17:28:46Z`: Entra's error timestamp format (space, no milliseconds). */
export function entraTimestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** Where Entra's error_uri points: its error-code lookup page. */
export const ENTRA_ERROR_LOOKUP = 'https://login.microsoftonline.com/error?code=';

/** The JSON body Entra sends for a failed token, discovery or metadata request. */
export function entraErrorBody(e: EntraError, ctx: ErrorContext): Record<string, unknown> {
  const ts = entraTimestamp(ctx.now);
  const body: Record<string, unknown> = {
    error: e.error,
    error_description: `AADSTS${e.code}: ${e.message}\r\nTrace ID: ${ctx.traceId}\r\nCorrelation ID: ${ctx.correlationId}\r\nTimestamp: ${ts}`,
    error_codes: [e.code],
    timestamp: ts,
    trace_id: ctx.traceId,
    correlation_id: ctx.correlationId,
    // Entra's error_uri is its public error lookup, never the host that answered
    // (tests/fixtures/recorded/token-error-7000215-invalid-secret.json).
    error_uri: `${ENTRA_ERROR_LOOKUP}${e.code}`,
  };
  if (e.suberror) body.suberror = e.suberror;
  if (e.claims) body.claims = e.claims;
  return body;
}

/** The catalogue: each function returns the error with the details of this request filled in. */
export const ERR = {
  tenantNotFound: (tenant: string): EntraError => ({
    error: 'invalid_tenant',
    code: 90002,
    status: 400,
    message: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  noTenantInfo: (): EntraError => ({
    error: 'invalid_request',
    code: 50059,
    status: 400,
    message: 'No tenant-identifying information found in either the request or implied by any provided credentials.',
  }),
  missingParameter: (name: string): EntraError => ({
    error: 'invalid_request',
    code: 900144,
    status: 400,
    message: `The request body must contain the following parameter: '${name}'.`,
  }),
  malformedRequest: (detail: string): EntraError => ({
    error: 'invalid_request',
    code: 90014,
    status: 400,
    message: `The request is malformed: ${detail}`,
  }),
  unsupportedGrantType: (grant: string): EntraError => ({
    error: 'unsupported_grant_type',
    code: 70003,
    status: 400,
    message: `The app requested an unsupported grant type '${grant}'.`,
  }),
  unsupportedResponseType: (type: string): EntraError => ({
    error: 'unsupported_response_type',
    code: 900144,
    status: 400,
    message: `The response_type '${type}' is not supported here; use 'code'.`,
  }),
  appNotFound: (appId: string, tenantName: string): EntraError => ({
    error: 'unauthorized_client',
    code: 700016,
    status: 400,
    message: `Application with identifier '${appId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  redirectMismatch: (redirectUri: string, appId: string): EntraError => ({
    error: 'invalid_request',
    code: 50011,
    status: 400,
    message: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
  }),
  userFromOtherTenant: (upn: string, tenantName: string, appId: string, appName: string): EntraError => ({
    error: 'invalid_request',
    code: 50020,
    status: 400,
    message: `User account '${upn}' from identity provider 'https://sts.windows.net/' does not exist in tenant '${tenantName}' and cannot access the application '${appId}'(${appName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
  }),
  userNotAssigned: (appName: string, appId: string, upn: string): EntraError => ({
    error: 'access_denied',
    code: 50105,
    status: 400,
    message: `Your administrator has configured the application ${appName} ('${appId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '${upn}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.`,
  }),
  consentRequired: (appId: string, appName: string): EntraError => ({
    error: 'consent_required',
    code: 65001,
    status: 400,
    suberror: 'consent_required',
    message: `The user or administrator has not consented to use the application with ID '${appId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
  }),
  /** A single-tenant app signed in through common/organizations (tests/fixtures/recorded/authorize-error-50194-single-tenant-common.json). */
  singleTenantViaCommon: (appId: string, appName: string): EntraError => ({
    error: 'invalid_request',
    code: 50194,
    status: 400,
    message: `Application '${appId}'(${appName}) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`,
  }),
  /** Cancel on the consent prompt (tests/fixtures/recorded/authorize-redirect-65004-consent-declined.json). */
  consentDeclined: (): EntraError => ({
    error: 'consent_required',
    code: 65004,
    status: 400,
    message: 'User declined to consent to access the app.',
  }),
  /** "Need admin approval": the user may not consent and no admin has (error-code reference, AdminConsentRequired). */
  adminConsentRequired: (appName: string): EntraError => ({
    error: 'access_denied',
    code: 90094,
    status: 400,
    message: `Need admin approval. ${appName} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.`,
  }),
  appDisabled: (appId: string, appName: string): EntraError => ({
    error: 'unauthorized_client',
    code: 7000112,
    status: 400,
    message: `Application '${appId}'(${appName}) is disabled.`,
  }),
  mfaRequired: (resource: string): EntraError => ({
    error: 'interaction_required',
    code: 50076,
    status: 400,
    suberror: 'basic_action',
    message: `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resource}'.`,
  }),
  invalidCredentials: (): EntraError => ({
    error: 'invalid_grant',
    code: 50126,
    status: 400,
    message: 'Error validating credentials due to invalid username or password.',
  }),
  userNotFound: (upn: string, tenantName: string): EntraError => ({
    error: 'invalid_grant',
    code: 50034,
    status: 400,
    message: `The user account ${upn} does not exist in the ${tenantName} directory. To sign into this application, the account must be added to the directory.`,
  }),
  loginRequired: (): EntraError => ({
    error: 'login_required',
    code: 50058,
    status: 400,
    message: 'A silent sign-in request was sent but no user is signed in.',
  }),
  invalidSecret: (appId: string): EntraError => ({
    error: 'invalid_client',
    code: 7000215,
    status: 401,
    message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
  }),
  expiredSecret: (appId: string): EntraError => ({
    error: 'invalid_client',
    code: 7000222,
    status: 401,
    message: `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
  }),
  secretRequired: (): EntraError => ({
    error: 'invalid_client',
    code: 7000218,
    status: 401,
    message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  resourceNotFound: (resource: string, tenantName: string): EntraError => ({
    error: 'invalid_resource',
    code: 500011,
    status: 400,
    message: `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  }),
  defaultScopeRequired: (scope: string): EntraError => ({
    error: 'invalid_scope',
    code: 1002012,
    status: 400,
    message: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  }),
  invalidScope: (scope: string): EntraError => ({
    error: 'invalid_scope',
    code: 70011,
    status: 400,
    message: `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' ('${scope}') is not valid.`,
  }),
  badGrant: (): EntraError => ({
    error: 'invalid_grant',
    code: 9002313,
    status: 400,
    message: 'Invalid request. Request is malformed or invalid.',
  }),
  codeRedeemed: (): EntraError => ({
    error: 'invalid_grant',
    code: 54005,
    status: 400,
    message: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  grantExpired: (): EntraError => ({
    error: 'invalid_grant',
    code: 70008,
    status: 400,
    message: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  }),
  codeForOtherClient: (): EntraError => ({
    error: 'invalid_grant',
    code: 70000,
    status: 400,
    message: 'Provided grant is invalid or malformed: the authorization code was issued to a different client.',
  }),
  redirectUriChanged: (given: string, original: string): EntraError => ({
    error: 'invalid_grant',
    code: 500112,
    status: 400,
    message: `The reply address '${given}' does not match the reply address '${original}' provided when requesting Authorization code.`,
  }),
  pkceMismatch: (): EntraError => ({
    error: 'invalid_grant',
    code: 501481,
    status: 400,
    message: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  serviceError: (status: number): EntraError => ({
    error: status === 503 ? 'temporarily_unavailable' : 'server_error',
    code: 50000,
    status,
    message: 'There was an error issuing a token or an issue with our sign-in service.',
  }),
} as const;
