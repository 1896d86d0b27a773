/**
 * Full catalog entries for the codes federation setups really hit, written for THIS setup: an
 * Octopus-style ITSM product with a SAML-OpenID app registration, an API app registration with a
 * client secret, and the Octopus Web URL as the redirect URI. Causes are ranked most likely first.
 *
 * Text may use these placeholders, filled in from the selected profile (or generic words without one):
 * {API app}, {SAML-OpenID app}, {tenant}, {Web URL}, {cloud}.
 */
import type { ClientFamily } from './clients';
import type { LinkKey } from './links';

export interface FullEntry {
  code: number | string;
  /** Plain-language title ("Redirect URI mismatch"). */
  title: string;
  /** What happened, in plain words. */
  explanation: string;
  /** Ranked for this setup, most likely first. */
  causes: readonly string[];
  /** Steps, each with the exact admin-center path where one applies. */
  fix: readonly string[];
  links: readonly LinkKey[];
  /** Extra words the catalog search should find this entry by. */
  tags?: readonly string[];
  /**
   * Where the facts come from: a Microsoft Learn page, or Microsoft's lookup page for the code.
   * Without one, the catalog names Microsoft Learn's AADSTS reference when it lists the code, else
   * the lookup page (sources.ts).
   */
  source?: string;
  /**
   * Causes when the text comes from another app than the Octopus setup (Azure CLI, a console app,
   * a daemon, a single-page app), most likely first. Without them, the causes that do not name the
   * Octopus setup are used.
   */
  elsewhere?: readonly string[];
  /** Causes for one kind of client, put first when the text comes from such a client. */
  forClient?: Partial<Record<ClientFamily, readonly string[]>>;
  /** The explanation in words that fit any app, when `explanation` speaks of the Octopus setup. */
  explanationElsewhere?: string;
}

/** Placeholders the text may contain. */
export const PLACEHOLDERS = ['{API app}', '{SAML-OpenID app}', '{tenant}', '{Web URL}', '{cloud}'] as const;

export const AC = 'Entra admin center';
export const APPREG = `${AC} > Identity > Applications > App registrations`;
export const ENTERPRISE = `${AC} > Identity > Applications > Enterprise applications`;
export const SIGNINS = `${AC} > Identity > Monitoring & health > Sign-in logs`;
export const CA = `${AC} > Protection > Conditional Access > Policies`;
export const USERS = `${AC} > Identity > Users > All users`;
export const OVERVIEW = `${AC} > Identity > Overview`;

export const SIGNIN_LOG_STEP = `Open ${SIGNINS}, filter by the Correlation ID above, and read the Failure reason and the Conditional Access tab of the failed sign-in.`;
export const RETRY_STEP = 'Sign in again (or run Check Compatibility) to confirm the fix; Entra changes can take a few minutes to apply.';

export const FULL_ENTRIES: readonly FullEntry[] = [
  // ----- Redirect URIs -------------------------------------------------------------------------
  {
    code: 50011,
    title: 'Redirect URI mismatch',
    explanation:
      'The sign-in request asked Entra to send the user back to a redirect URI that is not registered on the app exactly as sent. Entra compares the whole string: scheme, host, port, path, letter case and the trailing slash.',
    causes: [
      'The Octopus Web URL ({Web URL}) is not in the Web redirect URIs of {API app}, or differs by a trailing slash.',
      'The URI is registered under the wrong platform (Single-page application or Mobile and desktop instead of Web).',
      'Octopus runs under another host name than the one registered (a load balancer, an alias, http vs https, or a port).',
      'The request went to the other app registration ({SAML-OpenID app}) whose redirect URIs do not include the Web URL.',
    ],
    forClient: {
      spa: [
        "The single-page app sends its own address (window.location.origin, for example http://localhost:3000 during development) as redirect URI, and that address is not registered under Single-page application.",
      ],
      "public-client": [
        "The desktop or mobile app's redirect URI is not registered under Mobile and desktop applications: http://localhost for MSAL desktop apps, msauth.<bundle ID>://auth on iOS and macOS, msauth://<package>/<signature hash> on Android.",
      ],
      confidential: [
        "The web app builds its redirect URI from the incoming request (behind a proxy: http instead of https, an internal host name or port), and that URI is not registered under Web.",
      ],
    },
    fix: [
      `Open ${APPREG} > {API app} > Authentication.`,
      'Under Platform configurations > Web > Redirect URIs, add the Web URL exactly as Octopus sends it ({Web URL}), including the trailing slash, and Save.',
      'If the URI is listed under Single-page application or Mobile and desktop applications, remove it there and add it under Web.',
      'Make the Web URL in Octopus and in this profile identical to the registered URI (same host name, https, trailing slash).',
      RETRY_STEP,
    ],
    links: ['api-authentication', 'saml-authentication'],
    tags: ['redirect', 'reply url', 'web url', 'trailing slash'],
  },
  {
    code: 500113,
    title: 'No redirect URI registered on the app',
    explanation: 'The app registration has no redirect URI at all, so Entra has nowhere to send the user after sign-in.',
    causes: [
      '{API app} was created without a Web platform, or its redirect URIs were removed.',
      'The sign-in went to a different app registration than the one you configured.',
    ],
    fix: [
      `Open ${APPREG} > {API app} > Authentication.`,
      'Select Add a platform > Web, enter the Octopus Web URL ({Web URL}) with its trailing slash, and select Configure.',
      RETRY_STEP,
    ],
    links: ['api-authentication'],
    tags: ['redirect', 'reply url'],
  },
  {
    code: 500112,
    title: 'Redirect URI changed between sign-in and code redemption',
    explanation:
      'Octopus got the authorization code with one redirect URI and then redeemed it with another. Both steps must send the very same URI.',
    explanationElsewhere:
      "The app got the authorization code with one redirect URI and then redeemed it with another. Both steps must send the very same URI.",
    causes: [
      'Octopus builds the redirect URI from the incoming request host (behind a proxy or load balancer) in one step and from its configured Web URL in the other.',
      'A trailing slash or letter case differs between the two steps.',
    ],
    fix: [
      'Set the Octopus Web URL to the one public address users reach it by, with a trailing slash ({Web URL}).',
      'Make sure the proxy forwards the original host name and https scheme to Octopus.',
      `Keep exactly that URI in ${APPREG} > {API app} > Authentication > Web > Redirect URIs.`,
    ],
    links: ['api-authentication'],
    tags: ['redirect', 'proxy'],
  },
  {
    code: 500117,
    title: 'Redirect URI is not https',
    explanation: 'The redirect URI in the request uses http (or another insecure scheme). Entra accepts http only for localhost.',
    causes: [
      'The Octopus Web URL is configured as http://, or a TLS-offloading proxy makes Octopus believe it runs on http.',
    ],
    elsewhere: [
      "The redirect URI the app sends uses http:// (or another insecure scheme) for a host other than localhost.",
      "A proxy or load balancer terminates TLS, so the app builds its redirect URI with http:// from the request it sees.",
    ],
    fix: [
      'Change the Octopus Web URL to https:// (and this profile with it).',
      'If a proxy terminates TLS, configure it to pass X-Forwarded-Proto: https and make Octopus honour it.',
      `Register the https URI in ${APPREG} > {API app} > Authentication > Web > Redirect URIs.`,
    ],
    links: ['api-authentication'],
    tags: ['redirect', 'https', 'http'],
  },
  {
    code: 900971,
    title: 'No reply address sent',
    explanation: 'The sign-in request carried no redirect_uri and Entra could not pick one from the app registration.',
    causes: [
      'Octopus sent the request without redirect_uri because its Web URL setting is empty.',
      '{API app} has several redirect URIs and none was named in the request, or it has none.',
    ],
    elsewhere: [
      "The app sent no redirect_uri, and its registration has several redirect URIs (or none), so Entra cannot pick one.",
    ],
    fix: [
      'Fill in the Octopus Web URL (with trailing slash) in Octopus and in this profile.',
      `Check ${APPREG} > {API app} > Authentication > Web > Redirect URIs lists that URL.`,
    ],
    links: ['api-authentication'],
    tags: ['redirect'],
  },
  {
    code: 9002326,
    title: 'Web URL registered as a single-page app',
    explanation:
      "A browser-side request redeemed the code, which Entra only allows for Single-page application redirect URIs. In this setup the Octopus server redeems the code, so the URI belongs under the Web platform.",
    explanationElsewhere:
      "A browser-side (cross-origin) request redeemed the code, which Entra only allows for redirect URIs registered as Single-page application. A server that redeems codes needs its redirect URI under Web; a single-page app needs it under Single-page application.",
    causes: [
      'The Octopus Web URL was added under Single-page application instead of Web on {API app}.',
      'A browser-based test tool (not Octopus) called the token endpoint.',
    ],
    elsewhere: [
      "The redirect URI is registered under Web or Mobile and desktop applications, but the code was redeemed from browser JavaScript (a cross-origin request), which Entra allows only for Single-page application redirect URIs.",
      "A browser-based test tool called the token endpoint directly.",
    ],
    fix: [
      `Open ${APPREG} > {API app} > Authentication.`,
      'Remove the Web URL from Single-page application and add it under Web > Redirect URIs, then Save.',
      RETRY_STEP,
    ],
    links: ['api-authentication'],
    tags: ['spa', 'redirect', 'cors'],
  },
  {
    code: 70004,
    title: 'Invalid redirect URI',
    explanation: 'The redirect address in the request does not match any address configured for the app.',
    causes: ['The Octopus Web URL differs from the registered redirect URIs of {API app}.'],
    elsewhere: [
      "The redirect address the app sends matches none of the redirect URIs registered on the app (scheme, host, port, path, letter case and trailing slash all count).",
    ],
    fix: [
      `Open ${APPREG} > {API app} > Authentication > Web > Redirect URIs and add {Web URL} exactly as sent.`,
      RETRY_STEP,
    ],
    links: ['api-authentication'],
    tags: ['redirect'],
  },
  // ----- Secrets and client authentication ------------------------------------------------------
  {
    code: 7000215,
    title: 'Wrong client secret (often the Secret ID instead of the Value)',
    explanation:
      "The client secret sent for the API app does not match any of its secrets. The usual reason: the Secret ID (a GUID) was copied instead of the secret's Value, which Entra shows only once, right after it is created.",
    explanationElsewhere:
      "The client secret the app sent does not match any of its secrets. The usual reason: the Secret ID (a GUID) was copied instead of the secret's Value, which Entra shows only once, right after it is created.",
    causes: [
      "The Secret ID was pasted instead of the Value (Certificates & secrets shows both; only the Value works).",
      'The secret was copied incompletely, with a space, or from an old, deleted secret.',
      "The secret belongs to the other app registration ({SAML-OpenID app}) rather than {API app}.",
      'Octopus still uses an old secret after a new one was created in Entra.',
    ],
    fix: [
      `Open ${APPREG} > {API app} > Certificates & secrets > Client secrets.`,
      'Compare the first three characters shown in the Value column with the hint of the secret this profile stores.',
      'If none matches, select New client secret, copy its Value (not the Secret ID) immediately, and paste it into Octopus and this profile.',
      'Record the new Expires date in the profile so Federation Desk warns before it lapses.',
      RETRY_STEP,
    ],
    links: ['api-credentials'],
    tags: ['secret', 'client secret', 'secret id', 'value', 'invalid_client'],
  },
  {
    code: 7000222,
    title: 'Client secret expired',
    explanation: 'The client secret Octopus sends for the API app has passed its expiry date, so Entra no longer accepts it.',
    explanationElsewhere:
      "The client secret the app sends has passed its expiry date, so Entra no longer accepts it.",
    causes: [
      'The secret on {API app} reached its Expires date (Entra secrets last at most 24 months).',
      'A new secret was created in Entra, but Octopus still sends the old, expired one.',
    ],
    elsewhere: [
      "The client secret the app sends has passed its Expires date (Certificates & secrets shows the date).",
      "A new secret was created, but the app's configuration (app settings, pipeline variable, key vault) still holds the expired one.",
    ],
    fix: [
      `Open ${APPREG} > {API app} > Certificates & secrets > Client secrets and select New client secret.`,
      'Copy the new Value at once and paste it into Octopus and this profile; record its Expires date.',
      'Delete the expired secret once sign-in works again.',
      RETRY_STEP,
    ],
    links: ['api-credentials'],
    tags: ['secret', 'expired', 'expiry'],
  },
  {
    code: 7000218,
    title: 'No client secret sent (app is confidential)',
    explanation:
      'The token request carried neither a client secret nor a client assertion, but the app is a confidential client, so Entra insists on one.',
    causes: [
      'The API secret is empty in Octopus (or in this profile), so nothing was sent.',
      "The flow is meant to run as a public client, but 'Allow public client flows' is off on the app.",
    ],
    forClient: {
      "public-client": [
        "'Allow public client flows' (Treat application as a public client) is off on the app registration, while the app uses a flow that sends no secret and no redirect URI (device code, username and password, integrated Windows authentication).",
        'The redirect URI the app sends is registered under Web, which makes Entra treat the request as a confidential client; a desktop or mobile app needs it under Mobile and desktop applications.',
      ],
      confidential: [
        "The app's secret or certificate is not configured where it runs (an empty environment variable or app setting), so nothing was sent.",
      ],
    },
    fix: [
      'Enter the API app secret Value in Octopus and in this profile.',
      `Only if this flow is meant to run without a secret: ${APPREG} > {API app} > Authentication > Advanced settings > Allow public client flows = Yes.`,
      RETRY_STEP,
    ],
    source: 'https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218',
    links: ['api-credentials', 'api-authentication'],
    tags: ['public client', 'secret', 'client_assertion'],
  },
  {
    code: 700025,
    title: 'Secret sent by a public client',
    explanation: "The app is treated as a public client, and public clients must not send a secret; Entra refused the request because one was sent.",
    causes: [
      "'Allow public client flows' is Yes on {API app} while Octopus authenticates with a secret.",
      'The redirect URI is registered under Mobile and desktop applications, making the request a public-client one.',
    ],
    fix: [
      `Open ${APPREG} > {API app} > Authentication > Advanced settings and set Allow public client flows to No.`,
      'Move the Web URL from Mobile and desktop applications to Web > Redirect URIs.',
      RETRY_STEP,
    ],
    links: ['api-authentication'],
    tags: ['public client'],
  },
  {
    code: 7000112,
    title: 'Application is disabled',
    explanation: "The app's service principal in the tenant is disabled, so Entra issues no tokens for it.",
    causes: [
      "Enabled for users to sign in? is No on the enterprise application of {API app} or {SAML-OpenID app}.",
      'An admin or a security tool disabled the app after an incident.',
    ],
    fix: [
      `Open ${ENTERPRISE}, search for the app by its Application ID, and open Properties.`,
      'Set Enabled for users to sign in? to Yes and Save (if it was disabled on purpose, ask why first).',
      RETRY_STEP,
    ],
    links: ['enterprise-apps'],
    tags: ['disabled', 'service principal'],
  },
  {
    code: 70001,
    title: 'Application disabled or not found',
    explanation: 'Entra found no usable application for the client ID in the request: it is disabled or does not exist in this tenant.',
    causes: [
      'The Application (client) ID in Octopus is wrong or belongs to another tenant.',
      "The app's enterprise application is disabled.",
    ],
    fix: [
      `Compare the Application (client) ID in ${APPREG} > {API app} > Overview with Octopus and this profile.`,
      `Check ${ENTERPRISE} > (the app) > Properties > Enabled for users to sign in? is Yes.`,
    ],
    links: ['api-overview', 'enterprise-apps'],
    tags: ['disabled'],
  },
  {
    code: 700027,
    title: 'Client assertion signature invalid',
    explanation: 'The app authenticated with a certificate (client assertion) whose signature Entra could not verify against the certificates uploaded to the app.',
    causes: [
      'The certificate used to sign is not uploaded to {API app}, or a renewed certificate was not uploaded.',
      'The assertion was built with the wrong key, thumbprint or algorithm.',
    ],
    fix: [
      `Open ${APPREG} > {API app} > Certificates & secrets > Certificates and upload the public certificate in use.`,
      'Or switch Octopus back to a client secret if it does not use certificates on purpose.',
    ],
    links: ['api-credentials'],
    tags: ['certificate', 'assertion'],
  },
  {
    code: 70002,
    title: 'Client credentials invalid',
    explanation: "The client secret did not validate for this client.",
    causes: ['The secret Value is wrong, expired, or belongs to another app.', 'The Secret ID was used instead of the Value.'],
    fix: [
      `Create a new secret in ${APPREG} > {API app} > Certificates & secrets and paste its Value into Octopus and this profile.`,
      RETRY_STEP,
    ],
    links: ['api-credentials'],
    tags: ['secret', 'invalid_client'],
  },
  // ----- Tenants, apps and endpoints -----------------------------------------------------------
  {
    code: 90002,
    title: 'Tenant not found',
    explanation:
      'The tenant in the sign-in address does not exist in the cloud that was called. Entra looks the tenant up by GUID or verified domain name.',
    causes: [
      'The Directory (tenant) ID ({tenant}) has a typo, or is another ID (an app ID or a subscription ID).',
      'A domain name was used that is not a verified domain of the tenant.',
      'The tenant is in another cloud (US Government or China) than the one called ({cloud}).',
      'The tenant was deleted.',
    ],
    fix: [
      `Open ${OVERVIEW} and copy the Tenant ID.`,
      'Paste it into Octopus and this profile as the Directory (tenant) ID, and pick the right cloud.',
      RETRY_STEP,
    ],
    links: ['tenant-overview'],
    tags: ['tenant', 'directory id', 'cloud'],
  },
  {
    code: 900021,
    title: 'Tenant ID is an empty GUID',
    explanation: 'The tenant in the request was 00000000-0000-0000-0000-000000000000, which is a placeholder, not a tenant.',
    causes: ['The Directory (tenant) ID field in Octopus was never filled in, or a template value was left in place.'],
    elsewhere: [
      "The app sent an all-zero GUID (00000000-0000-0000-0000-000000000000) as the tenant: a placeholder in its configuration was never filled in.",
    ],
    fix: [`Copy the Tenant ID from ${OVERVIEW} into Octopus and this profile.`, RETRY_STEP],
    links: ['tenant-overview'],
    tags: ['tenant'],
  },
  {
    code: 900023,
    title: 'Tenant identifier is not valid',
    explanation: 'The text in the tenant position of the sign-in address is neither a GUID nor a domain name.',
    causes: [
      'The tenant field holds a URL fragment (for example "oauth2" or "authorize") or extra characters.',
      'The authority URL was built with a missing or doubled path segment.',
    ],
    fix: [`Set the tenant to the bare Tenant ID from ${OVERVIEW} (a GUID) in Octopus and this profile.`, RETRY_STEP],
    links: ['tenant-overview'],
    tags: ['tenant'],
  },
  {
    code: 700016,
    title: 'Application not found in the tenant',
    explanation:
      'No app with the Application (client) ID in the request exists in the tenant the request went to. Either the ID is wrong or the request went to another tenant.',
    causes: [
      "The Application (client) ID in Octopus is mistyped, or the two IDs ({API app} and {SAML-OpenID app}) are swapped.",
      'The Object ID or the tenant ID was copied instead of the Application (client) ID.',
      'The app is registered in another tenant than {tenant}.',
      'The app registration was deleted.',
    ],
    forClient: {
      cli: [
        "The command passes a client ID (-ClientId, --username of a service principal, AZURE_CLIENT_ID) of an app registered in another tenant than the one named in --tenant / -TenantId.",
      ],
      "public-client": [
        "The client ID in the app's configuration is wrong, or the app is registered in another tenant than the authority the code uses (a tenant-specific authority for a single-tenant app of another tenant).",
      ],
      spa: [
        "The clientId in the MSAL configuration is wrong, or the authority names another tenant than the one the app is registered in.",
      ],
      confidential: [
        "The client ID in the app's configuration (environment variable, app settings, key vault) is wrong, or the app is registered in another tenant than the authority the code uses.",
      ],
    },
    fix: [
      `Open ${APPREG} > All applications, find each app, and copy the Application (client) ID from its Overview.`,
      'Check each ID is in the right field in Octopus and in this profile (SAML-OpenID app vs API app).',
      `Check the Directory (tenant) ID on the same Overview page equals {tenant}.`,
      RETRY_STEP,
    ],
    links: ['api-overview', 'saml-overview', 'app-registrations'],
    tags: ['client id', 'application id', 'unauthorized_client', 'app not found'],
  },
  {
    code: 700011,
    title: 'Client app not found in the tenant',
    explanation: 'A client app asked this tenant for a token, but no app with that identifier exists here.',
    causes: ['The app ID is wrong or the app lives in another tenant.'],
    fix: [`Compare the IDs in ${APPREG} > (each app) > Overview with Octopus and this profile.`],
    links: ['app-registrations'],
    tags: ['client id'],
  },
  {
    code: 50194,
    title: 'Single-tenant app called through /common',
    explanation:
      'The app accepts accounts from its own tenant only, but the sign-in went to the shared /common (or /organizations) endpoint, which single-tenant apps created after late 2018 may not use.',
    causes: [
      "The tenant is set to 'common' or 'organizations' in Octopus ({tenant} in this profile).",
      'Some part of the setup builds the authority without the tenant ID.',
    ],
    fix: [
      `Replace 'common' with the Tenant ID from ${OVERVIEW} in Octopus and this profile.`,
      `Only if users from other tenants really must sign in: ${APPREG} > {API app} > Authentication > Supported account types > Accounts in any organizational directory.`,
      RETRY_STEP,
    ],
    links: ['tenant-overview', 'api-authentication'],
    tags: ['common', 'organizations', 'multi-tenant', 'single-tenant'],
  },
  {
    code: 50059,
    title: 'No tenant in the request',
    explanation: 'Nothing in the request said which tenant to use, and the credentials did not imply one either.',
    causes: [
      "A public-client or device flow was sent to /common without a user hint.",
      'The tenant field in Octopus is empty.',
    ],
    fix: [`Put the Tenant ID from ${OVERVIEW} in Octopus and this profile, so requests go to /<tenant ID>.`],
    links: ['tenant-overview'],
    tags: ['tenant', 'common', 'public client'],
  },
  {
    code: 50128,
    title: 'No tenant found for the domain',
    explanation: "Entra could not find a tenant from the request or the user name's domain.",
    causes: [
      'The user typed an address whose domain is not a verified domain of any Entra tenant.',
      'The tenant field holds a domain that is not verified in the tenant.',
    ],
    fix: [
      'Sign in with the account in its exact user principal name form (user@yourdomain).',
      `Use the Tenant ID (GUID) from ${OVERVIEW} rather than a domain in Octopus and this profile.`,
    ],
    links: ['tenant-overview', 'users'],
    tags: ['tenant', 'domain'],
  },
  {
    code: 50020,
    title: "User's account is not in this tenant",
    explanation:
      "The person signed in with an account from another tenant or a personal Microsoft account, and that account is not a guest in the app's tenant.",
    causes: [
      'The user picked a personal or other-company account in the account picker.',
      'The user should be invited as a guest of {tenant} but is not yet.',
      "The tenant is 'common' while the app is single-tenant, so accounts of other tenants are tried.",
    ],
    forClient: {
      cli: [
        "The tool signed in to the account's home tenant, or to a tenant where the account is not a guest: name the tenant (az login --tenant <tenant ID>, Connect-AzAccount -Tenant <tenant ID>, Connect-MgGraph -TenantId <tenant ID>).",
        "A personal Microsoft account (or another company's account) was chosen in the account picker.",
      ],
    },
    fix: [
      'Ask the user to sign out of all Microsoft accounts and sign in with their work account in {tenant}.',
      `If they belong elsewhere, invite them as a guest: ${USERS} > New user > Invite external user.`,
    ],
    links: ['users', 'sign-in-logs'],
    tags: ['guest', 'b2b', 'external', 'personal account'],
  },
  {
    code: 90072,
    title: 'External account cannot satisfy MFA here',
    explanation:
      "The account used comes from outside the tenant (not a guest here), so it cannot complete this tenant's MFA requirement.",
    causes: [
      'The user signed in with an account from another tenant that has not been invited.',
      "For synced users: the on-premises ImmutableID does not match the cloud user.",
    ],
    fix: [
      `Invite the user as a guest (${USERS} > New user > Invite external user), or have them use their account in {tenant}.`,
      SIGNIN_LOG_STEP,
    ],
    links: ['users', 'sign-in-logs'],
    tags: ['guest', 'mfa', 'external'],
  },
  {
    code: 90038,
    title: 'Tenant is in another cloud',
    explanation: 'The tenant belongs to a national cloud (US Government or China) that the cloud called does not federate with.',
    causes: ["This profile's cloud ({cloud}) is not the tenant's cloud."],
    fix: ['Pick the right cloud in this profile and use that cloud\'s sign-in host in Octopus.'],
    links: ['tenant-overview'],
    tags: ['cloud', 'usgov', 'china', 'sovereign'],
  },
  {
    code: 90124,
    title: 'Resource cannot be used through /common',
    explanation: 'A v1-style resource was asked for through /common or /consumers, which Entra does not allow for it.',
    causes: ["The tenant is 'common' in Octopus.", 'A v1 resource parameter was sent to the v2 endpoint via common.'],
    fix: [`Use the Tenant ID from ${OVERVIEW} instead of common in Octopus and this profile.`],
    links: ['tenant-overview'],
    tags: ['common', 'v1', 'v2'],
  },
  {
    code: 90130,
    title: 'App cannot be used through /common',
    explanation: 'This app is not available through /common or /consumers; it needs the tenant-specific endpoint.',
    causes: ["The tenant is 'common' in Octopus."],
    elsewhere: [
      "The app signs in through /common or /consumers, and its registration cannot be used there (it is single-tenant, or not converged for the v2.0 endpoint): use /organizations or the tenant-specific endpoint.",
    ],
    fix: [`Use the Tenant ID from ${OVERVIEW} instead of common in Octopus and this profile.`],
    links: ['tenant-overview'],
    tags: ['common', 'v2'],
  },
  {
    code: 9001023,
    title: 'Grant type not allowed on /common',
    explanation: 'The grant used (for example client credentials) cannot go to /common or /consumers.',
    causes: ["The tenant is 'common' or 'consumers' while Octopus uses the API app secret (client credentials)."],
    elsewhere: [
      "The app uses a grant (for example client credentials) against /common or /consumers; that grant needs /organizations or the tenant-specific endpoint.",
    ],
    fix: [`Use the Tenant ID from ${OVERVIEW} in Octopus and this profile.`],
    links: ['tenant-overview'],
    tags: ['common', 'client credentials'],
  },
  // ----- v1/v2 and issuer ---------------------------------------------------------------------
  {
    code: 901002,
    title: "v1 'resource' parameter sent to the v2 endpoint",
    explanation:
      "The request used the v1 'resource' parameter against the v2.0 endpoint, which only takes scopes (for example api://<API app ID>/.default).",
    causes: [
      'Octopus (or a script) is configured with a v2.0 authority but still sends resource=...',
      'The authority URL mixes /oauth2/token (v1) settings with /oauth2/v2.0/token.',
    ],
    fix: [
      "Use scope=api://<API app ID>/.default (or the API's scope) instead of resource=...",
      `Check ${APPREG} > {API app} > Expose an API: the Application ID URI is api://<API app ID>.`,
    ],
    links: ['api-expose'],
    tags: ['v1', 'v2', 'issuer', 'resource', 'scope'],
  },
  {
    code: 50013,
    title: 'Assertion invalid (issuer, version or lifetime)',
    explanation:
      "An assertion handed to Entra was rejected: expired, malformed, or its issuer does not match the token version the API expects (the v1 sts.windows.net issuer versus the v2 login.microsoftonline.com/{tenant}/v2.0 issuer).",
    causes: [
      "{API app} issues v1 tokens (accessTokenAcceptedVersion empty or 1) while the receiving side expects v2, or the other way round.",
      'The token had expired before it was exchanged.',
    ],
    fix: [
      `Open ${APPREG} > {API app} > Manifest and set "accessTokenAcceptedVersion": 2 (or make the validator accept the v1 issuer https://sts.windows.net/<tenant>/).`,
      'Request a fresh token and try again.',
    ],
    links: ['api-overview'],
    tags: ['v1', 'v2', 'issuer', 'accessTokenAcceptedVersion'],
  },
  {
    code: 'IDX10205',
    title: 'Issuer validation failed (v1/v2 issuer mix-up)',
    explanation:
      "The Octopus server (.NET IdentityModel) rejected a token because its issuer is not one it accepts. Typically the token carries the v1 issuer https://sts.windows.net/{tenant}/ while the server expects https://login.microsoftonline.com/{tenant}/v2.0, or the token comes from another tenant.",
    explanationElsewhere:
      "The app or API (.NET IdentityModel) rejected a token because its issuer is not one it accepts. Typically the token carries the v1 issuer https://sts.windows.net/{tenant}/ while the validator expects https://login.microsoftonline.com/{tenant}/v2.0, or the token comes from another tenant.",
    causes: [
      "{API app} issues v1 access tokens (accessTokenAcceptedVersion is empty or 1) while Octopus validates against the v2.0 metadata.",
      'The tenant ID in Octopus differs from the tenant that issued the token ({tenant}).',
      "The tenant is 'common' and the server compares the issuer literally.",
    ],
    fix: [
      `Open ${APPREG} > {API app} > Manifest and set "accessTokenAcceptedVersion": 2, then Save.`,
      'Sign out and in again so a new token with the v2 issuer is issued.',
      'Make the tenant in Octopus the Tenant ID GUID, not common.',
    ],
    links: ['api-overview', 'tenant-overview'],
    tags: ['v1', 'v2', 'issuer', 'sts.windows.net', 'idx'],
  },
  {
    code: 'IDX10214',
    title: 'Audience validation failed',
    explanation:
      "The Octopus server rejected a token because its audience (aud) is not one it expects: the token was issued for another app or in another form (GUID vs api:// URI).",
    explanationElsewhere:
      "The app or API (.NET IdentityModel) rejected a token because its audience (aud) is not one it expects: the token was issued for another app or in another form (GUID vs api:// URI).",
    causes: [
      'The token was requested for another resource than {API app}.',
      'v1 tokens carry the Application ID URI (api://...) as audience while v2 tokens carry the app GUID, and the server expects the other form.',
    ],
    fix: [
      `Check ${APPREG} > {API app} > Expose an API: Application ID URI is api://<API app ID>.`,
      'Set "accessTokenAcceptedVersion": 2 in the Manifest so the audience is the app GUID, or configure the server to accept both forms.',
    ],
    links: ['api-expose', 'api-overview'],
    tags: ['audience', 'aud', 'v1', 'v2', 'idx'],
  },
  {
    code: 'IDX10223',
    title: 'Token expired (lifetime validation failed)',
    explanation: 'The Octopus server rejected a token whose lifetime has ended, or its clock is far off.',
    explanationElsewhere:
      "The app or API (.NET IdentityModel) rejected a token whose lifetime has ended, or its clock is far off.",
    causes: ['The server clock is wrong (check time sync).', 'A cached token was used after it expired.'],
    fix: ['Fix the server time (NTP) and sign in again.'],
    links: [],
    tags: ['clock', 'expired', 'idx'],
  },
  {
    code: 'IDX10501',
    title: 'Signing key not found',
    explanation: "The Octopus server found no key matching the token's signature key ID.",
    explanationElsewhere:
      "The app or API (.NET IdentityModel) found no key matching the token's signature key ID.",
    causes: [
      'The server caches old signing keys (Entra rolled its keys).',
      'The server reads metadata of another tenant or cloud than the one that issued the token.',
    ],
    fix: ['Restart the Octopus service or clear its metadata cache.', 'Check the authority (tenant and cloud) the server uses.'],
    links: ['tenant-overview'],
    tags: ['signing key', 'kid', 'idx'],
  },
  // ----- Consent and permissions ---------------------------------------------------------------
  {
    code: 65001,
    title: 'Consent missing',
    explanation: 'Nobody has consented to the app using the permissions it asks for on behalf of this user.',
    causes: [
      "Admin consent was never granted on {API app} (for example for Microsoft Graph User.Read), and users may not consent themselves.",
      'A permission was added to the app after consent was granted.',
      'The consent was revoked.',
    ],
    forClient: {
      cli: [
        "The command asks for Microsoft Graph permissions (Connect-MgGraph -Scopes, az ad) that nobody has consented to for the tool's app in this tenant, and users may not consent: an administrator runs the same command once and consents on behalf of the organisation.",
      ],
      "public-client": [
        "The app asks for a permission that users may not consent to, or that was added after consent; an administrator grants consent in the app's API permissions.",
      ],
      spa: [
        "The app asks for a permission that users may not consent to, or that was added after consent; an administrator grants consent in the app's API permissions.",
      ],
      confidential: [
        "The app uses application permissions (client credentials) that no administrator granted: application permissions always need admin consent.",
      ],
    },
    fix: [
      `Open ${APPREG} > {API app} > API permissions.`,
      'Select Grant admin consent for the tenant (needs a Cloud Application Administrator or higher), and check every row shows Granted.',
      RETRY_STEP,
    ],
    links: ['api-permissions'],
    tags: ['consent', 'permission', 'user.read'],
  },
  {
    code: 65004,
    title: 'User declined consent',
    explanation: 'The consent prompt was shown and the user selected Cancel or declined.',
    causes: ['The user declined the prompt.', 'Admin consent was not granted, so users see the prompt at all.'],
    fix: [
      `Grant consent once for everyone: ${APPREG} > {API app} > API permissions > Grant admin consent.`,
      'Then ask the user to sign in again.',
    ],
    links: ['api-permissions'],
    tags: ['consent'],
  },
  {
    code: 90094,
    title: 'Admin consent required',
    explanation: 'The app asks for permissions only an administrator may grant, and no admin has granted them.',
    causes: [
      'Users may not consent to apps in this tenant (user consent settings).',
      '{API app} asks for a permission that needs admin consent.',
    ],
    fix: [
      `An admin opens ${APPREG} > {API app} > API permissions and selects Grant admin consent.`,
      RETRY_STEP,
    ],
    links: ['api-permissions'],
    tags: ['consent', 'admin'],
  },
  {
    code: 90095,
    title: 'User must request admin consent',
    explanation: 'The admin consent workflow asks the user to request approval from an admin before the app can be used.',
    causes: ['Admin consent has not been granted for {API app}.'],
    elsewhere: [
      "The permissions the app asks for need an administrator, and the admin consent workflow is on, so the user is offered to request approval instead of consenting.",
    ],
    fix: [`Grant consent: ${APPREG} > {API app} > API permissions > Grant admin consent.`],
    links: ['api-permissions'],
    tags: ['consent'],
  },
  {
    code: 90008,
    title: 'App lacks the sign-in permission',
    explanation: 'The app must at least be allowed to sign users in and read their profile (Microsoft Graph User.Read), with consent.',
    causes: ['User.Read was removed from {API app}, or its consent is missing.'],
    elsewhere: [
      "The app asks for a token for itself, but nobody has consented to at least the sign-in and read user profile permission (User.Read on Microsoft Graph).",
    ],
    fix: [
      `Open ${APPREG} > {API app} > API permissions > Add a permission > Microsoft Graph > Delegated > User.Read.`,
      'Select Grant admin consent.',
    ],
    links: ['api-permissions'],
    tags: ['consent', 'user.read', 'graph'],
  },
  {
    code: 650056,
    title: 'App permissions misconfigured',
    explanation: 'The app has not listed any permission for the resource it asks for, or no admin has consented to them.',
    causes: [
      "{API app} lacks the permission it requests (for example Microsoft Graph User.Read) in API permissions.",
      'Admin consent is missing.',
      'The request uses another client ID than the app you configured.',
    ],
    fix: [
      `Open ${APPREG} > {API app} > API permissions and add the permissions the request asks for.`,
      'Select Grant admin consent.',
    ],
    links: ['api-permissions'],
    tags: ['consent', 'permission'],
  },
  {
    code: 650057,
    title: 'Resource not in the app permissions',
    explanation: "The app asked for a token for a resource that is not in its configured permissions.",
    causes: ["The scope requested names a resource (API) that {API app} does not list under API permissions."],
    elsewhere: [
      "The app asked for a resource (API) that its registration does not list under API permissions; the message names the resource requested and the valid ones.",
    ],
    fix: [`Add the resource in ${APPREG} > {API app} > API permissions, then Grant admin consent.`],
    links: ['api-permissions'],
    tags: ['permission', 'scope'],
  },
  {
    code: 65005,
    title: 'App misconfigured (permissions or SAML Identifier)',
    explanation:
      "The app asks for access it did not list, or, for a SAML app, the Identifier (Entity ID) in the request does not match the one configured.",
    causes: [
      "The SAML request's Issuer does not match the Identifier (Entity ID) of {SAML-OpenID app}.",
      '{API app} requests a resource it does not list under API permissions.',
    ],
    elsewhere: [
      "The app requests a resource that is not in its required resource access list (API permissions), or the resource cannot be found.",
      "For a SAML app: the Issuer in the SAML request does not match the Identifier (Entity ID) configured on the enterprise application.",
    ],
    fix: [
      `For SAML: ${ENTERPRISE} > (the SAML-OpenID app) > Single sign-on > Basic SAML Configuration > Identifier: make it equal the Issuer Octopus sends.`,
      `For permissions: ${APPREG} > {API app} > API permissions: add the resource and grant admin consent.`,
    ],
    links: ['enterprise-apps', 'api-permissions'],
    tags: ['saml', 'identifier', 'entity id', 'permission'],
  },
  {
    code: 500011,
    title: 'API not found in the tenant',
    explanation:
      "The token was asked for a resource (API) that has no service principal in this tenant, often because the Application ID URI in the scope does not exist here.",
    causes: [
      'The scope api://<API app ID>/.default names an Application ID URI that is not set on {API app} (Expose an API is empty).',
      'The scope uses another app ID, or the request went to another tenant.',
      'The API app has no enterprise application (service principal) in this tenant.',
    ],
    fix: [
      `Open ${APPREG} > {API app} > Expose an API and set the Application ID URI to api://<API app ID>.`,
      'Make the scope Octopus requests exactly api://<API app ID>/.default.',
      RETRY_STEP,
    ],
    links: ['api-expose'],
    tags: ['resource', 'scope', 'application id uri', 'expose an api', 'service principal'],
  },
  {
    code: 70011,
    title: 'Invalid scope',
    explanation: 'The scope in the request is not valid for the endpoint or the resource.',
    causes: [
      'The scope is not in the form api://<API app ID>/.default for the client-credentials request.',
      'A v2 scope was sent to the v1 endpoint, or the other way round.',
    ],
    elsewhere: [
      "The scope the app asked for is not valid: a misspelt permission name, a resource's Application ID URI that does not exist, or a client-credentials request without the /.default suffix.",
    ],
    fix: [
      `Check the Application ID URI in ${APPREG} > {API app} > Expose an API, and request <that URI>/.default.`,
    ],
    links: ['api-expose'],
    tags: ['scope', 'v1', 'v2'],
  },
  // ----- Assignment ---------------------------------------------------------------------------
  {
    code: 50105,
    title: 'User not assigned to the app',
    explanation:
      "The enterprise application requires assignment, and the signed-in user is neither assigned directly nor through a group.",
    causes: [
      "Assignment required? is Yes on the enterprise application and the user (or their group) is not in Users and groups.",
      'The user is in a nested group (nested groups do not count for assignment).',
      'The user was assigned to the other app ({SAML-OpenID app} vs {API app}).',
    ],
    fix: [
      `Open ${ENTERPRISE}, search for the app by its Application ID, and open Users and groups.`,
      'Select Add user/group and assign the user or a group they are a direct member of.',
      'Or, if everyone in the tenant may use Octopus, set Properties > Assignment required? to No.',
      RETRY_STEP,
    ],
    links: ['enterprise-apps', 'sign-in-logs'],
    tags: ['assignment', 'users and groups', 'role'],
  },
  // ----- MFA and Conditional Access ------------------------------------------------------------
  {
    code: 50076,
    title: 'MFA required',
    explanation: 'A policy requires multifactor authentication for this sign-in, and the request could not prompt for it (it was silent or non-interactive).',
    causes: [
      'A Conditional Access policy (or per-user MFA) requires MFA for Octopus or for all cloud apps.',
      'The user moved to a location the policy treats differently.',
      'A non-interactive flow (a service or script) tried to sign in a user.',
    ],
    forClient: {
      cli: [
        "The tool used a token it got earlier without MFA, and the resource now requires MFA: sign in again interactively (az login, Connect-AzAccount, Connect-MgGraph) so the MFA prompt can show.",
        "The command signed a user in with a user name and password (a -Credential parameter, az login -u -p), which cannot do MFA; use the interactive sign-in, or a service principal or managed identity for automation.",
      ],
      "public-client": [
        "The app asked for the token silently, or with a user name and password, which cannot show the MFA prompt: on this interaction-required error it must call the interactive sign-in (passing the claims from the error, if any).",
      ],
      spa: [
        "acquireTokenSilent cannot show the MFA prompt: on this error the app must fall back to acquireTokenPopup or acquireTokenRedirect.",
      ],
    },
    fix: [
      'Sign in interactively so the user can complete MFA.',
      `If a service account is meant to sign in non-interactively, review ${CA} for exclusions (with care).`,
      SIGNIN_LOG_STEP,
    ],
    links: ['conditional-access', 'sign-in-logs'],
    tags: ['mfa', 'conditional access', 'interaction_required'],
  },
  {
    code: 50079,
    title: 'User must register for MFA',
    explanation: 'MFA is required, and the user has not registered any security info yet.',
    causes: ['A new user has not set up MFA methods.', 'Security defaults or a policy just started requiring MFA.'],
    fix: ['Have the user sign in interactively and register (for example the Microsoft Authenticator app).', SIGNIN_LOG_STEP],
    links: ['sign-in-logs', 'users'],
    tags: ['mfa', 'registration'],
  },
  {
    code: 50074,
    title: 'MFA not completed',
    explanation: 'Strong authentication was required and the user did not pass it.',
    causes: ['The MFA prompt was denied, timed out, or the user closed the window.'],
    fix: ['Sign in again and complete the MFA prompt.', SIGNIN_LOG_STEP],
    links: ['sign-in-logs'],
    tags: ['mfa'],
  },
  {
    code: 50072,
    title: 'MFA enrolment required (interactive)',
    explanation: 'The user must enrol for second-factor authentication before continuing.',
    causes: ['The user has no MFA method registered.'],
    fix: ['Sign in interactively and register an MFA method.'],
    links: ['sign-in-logs'],
    tags: ['mfa'],
  },
  {
    code: 50158,
    title: 'Extra challenge not satisfied',
    explanation:
      'The user was sent to an extra step (terms of use, third-party MFA, a custom control) and it was not completed. This code alone is not proof of failure.',
    causes: ['A Conditional Access policy requires terms of use or an external control.', 'The sign-in window was closed before the step finished.'],
    fix: ['Sign in interactively and complete the step.', SIGNIN_LOG_STEP],
    links: ['conditional-access', 'sign-in-logs'],
    tags: ['conditional access', 'terms of use'],
  },
  {
    code: 53000,
    title: 'Compliant device required',
    explanation: 'A Conditional Access policy requires a compliant (managed) device, and the device used is not.',
    causes: [
      'The admin is signing in from an unmanaged machine (for example the server running Federation Desk).',
      'The device is enrolled but currently non-compliant.',
    ],
    fix: ['Sign in from a compliant device.', `Or review the policy in ${CA} (device filters, exclusions).`, SIGNIN_LOG_STEP],
    links: ['conditional-access', 'sign-in-logs'],
    tags: ['device', 'compliance', 'intune', 'conditional access'],
  },
  {
    code: 530002,
    title: 'Device must be compliant',
    explanation: 'The resource requires a compliant device and this one does not qualify.',
    causes: ['The device is not enrolled or not compliant.'],
    fix: ['Use a compliant device, or review the device condition in the applying policy.', SIGNIN_LOG_STEP],
    links: ['conditional-access', 'sign-in-logs'],
    tags: ['device', 'compliance', 'conditional access'],
  },
  {
    code: 53003,
    title: 'Blocked by Conditional Access',
    explanation: 'A Conditional Access policy decided to block this sign-in.',
    causes: [
      'A policy blocks Octopus (or all apps) for this user, location, device or client app.',
      'A block-legacy-authentication policy hit a non-browser client.',
    ],
    forClient: {
      cli: [
        "A policy that targets all resources (or Windows Azure Service Management API / Microsoft Graph) blocks this user, location or device when signing in with a command-line tool.",
        "A policy blocks the device code flow (Conditions > Authentication flows), and the tool signed in with a device code (az login --use-device-code, Connect-MgGraph -UseDeviceCode).",
      ],
    },
    elsewhere: [
      "A Conditional Access policy assigned to this user and app blocks access for this location, device platform, client app or risk; the sign-in log's Conditional Access tab names it.",
    ],
    fix: [
      SIGNIN_LOG_STEP,
      `Open ${CA}, find the policy named there, and adjust its assignments or conditions if the block is not intended.`,
    ],
    links: ['conditional-access', 'sign-in-logs'],
    tags: ['conditional access', 'blocked', 'policy'],
  },
  {
    code: 530032,
    title: 'Blocked by security policy',
    explanation: 'A tenant-wide security policy blocked the request.',
    causes: ['A tenant security policy applies to this request.'],
    fix: [SIGNIN_LOG_STEP],
    links: ['conditional-access', 'sign-in-logs'],
    tags: ['conditional access', 'blocked'],
  },
  {
    code: 530035,
    title: 'Blocked by security defaults',
    explanation: 'Security defaults blocked the request, usually because it used legacy authentication or looked unsafe.',
    causes: ['A legacy protocol or a non-interactive user sign-in was attempted.'],
    fix: ['Use modern (browser) sign-in.', `Review ${OVERVIEW} > Properties > Manage security defaults.`],
    links: ['tenant-overview', 'sign-in-logs'],
    tags: ['security defaults'],
  },
  {
    code: 70043,
    title: 'Session too old for sign-in frequency',
    explanation: 'The refresh token is older than the sign-in frequency a Conditional Access policy allows, so the user must sign in again.',
    causes: ['A sign-in frequency session control applies to Octopus.'],
    elsewhere: [
      "A Conditional Access sign-in frequency control requires a fresh sign-in, and the app tried to use an older refresh token or session.",
    ],
    fix: ['Sign in again.', `Adjust the sign-in frequency in ${CA} if it is too short.`],
    links: ['conditional-access'],
    tags: ['conditional access', 'session'],
  },
  // ----- SAML ---------------------------------------------------------------------------------
  {
    code: 75011,
    title: 'SAML authentication method mismatch',
    explanation:
      "The SAML request from the app demands a specific way of signing in (RequestedAuthnContext, for example PasswordProtectedTransport), and the user's existing session was made another way (for example Windows SSO, certificate or MFA).",
    causes: [
      'Octopus sends a RequestedAuthnContext (such as PasswordProtectedTransport) in its SAML requests.',
      "The user is already signed in with another method (Windows Integrated, passwordless, certificate).",
    ],
    fix: [
      "In Octopus's SAML settings, stop sending RequestedAuthnContext, or allow any authentication context.",
      'Alternatively send ForceAuthn so the user re-authenticates; then the method can match.',
      RETRY_STEP,
    ],
    links: ['enterprise-apps'],
    tags: ['saml', 'authncontext', 'requestedauthncontext'],
  },
  {
    code: 75005,
    title: 'SAML request not valid',
    explanation: 'Entra could not accept the SAML request the app sent: it is malformed, badly encoded or not SAML 2.0.',
    causes: [
      'The SAMLRequest was not deflated and base64-encoded for the redirect binding (or not base64 for POST).',
      'Octopus points at the wrong sign-in URL (not the SAML endpoint of the tenant).',
    ],
    fix: [
      `Copy the Login URL from ${ENTERPRISE} > (the SAML-OpenID app) > Single sign-on > Set up section into Octopus.`,
      "Check Octopus's SAML binding setting (Redirect vs POST).",
    ],
    links: ['enterprise-apps'],
    tags: ['saml'],
  },
  {
    code: 750054,
    title: 'SAMLRequest missing',
    explanation: 'The SAML endpoint was opened without a SAMLRequest (or SAMLResponse) in the query string.',
    causes: [
      'Someone opened the SAML Login URL directly in a browser instead of starting from Octopus.',
      'Octopus posts the request while the URL expects the redirect binding.',
    ],
    elsewhere: [
      "The SAML sign-in URL was opened without a SAMLRequest (for example from a bookmark), or the app sent the request with another binding than HTTP Redirect.",
    ],
    fix: [
      'Start sign-in from the Octopus sign-in page, not from the Entra URL.',
      'Or test from the enterprise app: Single sign-on > Test.',
    ],
    links: ['enterprise-apps'],
    tags: ['saml'],
  },
  {
    code: 50107,
    title: 'SAML realm (Identifier) does not exist',
    explanation: 'The federation realm (the Identifier or Entity ID) in the request does not belong to any app in the tenant.',
    causes: [
      "The Issuer Octopus sends does not match the Identifier (Entity ID) of {SAML-OpenID app}.",
      'The request went to another tenant.',
    ],
    fix: [
      `Open ${ENTERPRISE} > (the SAML-OpenID app) > Single sign-on > Basic SAML Configuration and make Identifier equal Octopus's Issuer.`,
      RETRY_STEP,
    ],
    links: ['enterprise-apps', 'saml-overview'],
    tags: ['saml', 'identifier', 'entity id', 'realm'],
  },
  {
    code: 7500514,
    title: 'No supported SAML response found',
    explanation: 'A SAML message did not contain a SAML 2.0 Response or Assertion element.',
    causes: ['The app posted something else (or a SAML 1.1 message) to the SAML endpoint.'],
    fix: ["Check Octopus's SAML configuration uses SAML 2.0 and the tenant's Login URL."],
    links: ['enterprise-apps'],
    tags: ['saml'],
  },
  {
    code: 700054,
    title: 'ID tokens not enabled for the app',
    explanation: "The app asked for an ID token straight from the authorization endpoint (response_type id_token), which the app registration does not allow.",
    causes: ["'ID tokens (used for implicit and hybrid flows)' is off on {SAML-OpenID app} or {API app}."],
    elsewhere: [
      "The app asks the authorize endpoint for an ID token (response_type=id_token), but ID tokens under Implicit grant and hybrid flows is off on its registration.",
    ],
    fix: [
      `Open ${APPREG} > (the app named in the error) > Authentication > Implicit grant and hybrid flows, tick ID tokens, and Save.`,
      RETRY_STEP,
    ],
    links: ['saml-authentication', 'api-authentication'],
    tags: ['id_token', 'implicit', 'hybrid', 'openid'],
  },
  {
    code: 700051,
    title: 'Access tokens (implicit) not enabled',
    explanation: "The app asked for an access token from the authorization endpoint (response_type token), which is not enabled on the registration.",
    causes: ["'Access tokens (used for implicit flows)' is off on the app."],
    fix: [`${APPREG} > (the app) > Authentication > Implicit grant and hybrid flows > Access tokens, or change the app to the code flow.`],
    links: ['api-authentication', 'saml-authentication'],
    tags: ['implicit', 'token'],
  },
  {
    code: 50003,
    title: 'No SAML signing certificate',
    explanation: 'Entra has no active signing certificate for the SAML app, so it cannot sign the SAML response.',
    causes: ['The SAML signing certificate of {SAML-OpenID app} expired or was never created or activated.'],
    elsewhere: [
      "The enterprise application has no active SAML signing certificate (it expired, or none was created or made active).",
    ],
    fix: [
      `Open ${ENTERPRISE} > (the SAML-OpenID app) > Single sign-on > SAML Certificates, create a new certificate and make it Active.`,
      'Download the new certificate (or federation metadata) and update it in Octopus.',
    ],
    links: ['enterprise-apps'],
    tags: ['saml', 'certificate', 'signing'],
  },
  {
    code: 501241,
    title: 'SAML Name ID has no value',
    explanation: 'A claim the SAML response needs (usually the Name ID / Unique User Identifier) has no source value for this user.',
    causes: ['The Unique User Identifier maps to an attribute empty for this user (for example user.mail or an extension attribute).'],
    fix: [
      `Open ${ENTERPRISE} > (the SAML-OpenID app) > Single sign-on > Attributes & Claims and set Unique User Identifier to an attribute every user has (user.userprincipalname).`,
    ],
    links: ['enterprise-apps'],
    tags: ['saml', 'nameid', 'claims'],
  },
  {
    code: 76021,
    title: 'Unsigned SAML request',
    explanation: 'The SAML app requires signed requests and this one was not signed.',
    causes: ['Request signature verification is on for the SAML app, but Octopus does not sign its requests.'],
    elsewhere: [
      "The enterprise application requires signed SAML requests (Verification certificates), and the app sent an unsigned request.",
    ],
    fix: [
      `Either configure request signing in Octopus, or turn off signature verification in ${ENTERPRISE} > (the SAML-OpenID app) > Single sign-on > Verification certificates.`,
    ],
    links: ['enterprise-apps'],
    tags: ['saml', 'signing'],
  },
  // ----- Token errors -------------------------------------------------------------------------
  {
    code: 54005,
    title: 'Authorization code already used',
    explanation: 'The authorization code was redeemed a second time. Each code works once.',
    causes: ['The browser retried the redirect (refresh, back button, double submission).', 'Two servers behind a load balancer both redeemed the same code.'],
    fix: ['Start sign-in again from Octopus; do not refresh the redirect page.'],
    links: [],
    tags: ['code', 'redeemed'],
  },
  {
    code: 70008,
    title: 'Refresh token or code expired',
    explanation: 'The grant presented (a refresh token or an authorization code) has expired or was revoked.',
    causes: ['The authorization code was redeemed after more than about 10 minutes.', "The user's refresh token was revoked or unused too long."],
    fix: ['Sign in again.'],
    links: [],
    tags: ['expired', 'refresh token'],
  },
  {
    code: 70000,
    title: 'Invalid grant',
    explanation: 'The code or refresh token presented was not valid for this request.',
    causes: ['The code was issued for another app, redirect URI or tenant.', 'The refresh token was revoked or bound to something else.'],
    fix: ['Sign in again from the start.', SIGNIN_LOG_STEP],
    links: ['sign-in-logs'],
    tags: ['invalid_grant'],
  },
  {
    code: 9002313,
    title: 'Request malformed',
    explanation: 'The request to the sign-in or token endpoint was malformed: a required parameter is missing or badly encoded, or the endpoint is wrong.',
    causes: [
      'The authority URL is wrong (for example a doubled /oauth2/ path) or mixes v1 and v2 endpoints.',
      'A parameter (redirect_uri, scope, code_verifier) is missing or encoded twice.',
    ],
    fix: ['Check the authority and endpoints Octopus uses against the discovery document https://login.microsoftonline.com/<tenant ID>/v2.0/.well-known/openid-configuration (use your cloud’s login host outside the global cloud).', 'Capture the failing request (browser dev tools) and compare its parameters.'],
    links: ['sign-in-logs'],
    tags: ['invalid_request'],
  },
  {
    code: 500021,
    title: 'Tenant restrictions block this tenant',
    explanation: "A proxy on the user's network adds tenant restrictions that do not include this tenant.",
    causes: ["The user's company network allows only its own tenants (Restrict-Access-To-Tenants header)."],
    fix: ["Ask the network admins to add {tenant} to the allowed tenants, or sign in from another network."],
    links: ['sign-in-logs'],
    tags: ['tenant restrictions', 'proxy'],
  },
  {
    code: 50173,
    title: 'Grant revoked (password changed)',
    explanation: 'The grant was revoked, typically because the user changed or reset their password, or an admin revoked sessions.',
    causes: ['Password change or reset.', 'Sessions revoked by an admin.'],
    fix: ['Sign in again.'],
    links: [],
    tags: ['revoked', 'password'],
  },
  {
    code: 500014,
    title: "API's service principal disabled",
    explanation: 'The service principal of the API asked for is disabled, so no token can be issued for it.',
    causes: ["The enterprise application of {API app} is disabled (Enabled for users to sign in? = No)."],
    elsewhere: [
      "The resource's service principal (its enterprise application) is disabled: Enabled for users to sign in? is No.",
    ],
    fix: [`${ENTERPRISE} > (the API app) > Properties > Enabled for users to sign in? = Yes.`],
    links: ['enterprise-apps'],
    tags: ['disabled', 'service principal'],
  },
  {
    code: 50001,
    title: 'Resource not found or disabled',
    explanation: 'The resource (API) in the request is disabled or does not exist.',
    causes: ['The resource or scope names an Application ID URI that is not set on {API app}.'],
    elsewhere: [
      "The resource the app asked for does not exist or is disabled: a typo in the resource URL or scope, or an Application ID URI that is not set on the API's registration.",
    ],
    fix: [`Check ${APPREG} > {API app} > Expose an API and the scope Octopus requests.`],
    links: ['api-expose'],
    tags: ['resource', 'scope'],
  },
  // ----- User account -------------------------------------------------------------------------
  {
    code: 50034,
    title: 'User account not found',
    explanation: 'No account with the user name entered exists in the tenant being signed in to.',
    causes: ['The user name has a typo.', 'The user exists in another tenant (the tenant in Octopus is not theirs).', 'The account was deleted.'],
    fix: [`Check the user in ${USERS}.`, 'Sign in with the exact user principal name.'],
    links: ['users', 'sign-in-logs'],
    tags: ['user', 'account'],
  },
  {
    code: 50053,
    title: 'Account locked',
    explanation: 'The account is locked after too many failed attempts, or the sign-in came from an IP address flagged as malicious.',
    causes: ['Repeated wrong passwords (by the user or an attacker).', 'Smart lockout or a risky IP address.'],
    fix: ['Wait for the lockout to end, then sign in with the right password.', SIGNIN_LOG_STEP],
    links: ['sign-in-logs', 'users'],
    tags: ['locked', 'lockout'],
  },
  {
    code: 50055,
    title: 'Password expired',
    explanation: "The user's password has expired, so Entra ends the sign-in until a new password is set.",
    causes: ['The password policy expired it.'],
    fix: ['Have the user change the password (or an admin reset it), then sign in again.'],
    links: ['users'],
    tags: ['password'],
  },
  {
    code: 50057,
    title: 'User account disabled',
    explanation: 'The account is disabled in the directory (Account enabled = No).',
    causes: ['The account was disabled (leaver process, or on-premises and synced).'],
    fix: [`Enable the account in ${USERS} > (the user) > Properties, or in on-premises AD if synced.`],
    links: ['users'],
    tags: ['disabled', 'user'],
  },
  {
    code: 50126,
    title: 'Wrong user name or password',
    explanation: 'The credentials entered did not validate.',
    causes: ['A typo in the password or user name.', 'The password was changed recently (on premises, not yet synced).'],
    fix: ['Sign in again with the right credentials, or reset the password.', SIGNIN_LOG_STEP],
    links: ['sign-in-logs', 'users'],
    tags: ['password'],
  },
  {
    code: 50125,
    title: 'Password reset or registration interrupt',
    explanation: 'Sign-in paused because the user must reset their password or register for self-service password reset.',
    causes: ['Self-service password reset registration is required.', 'A password reset is pending.'],
    fix: ['Sign in interactively and complete the prompt.'],
    links: ['users'],
    tags: ['password', 'sspr'],
  },
  {
    code: 50058,
    title: 'No sign-in session (silent sign-in)',
    explanation: 'A silent sign-in found no usable session; this is expected before the user has signed in.',
    causes: ['prompt=none or silent SSO ran before an interactive sign-in.', 'Third-party cookies are blocked in the browser.'],
    fix: ['Sign in interactively.'],
    links: [],
    tags: ['silent', 'sso', 'prompt=none'],
  },
  {
    code: 16000,
    title: 'Account not in the app tenant',
    explanation: "The account signed in with is not a member or guest of the tenant that owns the app.",
    causes: ['The wrong account was picked.', 'The user needs a guest invitation.'],
    fix: ['Sign in with an account of {tenant}, or invite the user as a guest.'],
    links: ['users'],
    tags: ['guest', 'account'],
  },
  // ----- Microsoft Graph ---------------------------------------------------------------------
  {
    code: 'Authorization_RequestDenied',
    title: 'Graph: insufficient privileges',
    explanation:
      'Microsoft Graph refused the call: the token lacks the permission (scope or app role) this operation needs, or the signed-in user lacks the directory role.',
    causes: [
      'The delegated permission (for example Application.Read.All for the audit) is not granted, or admin consent is missing.',
      'The signed-in admin has no directory role that allows reading app registrations.',
      'The token was obtained before the permission was added (an old token is still in use).',
    ],
    fix: [
      `Open ${APPREG} > {API app} > API permissions, add the needed Microsoft Graph permission and Grant admin consent.`,
      'Sign out and in again so the new permission is in the token.',
      'Use an account with at least the Cloud Application Administrator (or Global Reader for reading) role.',
    ],
    links: ['api-permissions'],
    tags: ['graph', 'permission', 'privileges', 'forbidden', '403'],
  },
  {
    code: 'InvalidAuthenticationToken',
    title: 'Graph: access token rejected',
    explanation: 'Microsoft Graph rejected the access token: it is expired, meant for another API, or not a token at all.',
    causes: [
      "The token's audience is the API app (api://...) rather than Graph, so Graph cannot accept it.",
      'The token expired (about an hour after issue).',
      'An ID token or an empty value was sent instead of an access token.',
    ],
    fix: [
      'Request a token with a Graph scope (User.Read or https://graph.microsoft.com/.default) for Graph calls.',
      'Sign in again to get a fresh token.',
    ],
    links: ['api-permissions'],
    tags: ['graph', 'token', '401', 'audience'],
  },
  {
    code: 'Request_ResourceNotFound',
    title: 'Graph: object not found',
    explanation: 'Microsoft Graph did not find the object asked for in this tenant, or the caller cannot see it.',
    causes: [
      'The object ID was used where Graph expected the appId (or the other way round).',
      'The app or service principal is in another tenant, or was deleted.',
    ],
    fix: [
      `Check the IDs in ${APPREG} > (the app) > Overview: Application (client) ID vs Object ID.`,
      'Query applications by appId with a filter (appId eq ...) rather than by object ID.',
    ],
    links: ['app-registrations'],
    tags: ['graph', 'not found', '404'],
  },
  {
    code: 'Authorization_IdentityNotFound',
    title: "Graph: caller's identity not found",
    explanation: "Microsoft Graph could not find the calling app's service principal in the tenant.",
    causes: ['The app has no enterprise application (service principal) in this tenant.', 'The token came from another tenant.'],
    fix: [`Check ${ENTERPRISE} lists the app; if not, grant admin consent once to create it.`],
    links: ['enterprise-apps', 'api-permissions'],
    tags: ['graph', 'service principal'],
  },
  {
    code: 'Request_MultipleObjectsWithSameKeyValue',
    title: 'Graph: value already used by another object',
    explanation: 'Another object in the tenant already uses this unique value, for example the same Application ID URI.',
    causes: ['The Application ID URI (api://...) is already set on another app registration.'],
    fix: [`Find the other app in ${APPREG} and remove or change its Application ID URI, or use api://<this app ID>.`],
    links: ['app-registrations', 'api-expose'],
    tags: ['graph', 'identifier uri', 'duplicate'],
  },
];
