/**
 * The audit's rules: what Graph showed, compared with what the setup guide asks, one finding per
 * step. Pure (no I/O): the same snapshot and clock always give the same findings, so every rule is
 * tested against the simulator's scenarios and in isolation.
 */
import { auditStepTitle, type AuditApp, type AuditFinding, type AuditFindingId, type AuditStatus, type SecretCredential } from '../../../shared/audit';
import type { LinkTarget } from '../../../shared/aadsts/links';
import type { CloudId } from '../../../shared/clouds';
import { DEFAULT_POLICY } from '../../../shared/expiry';
import { redirectUriMatches } from '../../../shared/redirect-uri';
import { appRegistrationLink, enterpriseAppLink, tokenConfigurationLink, type AuditLink } from './audit-links';
import type { GraphRead, GraphSnapshot } from './graph-reader';
import { GRAPH_RESOURCE_APP_ID, USER_READ_SCOPE_ID, type GraphApplication, type GraphAppRoleAssignment, type GraphKeyCredential, type GraphServicePrincipal } from './graph-schemas';

/** What the audit compares Graph with: the profile's (or the CLI's) configuration. */
export interface AuditTarget {
  cloud: CloudId;
  tenantId: string;
  apiAppId: string;
  samlAppId: string;
  /** The Octopus Web URL: the API app's web redirect URI, byte for byte. */
  webUrl: string;
  /** The stored secret's first 3 characters (Entra's passwordCredential.hint); null when unknown. */
  secretHint: string | null;
}

export interface RuleOptions {
  now: Date;
  /** A secret or certificate with this many days left or fewer is a warning (the expiry watch's default). */
  warnDays?: number;
}

const DAY_MS = 86_400_000;

interface Draft {
  status: AuditStatus;
  summary: string;
  fix?: string | null;
  link?: AuditLink | null;
  copy?: { label: string; value: string } | null;
  facts?: { label: string; value: string }[];
}

function make(id: AuditFindingId, app: AuditApp, d: Draft): AuditFinding {
  return {
    id,
    app,
    title: auditStepTitle(id, app),
    status: d.status,
    summary: d.summary,
    fix: d.status === 'passed' ? null : (d.fix ?? null),
    link: d.link ?? null,
    copy: d.copy ?? null,
    facts: d.facts ?? [],
  };
}

function unknownFrom(read: { reason: string; fix: string | null }, extra: Partial<Draft> = {}): Draft {
  return { status: 'unknown', summary: `Not checked: ${read.reason}`, fix: read.fix, ...extra };
}

function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'no date';
}

function daysLeft(iso: string, now: Date): number {
  return Math.ceil((Date.parse(iso) - now.getTime()) / DAY_MS);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The app registration, or why the steps that read it cannot be checked. */
function appOrWhy(read: GraphRead<GraphApplication | null>, which: string, appId: string): { app: GraphApplication } | { why: Draft } {
  if (!read.ok) return { why: unknownFrom(read) };
  if (!read.value)
    return { why: { status: 'unknown', summary: `Not checked: there is no app registration with Application (client) ID ${appId} in this tenant (see "Enterprise application" of the ${which}).` } };
  return { app: read.value };
}

function spOrWhy(read: GraphRead<GraphServicePrincipal | null>, which: string): { sp: GraphServicePrincipal } | { why: Draft } {
  if (!read.ok) return { why: unknownFrom(read) };
  if (!read.value) return { why: { status: 'unknown', summary: `Not checked: the ${which} has no enterprise application in this tenant (see "Enterprise application").` } };
  return { sp: read.value };
}

// ---------------------------------------------------------------- API app registration

function redirectUri(app: GraphApplication, t: AuditTarget, link: AuditLink | null): Draft {
  const want = t.webUrl;
  const copy = { label: 'Redirect URI', value: want };
  const web = app.web?.redirectUris ?? [];
  const facts = [{ label: 'Web redirect URIs', value: web.length ? web.join('\n') : '(none)' }];
  const fix = `Authentication > Web > Redirect URIs: add exactly ${want} (Entra compares byte for byte, trailing slash included) and click Save.`;
  if (!/^https:\/\//i.test(want))
    return { status: 'failed', summary: `The Octopus Web URL in the profile (${want}) is not https; Entra accepts only https web redirect URIs (except localhost).`, fix: 'Use the https address of Octopus Web in the profile, then register it as the redirect URI.', link, facts };
  const wildcards = web.filter((u) => u.includes('*'));
  const registered = web.find((u) => redirectUriMatches(u, want));
  if (registered !== undefined) {
    if (wildcards.length > 0)
      return { status: 'warning', summary: `${want} is registered, and so is a wildcard redirect URI (${wildcards.join(', ')}), which lets sign-ins return to addresses nobody checked.`, fix: 'Authentication > Web > Redirect URIs: remove the wildcard URI and save.', link, copy, facts };
    if (registered !== want)
      return { status: 'passed', summary: `${want} is registered as a Web redirect URI (as ${registered}: Entra answers a URI without a path with the trailing slash).`, link, copy, facts };
    return { status: 'passed', summary: `${want} is registered as a Web redirect URI, exactly.`, link, copy, facts };
  }
  const loose = (u: string) => u.toLowerCase().replace(/\/+$/, '');
  const near = web.find((u) => loose(u) === loose(want));
  if (near !== undefined) {
    const why = near.replace(/\/+$/, '') === want.replace(/\/+$/, '') ? (near.endsWith('/') ? 'with a trailing slash the profile does not have' : 'without its trailing slash') : 'with different upper/lower case';
    return { status: 'failed', summary: `The redirect URI is registered as ${near}, ${why}: Entra compares byte for byte, so sign-in stops with AADSTS50011.`, fix, link, copy, facts };
  }
  const elsewhere = [
    ...(app.spa?.redirectUris ?? []).filter((u) => loose(u) === loose(want)).map(() => 'Single-page application'),
    ...(app.publicClient?.redirectUris ?? []).filter((u) => loose(u) === loose(want)).map(() => 'Mobile and desktop applications'),
  ];
  if (elsewhere.length > 0)
    return { status: 'failed', summary: `${want} is registered under the "${elsewhere[0]}" platform, not "Web": Octopus signs in as a web application.`, fix: `Authentication: remove it from "${elsewhere[0]}", then Add a platform > Web with ${want}.`, link, copy, facts };
  return { status: 'failed', summary: `${want} is not among the API app's Web redirect URIs${web.length ? ` (${web.join(', ')})` : ' (there are none)'}: sign-in stops with AADSTS50011.`, fix, link, copy, facts };
}

/**
 * "Allow public client flows" (isFallbackPublicClient). The guide sets it to Yes. Entra takes the
 * client type from the redirect URI's platform and uses this flag only where no redirect URI tells
 * (device code, ROPC; Graph application resource), so Octopus's Web sign-in does not depend on it:
 * a deviation from the guide, not a broken sign-in.
 */
function publicClientFlows(app: GraphApplication, link: AuditLink | null): Draft {
  if (app.isFallbackPublicClient === true) return { status: 'passed', summary: '"Allow public client flows" is Yes, as the guide sets it.', link };
  return {
    status: 'warning',
    summary:
      '"Allow public client flows" is No; the guide sets it to Yes. The Octopus sign-in does not depend on it (a code sent to the Web redirect URI is always redeemed with the client secret); Entra uses it only for flows without a redirect URI, such as device code.',
    fix: 'Authentication > Advanced settings > "Allow public client flows": Yes, then Save.',
    link,
  };
}

function clientSecret(app: GraphApplication, t: AuditTarget, o: Required<RuleOptions>, link: AuditLink | null): { draft: Draft; secrets: SecretCredential[] } {
  const creds = [...(app.passwordCredentials ?? [])].sort((a, b) => Date.parse(b.endDateTime ?? '') - Date.parse(a.endDateTime ?? ''));
  const describe = (c: (typeof creds)[number]) => `${c.hint ? `${c.hint}…` : '(no hint)'}${c.displayName ? ` "${c.displayName}"` : ''}, ${c.endDateTime && Date.parse(c.endDateTime) <= o.now.getTime() ? 'expired' : 'expires'} ${day(c.endDateTime)}`;
  const newSecret = 'Certificates & secrets > Client secrets > New client secret; copy its Value (not the Secret ID) into the profile and into Octopus.';
  if (creds.length === 0) return { draft: { status: 'failed', summary: 'The API app has no client secret.', fix: newSecret, link }, secrets: [] };

  let stored: (typeof creds)[number] | null = null;
  let note: string | null = null;
  if (t.secretHint) {
    const matches = creds.filter((c) => c.hint === t.secretHint);
    stored = matches[0] ?? null;
    if (matches.length > 1) note = `${matches.length} secrets start with "${t.secretHint}"; the one that expires last is taken as the stored one.`;
  } else if (creds.length === 1) {
    stored = creds[0] ?? null;
    note = 'No stored secret to match by its first characters; the only secret is taken as the one in use.';
  }
  const secrets: SecretCredential[] = creds.map((c) => ({
    keyId: c.keyId,
    displayName: c.displayName ?? null,
    hint: c.hint ?? null,
    startDateTime: c.startDateTime ?? null,
    endDateTime: c.endDateTime ?? null,
    stored: c === stored,
  }));
  const facts = creds.map((c) => ({ label: c === stored ? 'Stored secret' : 'Other secret', value: describe(c) }));
  if (note) facts.push({ label: 'Note', value: note });
  const others = creds.filter((c) => c !== stored);
  const leftoverText = others.length > 0 ? ` ${plural(others.length, 'other secret')} (${others.map(describe).join('; ')}) ${others.length === 1 ? 'is' : 'are'} probably left over from rotations.` : '';
  const leftoverFix = 'When nothing uses them any more, delete the other secrets in Certificates & secrets: every extra secret is one more thing that can leak.';

  if (!stored) {
    if (t.secretHint)
      return {
        draft: {
          status: 'failed',
          summary: `None of the API app's ${plural(creds.length, 'secret')} starts with "${t.secretHint}", the stored secret's first characters: it was deleted, or it belongs to another app.`,
          fix: `${newSecret} Then delete the secrets nobody uses.`,
          link,
          facts,
        },
        secrets,
      };
    return {
      draft: { status: 'warning', summary: `The API app has ${plural(creds.length, 'secret')}; without a stored secret the audit cannot tell which one Octopus uses.`, fix: `Store the secret in the profile, then audit again. ${leftoverFix}`, link, facts },
      secrets,
    };
  }
  const end = stored.endDateTime;
  if (end && Date.parse(end) <= o.now.getTime())
    return { draft: { status: 'failed', summary: `The stored secret (${stored.hint ?? '?'}…) expired on ${day(end)}: Entra refuses it with AADSTS7000222.${leftoverText}`, fix: newSecret, link, facts }, secrets };
  const left = end ? daysLeft(end, o.now) : null;
  if (left !== null && left <= o.warnDays)
    return {
      draft: { status: 'warning', summary: `The stored secret (${stored.hint ?? '?'}…) expires in ${plural(left, 'day')}, on ${day(end)}.${leftoverText}`, fix: `Rotate it before then: ${newSecret}`, link, facts },
      secrets,
    };
  const ok = `The stored secret (${stored.hint ?? '?'}…) is present and valid until ${day(end)}.`;
  if (others.length > 0) return { draft: { status: 'warning', summary: `${ok}${leftoverText}`, fix: leftoverFix, link, facts }, secrets };
  return { draft: { status: 'passed', summary: ok, link, facts }, secrets };
}

function apiPermissions(app: GraphApplication, link: AuditLink | null): Draft {
  const graph = (app.requiredResourceAccess ?? []).filter((r) => r.resourceAppId.toLowerCase() === GRAPH_RESOURCE_APP_ID);
  const has = graph.some((r) => r.resourceAccess.some((a) => a.id.toLowerCase() === USER_READ_SCOPE_ID && a.type === 'Scope'));
  if (has) return { status: 'passed', summary: 'Microsoft Graph User.Read (delegated) is requested.', link };
  const asRole = graph.some((r) => r.resourceAccess.some((a) => a.id.toLowerCase() === USER_READ_SCOPE_ID));
  return {
    status: 'failed',
    summary: asRole ? 'User.Read is requested, but not as a delegated permission.' : 'Microsoft Graph User.Read (delegated) is not among the API permissions: Octopus cannot read the signed-in user.',
    fix: 'API permissions > Add a permission > Microsoft Graph > Delegated permissions > User.Read > Add permissions; then "Grant admin consent".',
    link,
  };
}

function appIdUri(app: GraphApplication, t: AuditTarget, link: AuditLink | null): Draft {
  const want = `api://${t.apiAppId.toLowerCase()}`;
  const uris = app.identifierUris ?? [];
  const copy = { label: 'Application ID URI', value: want };
  const facts = [{ label: 'Application ID URIs', value: uris.length ? uris.join('\n') : '(none)' }];
  if (uris.some((u) => u.toLowerCase() === want)) return { status: 'passed', summary: `${want} is the API app's Application ID URI.`, link, copy, facts };
  return {
    status: 'failed',
    summary: uris.length
      ? `The Application ID URI is ${uris.join(', ')}, not ${want}: tokens for api://{appId}/.default fail with AADSTS500011.`
      : `The API app exposes no API (no Application ID URI): tokens for ${want}/.default fail with AADSTS500011.`,
    fix: `Expose an API > Application ID URI > Add: accept ${want} and Save.`,
    link,
    copy,
    facts,
  };
}

/**
 * The optional claim email is not needed for Octopus's sign-in: with the v2.0 endpoint and the
 * `email` scope, Entra puts the email of a user who has one in the ID token anyway
 * (learn.microsoft.com/entra/identity-platform/optional-claims-reference, "email"). Whether the
 * signing-in user has an email is proven by Check compatibility (sign-in and Graph /me), not here.
 */
function emailClaim(app: GraphApplication, link: AuditLink | null): Draft {
  const claims = app.optionalClaims?.idToken ?? [];
  if (claims.some((c) => c.name.toLowerCase() === 'email')) return { status: 'passed', summary: 'The ID token carries the optional claim email.', link };
  return {
    status: 'passed',
    summary: 'No optional claim email, which Octopus does not need: with the email scope Entra puts the email of every user who has one in the ID token. Check compatibility proves that the signing-in user has one.',
    link,
  };
}

function implicitGrant(app: GraphApplication, link: AuditLink | null): Draft {
  const s = app.web?.implicitGrantSettings;
  const on = [s?.enableAccessTokenIssuance ? 'Access tokens' : null, s?.enableIdTokenIssuance ? 'ID tokens' : null].filter((x): x is string => x !== null);
  if (on.length === 0) return { status: 'passed', summary: 'Implicit grant is off (no access or ID tokens from the authorization endpoint).', link };
  return {
    status: 'warning',
    summary: `Implicit grant is on (${on.join(' and ')}). Octopus signs in with the authorization code flow and PKCE and does not need it.`,
    fix: 'Authentication > "Implicit grant and hybrid flows": untick Access tokens and ID tokens, then Save, unless another application relies on this registration\'s implicit flow.',
    link,
  };
}

// ---------------------------------------------------------------- enterprise applications

function enterpriseApp(appRead: GraphRead<GraphApplication | null>, spRead: GraphRead<GraphServicePrincipal | null>, appId: string, which: AuditApp, target: LinkTarget): Draft {
  const label = which === 'api' ? 'API app' : 'SAML-OpenID app';
  if (!spRead.ok) return unknownFrom(spRead);
  const sp = spRead.value;
  if (!sp) {
    if (appRead.ok && !appRead.value)
      return {
        status: 'failed',
        summary: `The ${label} is not registered in this tenant: no app registration and no enterprise application has Application (client) ID ${appId}. Token requests fail with AADSTS700016.`,
        fix: `Check the ${label}'s Application (client) ID in the profile against App registrations > the app > Overview (and the tenant), or register the app as the guide says.`,
        link: appRegistrationLink('app-registrations', target),
      };
    return {
      status: 'failed',
      summary: `The ${label} is registered but has no enterprise application (service principal) in this tenant, so nobody can sign in to it.`,
      fix: 'App registrations > the app > Overview > "Managed application in local directory": Create (or grant admin consent, which creates it).',
      link: appRegistrationLink(which === 'api' ? 'api-overview' : 'saml-overview', target),
    };
  }
  const link = enterpriseAppLink('Properties', which, sp.id, appId, target);
  const facts = [{ label: 'Object ID', value: sp.id }];
  if (sp.accountEnabled === false)
    return { status: 'failed', summary: `The ${label}'s enterprise application has "Enabled for users to sign in?" set to No: sign-ins fail with AADSTS7000112.`, fix: 'Enterprise applications > the app > Properties: "Enabled for users to sign-in?" Yes, then Save.', link, facts };
  return { status: 'passed', summary: `The enterprise application exists and is enabled for sign-in.`, link, facts };
}

function assignment(spRead: GraphRead<GraphServicePrincipal | null>, assignments: GraphRead<GraphAppRoleAssignment[]>, appId: string, which: AuditApp, target: LinkTarget): Draft {
  const found = spOrWhy(spRead, which === 'api' ? 'API app' : 'SAML-OpenID app');
  if ('why' in found) return found.why;
  const sp = found.sp;
  const link = enterpriseAppLink('Users', which, sp.id, appId, target);
  if (sp.appRoleAssignmentRequired !== true) return { status: 'passed', summary: '"Assignment required?" is No: every user of the tenant may sign in.', link };
  if (!assignments.ok) return unknownFrom(assignments, { link });
  const users = assignments.value.filter((a) => a.principalType === 'User');
  const groups = assignments.value.filter((a) => a.principalType === 'Group');
  const names = [...users, ...groups].map((a) => a.principalDisplayName ?? a.principalId);
  const facts = names.length ? [{ label: 'Assigned', value: names.join(', ') }] : [];
  if (users.length + groups.length === 0)
    return {
      status: 'failed',
      summary: '"Assignment required?" is Yes and no user or group is assigned: every sign-in fails with AADSTS50105.',
      fix: 'Enterprise applications > the app > Users and groups > Add user/group: assign the people (or a group) who use Octopus. Or set "Assignment required?" to No under Properties.',
      link,
      facts,
    };
  return { status: 'passed', summary: `"Assignment required?" is Yes; ${plural(users.length, 'user')} and ${plural(groups.length, 'group')} assigned.`, link, facts };
}

function adminConsent(snapshot: GraphSnapshot, link: AuditLink | null): Draft {
  const found = spOrWhy(snapshot.apiSp, 'API app');
  if ('why' in found) return { ...found.why, link };
  if (!snapshot.apiGrants.ok) return unknownFrom(snapshot.apiGrants, { link });
  const graphSpId = snapshot.graphSp.ok ? (snapshot.graphSp.value?.id.toLowerCase() ?? null) : null;
  const userRead = snapshot.apiGrants.value.filter(
    (g) => (graphSpId === null || g.resourceId.toLowerCase() === graphSpId) && (g.scope ?? '').split(/\s+/).some((s) => s.toLowerCase() === 'user.read'),
  );
  const facts = snapshot.apiGrants.value.map((g) => ({ label: g.consentType === 'AllPrincipals' ? 'Admin consent' : 'User consent', value: (g.scope ?? '').trim() || '(no scopes)' }));
  const fix = 'API permissions > "Grant admin consent for <tenant>" (a Global Administrator, Privileged Role Administrator or Cloud Application Administrator can).';
  if (userRead.some((g) => g.consentType === 'AllPrincipals')) return { status: 'passed', summary: 'Admin consent for User.Read is granted for the whole organisation.', link, facts };
  if (userRead.length > 0)
    return { status: 'warning', summary: `Only ${plural(userRead.length, 'user')} consented for themselves; there is no admin consent for the organisation, so other users are asked (or refused with AADSTS65001).`, fix, link, facts };
  return { status: 'failed', summary: 'Nobody granted admin consent for Microsoft Graph User.Read: sign-in fails with AADSTS65001 (consent_required).', fix, link, facts };
}

// ---------------------------------------------------------------- SAML-OpenID app

function samlSsoMode(spRead: GraphRead<GraphServicePrincipal | null>, t: AuditTarget, target: LinkTarget): Draft {
  const found = spOrWhy(spRead, 'SAML-OpenID app');
  if ('why' in found) return found.why;
  const sp = found.sp;
  const link = enterpriseAppLink('SignOn', 'saml', sp.id, t.samlAppId, target);
  const mode = sp.preferredSingleSignOnMode ?? null;
  if (mode === 'saml') return { status: 'passed', summary: 'Single sign-on mode is SAML.', link };
  if (mode === null)
    return {
      status: 'warning',
      summary: 'Graph reports no single sign-on mode (preferredSingleSignOnMode is empty). Older SAML apps show this; the app may still use SAML.',
      fix: 'Enterprise applications > the app > Single sign-on: check that SAML is selected (select it again and save if unsure).',
      link,
    };
  return { status: 'failed', summary: `Single sign-on mode is "${mode}", not SAML.`, fix: 'Enterprise applications > the app > Single sign-on > Select a single sign-on method: SAML, then fill in Basic SAML Configuration as the guide says.', link };
}

/**
 * The SHA-1 thumbprint (upper-case hex) a keyCredential's customKeyIdentifier names. Graph returns
 * it as base64 of the thumbprint's 20 bytes (tests/fixtures/recorded/graph-add-token-signing-certificate.json);
 * hex is accepted too. Null when it names no thumbprint.
 */
export function certificateThumbprint(customKeyIdentifier: string | null | undefined): string | null {
  if (!customKeyIdentifier) return null;
  const v = customKeyIdentifier.trim();
  if (/^[0-9a-f]{40}$/i.test(v)) return v.toUpperCase();
  if (/^[A-Za-z0-9+/]{27}=$/.test(v)) return Buffer.from(v, 'base64').toString('hex').toUpperCase();
  return null;
}

function samlCertificate(spRead: GraphRead<GraphServicePrincipal | null>, t: AuditTarget, o: Required<RuleOptions>, target: LinkTarget): Draft {
  const found = spOrWhy(spRead, 'SAML-OpenID app');
  if ('why' in found) return found.why;
  const sp = found.sp;
  const link = enterpriseAppLink('SignOn', 'saml', sp.id, t.samlAppId, target);
  // Entra keeps a Sign (private) and a Verify (public) key per certificate, both with the same
  // customKeyIdentifier (Graph addTokenSigningCertificate): count each certificate once.
  const byKey = new Map<string, GraphKeyCredential & { thumbprint: string | null }>();
  for (const k of sp.keyCredentials ?? []) {
    if (k.type && !/x509/i.test(k.type)) continue;
    const thumbprint = certificateThumbprint(k.customKeyIdentifier);
    const key = thumbprint ?? k.keyId.toUpperCase();
    if (!byKey.has(key) || k.usage === 'Verify') byKey.set(key, { ...k, thumbprint });
  }
  const certs = [...byKey.values()].sort((a, b) => Date.parse(b.endDateTime ?? '') - Date.parse(a.endDateTime ?? ''));
  const thumb = sp.preferredTokenSigningKeyThumbprint?.toUpperCase() ?? null;
  const emails = sp.notificationEmailAddresses;
  const facts = certs.map((c) => ({ label: thumb !== null && c.thumbprint === thumb ? 'Active certificate' : 'Other certificate', value: `${c.thumbprint ?? c.keyId}, valid until ${day(c.endDateTime)}` }));
  facts.push({ label: 'Notification email', value: emails === undefined || emails === null ? 'not reported by Microsoft Graph (unknown)' : emails.length ? emails.join(', ') : '(none)' });
  const newCert = 'Enterprise applications > the app > Single sign-on > SAML Certificates > Edit > New Certificate > Save, then "Make certificate active" once Octopus has the new federation metadata.';
  if (certs.length === 0) return { status: 'failed', summary: 'The SAML-OpenID app has no SAML signing certificate.', fix: newCert, link, facts };
  const active = certs.find((c) => thumb !== null && c.thumbprint === thumb) ?? certs[0];
  const end = active?.endDateTime ?? null;
  const newer = certs.find((c) => c !== active && Date.parse(c.endDateTime ?? '') > Date.parse(end ?? ''));
  if (end && Date.parse(end) <= o.now.getTime())
    return { status: 'failed', summary: `The active SAML signing certificate expired on ${day(end)}: SAML sign-ins fail.`, fix: newer ? 'Single sign-on > SAML Certificates: make the newer certificate active, and give Octopus the new federation metadata.' : newCert, link, facts };
  const left = end ? daysLeft(end, o.now) : null;
  if (left !== null && left <= o.warnDays)
    return {
      status: 'warning',
      summary: `The active SAML signing certificate expires in ${plural(left, 'day')}, on ${day(end)}.${newer ? ` A newer certificate (valid until ${day(newer.endDateTime)}) is ready.` : ''}`,
      fix: newer ? 'Give Octopus the new federation metadata, then Single sign-on > SAML Certificates: make the newer certificate active before the old one expires.' : newCert,
      link,
      facts,
    };
  if (emails !== undefined && emails !== null && emails.length === 0)
    return {
      status: 'warning',
      summary: `The signing certificate is valid until ${day(end)}, but no notification email is set: Entra warns nobody before it expires.`,
      fix: 'Single sign-on > SAML Certificates > Edit > Notification Email: add an address someone reads, then Save.',
      link,
      facts,
    };
  const unknownEmail = emails === undefined || emails === null ? ' Whether a notification email is set could not be read from Graph.' : '';
  return { status: 'passed', summary: `The active signing certificate is valid until ${day(end)}.${unknownEmail}`, link, facts };
}

// ---------------------------------------------------------------- all steps

/** Every finding for a snapshot, in the guide's order, and the API app's secrets for the expiry watch. */
export function evaluateSnapshot(snapshot: GraphSnapshot, t: AuditTarget, options: RuleOptions): { findings: AuditFinding[]; secrets: SecretCredential[] } {
  const o: Required<RuleOptions> = { now: options.now, warnDays: options.warnDays ?? DEFAULT_POLICY.warnDays };
  const target: LinkTarget = { cloud: t.cloud, tenantId: t.tenantId, apiAppId: t.apiAppId, samlAppId: t.samlAppId };
  const authLink = appRegistrationLink('api-authentication', target);
  const permLink = appRegistrationLink('api-permissions', target);
  const api = appOrWhy(snapshot.apiApp, 'API app', t.apiAppId);
  const withApp = (link: AuditLink | null, rule: (app: GraphApplication) => Draft): Draft => ('app' in api ? rule(api.app) : { ...api.why, link });
  let secrets: SecretCredential[] = [];
  const findings: AuditFinding[] = [
    make('redirect-uri', 'api', withApp(authLink, (a) => redirectUri(a, t, authLink))),
    make('public-client-flows', 'api', withApp(authLink, (a) => publicClientFlows(a, authLink))),
    make(
      'client-secret',
      'api',
      withApp(appRegistrationLink('api-credentials', target), (a) => {
        const r = clientSecret(a, t, o, appRegistrationLink('api-credentials', target));
        secrets = r.secrets;
        return r.draft;
      }),
    ),
    make('api-permissions', 'api', withApp(permLink, (a) => apiPermissions(a, permLink))),
    make('admin-consent', 'api', adminConsent(snapshot, permLink)),
    make('app-id-uri', 'api', withApp(appRegistrationLink('api-expose', target), (a) => appIdUri(a, t, appRegistrationLink('api-expose', target)))),
    make('enterprise-app', 'api', enterpriseApp(snapshot.apiApp, snapshot.apiSp, t.apiAppId, 'api', target)),
    make('assignment', 'api', assignment(snapshot.apiSp, snapshot.apiAssignments, t.apiAppId, 'api', target)),
    make('email-claim', 'api', withApp(tokenConfigurationLink(t.apiAppId, target), (a) => emailClaim(a, tokenConfigurationLink(t.apiAppId, target)))),
    make('implicit-grant', 'api', withApp(authLink, (a) => implicitGrant(a, authLink))),
    make('enterprise-app', 'saml', enterpriseApp(snapshot.samlApp, snapshot.samlSp, t.samlAppId, 'saml', target)),
    make('saml-sso-mode', 'saml', samlSsoMode(snapshot.samlSp, t, target)),
    make('saml-certificate', 'saml', samlCertificate(snapshot.samlSp, t, o, target)),
    make('assignment', 'saml', assignment(snapshot.samlSp, snapshot.samlAssignments, t.samlAppId, 'saml', target)),
  ];
  return { findings, secrets };
}
