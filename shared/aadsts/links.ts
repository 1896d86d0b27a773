/**
 * Deep links into the Entra admin center (docs/ARCHITECTURE.md, "Admin-center links"), built from a profile's app IDs,
 * tenant and cloud. App-registration blades take the appId; enterprise-app blades need the service
 * principal's object id, which a profile does not hold, so those link to the Enterprise applications
 * list instead. Every URL built here passes isAllowedExternalUrl.
 */
import { CLOUDS, isAllowedExternalUrl, type CloudId } from '../clouds';
import { isGuid, isDomainName } from '../profile';
import type { Link } from './schema';

/** What the link builder needs from a profile (all optional: without them, links go to lists). */
export interface LinkTarget {
  cloud?: CloudId;
  tenantId?: string;
  samlAppId?: string;
  apiAppId?: string;
}

/** The symbolic links a catalog entry may ask for. */
export const LINK_KEYS = [
  'api-overview',
  'api-authentication',
  'api-credentials',
  'api-permissions',
  'api-expose',
  'saml-overview',
  'saml-authentication',
  'saml-permissions',
  'app-registrations',
  'enterprise-apps',
  'sign-in-logs',
  'conditional-access',
  'users',
  'tenant-overview',
  'error-reference',
] as const;
export type LinkKey = (typeof LINK_KEYS)[number];

const APP_BLADE = 'Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~';
const BLADES = {
  appRegistrations: 'Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
  enterpriseApps: 'Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview',
  signInLogs: 'Microsoft_AAD_IAM/SignInLogsList.ReactView',
  conditionalAccess: 'Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies',
  users: 'Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers',
  tenantOverview: 'Microsoft_AAD_IAM/TenantOverview.ReactView',
} as const;
type AppSection = 'Overview' | 'Authentication' | 'Credentials' | 'CallAnAPI' | 'ProtectAnAPI';

/** Microsoft's public AADSTS reference page. */
export const ERROR_REFERENCE_URL = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';

function cloudHosts(cloud: CloudId | undefined) {
  return cloud && cloud !== 'practice' ? CLOUDS[cloud] : CLOUDS.global;
}

/** A tenant the admin center can be pinned to: a GUID or a domain, not common/organizations. */
function pinnableTenant(tenantId: string | undefined): string | null {
  const t = (tenantId ?? '').trim().toLowerCase();
  return isGuid(t) || isDomainName(t) ? t : null;
}

/** `https://{admin center}/{tenant}/#view/{path}`, tenant-pinned when the tenant is known. */
export function adminCenterUrl(path: string, target: LinkTarget = {}): string {
  const host = cloudHosts(target.cloud).adminCenterHost;
  const tenant = pinnableTenant(target.tenantId);
  return `https://${host}/${tenant ? `${encodeURIComponent(tenant)}/` : ''}#view/${path}`;
}

function appBlade(section: AppSection, appId: string | undefined, target: LinkTarget): string {
  const id = (appId ?? '').trim().toLowerCase();
  if (!isGuid(id)) return adminCenterUrl(BLADES.appRegistrations, target);
  return adminCenterUrl(`${APP_BLADE}/${section}/appId/${id}`, target);
}

/** Microsoft's own lookup page for one AADSTS code, on the profile's cloud's login host. */
export function lookupUrl(code: number, cloud?: CloudId): string {
  return `https://${cloudHosts(cloud).loginHost}/error?code=${encodeURIComponent(String(code))}`;
}

function hasApp(appId: string | undefined): boolean {
  return isGuid((appId ?? '').trim().toLowerCase());
}

/** One symbolic link resolved against a profile; labels say which app a blade belongs to. */
export function buildLink(key: LinkKey, target: LinkTarget = {}): Link {
  const api = hasApp(target.apiAppId);
  const saml = hasApp(target.samlAppId);
  const appLabel = (which: 'API' | 'SAML-OpenID', has: boolean, blade: string) =>
    has ? `${which} app: ${blade}` : `App registrations (open the ${which} app, then ${blade})`;
  switch (key) {
    case 'api-overview':
      return { label: appLabel('API', api, 'Overview'), url: appBlade('Overview', target.apiAppId, target) };
    case 'api-authentication':
      return { label: appLabel('API', api, 'Authentication'), url: appBlade('Authentication', target.apiAppId, target) };
    case 'api-credentials':
      return { label: appLabel('API', api, 'Certificates & secrets'), url: appBlade('Credentials', target.apiAppId, target) };
    case 'api-permissions':
      return { label: appLabel('API', api, 'API permissions'), url: appBlade('CallAnAPI', target.apiAppId, target) };
    case 'api-expose':
      return { label: appLabel('API', api, 'Expose an API'), url: appBlade('ProtectAnAPI', target.apiAppId, target) };
    case 'saml-overview':
      return { label: appLabel('SAML-OpenID', saml, 'Overview'), url: appBlade('Overview', target.samlAppId, target) };
    case 'saml-authentication':
      return { label: appLabel('SAML-OpenID', saml, 'Authentication'), url: appBlade('Authentication', target.samlAppId, target) };
    case 'saml-permissions':
      return { label: appLabel('SAML-OpenID', saml, 'API permissions'), url: appBlade('CallAnAPI', target.samlAppId, target) };
    case 'app-registrations':
      return { label: 'App registrations', url: adminCenterUrl(BLADES.appRegistrations, target) };
    case 'enterprise-apps':
      return { label: 'Enterprise applications (search for the app)', url: adminCenterUrl(BLADES.enterpriseApps, target) };
    case 'sign-in-logs':
      return { label: 'Sign-in logs (search by correlation ID)', url: adminCenterUrl(BLADES.signInLogs, target) };
    case 'conditional-access':
      return { label: 'Conditional Access policies', url: adminCenterUrl(BLADES.conditionalAccess, target) };
    case 'users':
      return { label: 'Users', url: adminCenterUrl(BLADES.users, target) };
    case 'tenant-overview':
      return { label: 'Tenant overview (Tenant ID, primary domain)', url: adminCenterUrl(BLADES.tenantOverview, target) };
    case 'error-reference':
      return { label: "Microsoft's AADSTS error code reference", url: ERROR_REFERENCE_URL };
  }
}

/** Resolve several symbolic links, dropping duplicates and anything that fails the allow-list. */
export function buildLinks(keys: readonly LinkKey[], target: LinkTarget = {}): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const key of keys) {
    const link = buildLink(key, target);
    if (seen.has(link.url) || !isAllowedExternalUrl(link.url)) continue;
    seen.add(link.url);
    out.push(link);
  }
  return out;
}
