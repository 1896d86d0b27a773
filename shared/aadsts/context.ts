/**
 * Notes that point at the likely culprit in the selected profile: which redirect URI it sends, what
 * the stored secret's hint says, when its secret expires, which of its two apps an error names.
 */
import { entraValues, integrationTarget } from '../targets/registry';
import { isRootUri } from '../redirect-uri';
import { cloudLabel } from '../clouds';
import { daysBetween, isGuid, isIsoDate, type ProfileView } from '../profile';
import type { ParsedError } from './parser';

const GUID_G = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const QUOTED_URL = /'(https?:\/\/[^'\s]{1,2000})'/i;

const REDIRECT_CODES = new Set([50011, 500113, 500112, 500117, 70004, 900971, 9002326]);
const SECRET_CODES = new Set([7000215, 70002]);
const TENANT_CODES = new Set([90002, 900021, 900023, 50128, 50059, 90038]);
const COMMON_CODES = new Set([50194, 90124, 90130, 9001023]);
const SCOPE_CODES = new Set([500011, 70011, 901002, 50001]);

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Which of the profile's IDs a GUID is, in words, or null. */
function whichId(guid: string, p: ProfileView): string | null {
  const { clientId, samlAppId } = entraValues(p);
  if (same(guid, clientId)) return `this profile's ${integrationTarget(p).nouns.app.replace(/^the /, '')} (${clientId})`;
  if (samlAppId !== null && same(guid, samlAppId)) return `this profile's SAML-OpenID app (${samlAppId})`;
  if (same(guid, p.tenantId)) return `this profile's tenant (${p.tenantId})`;
  return null;
}

function messageGuids(e: ParsedError): string[] {
  const ids = new Set([e.traceId, e.correlationId].filter((x): x is string => x !== null).map((x) => x.toLowerCase()));
  return [...new Set((e.message ?? '').match(GUID_G) ?? [])].map((g) => g.toLowerCase()).filter((g) => !ids.has(g));
}

function bothApps(p: ProfileView): string {
  const { clientId, samlAppId } = entraValues(p);
  return samlAppId === null ? `app registration ${clientId || '(not set)'}` : `SAML-OpenID app ${samlAppId || '(not set)'}, API app ${clientId || '(not set)'}`;
}

function redirectNotes(e: ParsedError, p: ProfileView): string[] {
  const notes: string[] = [];
  const { redirectUris } = entraValues(p);
  const nouns = integrationTarget(p).nouns;
  const web = (redirectUris[0] ?? '').trim();
  if (!web) return [`This profile has no redirect URI, so it cannot tell which one ${nouns.product} sends. Fill it in first.`];
  notes.push(
    `This profile sends ${web} as the redirect URI (${nouns.redirectUri}${redirectUris.length > 1 ? `; ${redirectUris.length} in all, each must be registered` : ''}). Register exactly that string under ${nouns.app} > Authentication > Web > Redirect URIs.`,
  );
  // A root URL is answered with the slash added, so only a URL with a path needs it (Microsoft Learn, "Redirect URI (reply URL) outline and restrictions").
  if (!web.endsWith('/') && !isRootUri(web))
    notes.push(`The Web URL has no trailing slash. The setup registers it with one: use ${web}/ in Octopus, in this profile and in Entra, so all three match byte for byte.`);
  if (web.startsWith('http://') && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(?::|\/|$)/.test(web))
    notes.push('The Web URL uses http://; Entra accepts http redirect URIs only for localhost. Switch Octopus to https.');
  const sent = QUOTED_URL.exec(e.message ?? '')?.[1];
  if (sent) {
    if (sent === web) notes.push(`The request sent exactly this profile's Web URL, so that string is missing from the app's registered redirect URIs (or is registered under another platform).`);
    else if (sent.replace(/\/+$/, '') === web.replace(/\/+$/, ''))
      notes.push(`The request sent ${sent}, this profile has ${web}: they differ only by the trailing slash. Make Octopus, this profile and the registered URI identical.`);
    else if (same(sent, web)) notes.push(`The request sent ${sent}, this profile has ${web}: they differ only in letter case, which Entra treats as different.`);
    else
      notes.push(
        `The request sent ${sent}, but this profile's Web URL is ${web}. Octopus is configured with another address than this profile (or a proxy rewrites it): register the address users really use, and align Octopus and this profile.`,
      );
  }
  const named = messageGuids(e).map((g) => whichId(g, p)).find((x) => x !== null);
  if (named) notes.push(`The error names ${named}: that is the registration whose redirect URIs to fix.`);
  return notes;
}

function secretNotes(p: ProfileView): string[] {
  const s = p.secret;
  if (!s.present || !s.hint) return ['This profile has no stored secret, so Federation Desk cannot compare it with the secrets in Entra. Paste the Value of a current secret into the profile.'];
  const hint = s.hint;
  const len = s.length;
  if (/^[0-9a-f]{3}$/i.test(hint)) {
    if (len === 36 || len === 38)
      return [
        `The stored secret is ${len} characters and starts with "${hint}": that is the exact shape of a Secret ID (a GUID), not a Value. In Certificates & secrets, copy the Value of a new secret instead.`,
      ];
    return [
      `The stored secret starts with "${hint}": three hex digits, as every Secret ID does (a Value starts that way only by chance).${len ? ` It is ${len} characters long; Values are usually 40, Secret IDs 36.` : ''} In Certificates & secrets, compare "${hint}" with the first characters of the Value column and of the Secret ID column.`,
    ];
  }
  return [
    `The stored secret starts with "${hint}", which cannot begin a Secret ID (those are hex GUIDs), so it is a Value. If no secret of the API app shows a Value starting with "${hint}" in Certificates & secrets, that secret was deleted or belongs to another app: create a new one.`,
  ];
}

function expiryNotes(p: ProfileView, today: string | undefined): string[] {
  const e = p.secretExpiresAt;
  if (!e) return ["This profile has no expiry date recorded for its secret. Record the Expires date from Certificates & secrets so Federation Desk warns before the next one lapses."];
  if (!today || !isIsoDate(today) || !isIsoDate(e)) return [`The expiry recorded in this profile is ${e}.`];
  const days = daysBetween(today, e);
  if (days < 0) return [`The expiry recorded in this profile is ${e}, ${-days} day(s) ago: the stored secret is the one that expired.`];
  if (days === 0) return [`The expiry recorded in this profile is ${e}, today: the stored secret has just expired.`];
  return [
    `The expiry recorded in this profile is ${e}, still ${days} day(s) ahead, so Octopus is probably sending an older secret than the one this profile records: put the current secret's Value into Octopus.`,
  ];
}

function appNotFoundNotes(e: ParsedError, p: ProfileView): string[] {
  const msg = e.message ?? '';
  const notes: string[] = [];
  const id = /identifier '([^']{1,200})'/i.exec(msg)?.[1] ?? messageGuids(e)[0];
  if (id) {
    const which = whichId(id, p);
    if (which && !which.includes('tenant')) notes.push(`The app Entra could not find is ${which}. Its ID is right in this profile only if it is registered in the tenant the request went to.`);
    else if (which) notes.push(`The error names ${which} where an Application (client) ID belongs: the tenant ID was entered as an app ID.`);
    else notes.push(`The error names app ${id}, which is neither of this profile's apps (${bothApps(p)}). Octopus is configured with another ID than this profile.`);
  }
  const dir = /directory '([^']{1,200})'/i.exec(msg)?.[1];
  if (dir && !same(dir, p.tenantId)) notes.push(`The request went to directory '${dir}'; this profile's tenant is ${p.tenantId || '(not set)'}.`);
  return notes;
}

function tenantNotes(e: ParsedError, p: ProfileView): string[] {
  const t = p.tenantId || '(not set)';
  const cloud = cloudLabel(p.cloud);
  const named = /tenant '([^']{1,200})'/i.exec(e.message ?? '')?.[1];
  if (named && !same(named, p.tenantId)) return [`The request used tenant '${named}', but this profile's tenant is ${t} (${cloud}). Octopus is configured with another tenant than this profile.`];
  if (named) return [`The tenant not found is this profile's tenant, ${t}, looked up in ${cloud}. Check the Tenant ID on the Entra Overview page, and that the tenant lives in this cloud.`];
  return [`This profile's tenant is ${t}, in ${cloud}.`];
}

function commonNotes(p: ProfileView): string[] {
  const t = p.tenantId.trim().toLowerCase();
  if (t === 'common' || t === 'organizations')
    return [`This profile's tenant is "${t}". Replace it with the Directory (tenant) ID GUID from the Entra Overview page, in the profile and in Octopus.`];
  return [`This profile already uses tenant ${p.tenantId || '(not set)'}, not common, so the failing request was built elsewhere: check the tenant configured in Octopus itself.`];
}

function scopeNotes(e: ParsedError, p: ProfileView): string[] {
  const { clientId } = entraValues(p);
  if (!isGuid(clientId)) return [];
  const expected = `api://${clientId}`;
  const notes = [`With this profile the scope should be ${expected}/.default, and the API app's Application ID URI (Expose an API) should be ${expected}.`];
  const named = /resource principal named ([^\s]{1,300}) was not found/i.exec(e.message ?? '')?.[1];
  if (named && !same(named.replace(/\/\.default$/, ''), expected)) notes.push(`The request asked for ${named}, not ${expected}.`);
  return notes;
}

function genericAppNotes(e: ParsedError, p: ProfileView): string[] {
  const notes: string[] = [];
  for (const g of messageGuids(e)) {
    const which = whichId(g, p);
    if (which) notes.push(`The error names ${which}.`);
  }
  return notes;
}

/**
 * Notes tailored to `profile` for one parsed error: the exact redirect URI it sends (50011), what the
 * stored secret's hint says (7000215), the recorded expiry (7000222), which app an error names.
 */
export function contextNotes(e: ParsedError, profile: ProfileView | undefined, today?: string): string[] {
  if (!profile) return [];
  const code = typeof e.code === 'number' ? e.code : NaN;
  if (REDIRECT_CODES.has(code)) return redirectNotes(e, profile);
  if (SECRET_CODES.has(code)) return [...secretNotes(profile), ...genericAppNotes(e, profile)];
  if (code === 7000222) return [...expiryNotes(profile, today), ...genericAppNotes(e, profile)];
  if (code === 700016 || code === 700011 || code === 70001) return appNotFoundNotes(e, profile);
  if (TENANT_CODES.has(code)) return tenantNotes(e, profile);
  if (COMMON_CODES.has(code)) return commonNotes(profile);
  if (SCOPE_CODES.has(code)) return [...scopeNotes(e, profile), ...genericAppNotes(e, profile)];
  if (e.code === 'IDX10205' || code === 50013) return [...commonNotes(profile).filter(() => /^(common|organizations)$/i.test(profile.tenantId.trim())), ...genericAppNotes(e, profile)];
  return genericAppNotes(e, profile);
}
