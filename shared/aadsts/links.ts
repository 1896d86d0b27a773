/**
 * Deep links into the Entra admin center (docs/ARCHITECTURE.md, "Admin-center links"), built from a profile's app IDs,
 * tenant and cloud. App-registration blades take the appId; enterprise-app blades need the service
 * principal's object id, which a profile does not hold, so those link to the Enterprise applications
 * list instead. Every URL built here passes isAllowedExternalUrl.
 */
import type { ProfileFields } from '../profile';
import { entraValues } from '../targets/registry';
import { CLOUDS, isAllowedExternalUrl, type CloudId } from '../clouds';
import { isGuid, isDomainName } from '../profile';
import type { Link } from './schema';

/** What the link builder needs from a profile (all optional: without them, links go to lists). */
export interface LinkTarget {
  cloud?: CloudId;
  tenantId?: string;
  samlAppId?: string;
  /** The app registration whose secret the profile stores (the "API app" blades). */
  apiAppId?: string;
}

/** A profile's link target: its cloud, tenant and apps, through its integration target. */
export function linkTargetOf(p: ProfileFields): LinkTarget {
  const { clientId, samlAppId } = entraValues(p);
  return { cloud: p.cloud, tenantId: p.tenantId, apiAppId: clientId, ...(samlAppId !== null ? { samlAppId } : {}) };
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

/**
 * What each symbolic link opens: a blade of one of the profile's two app registrations (its name in
 * the admin center's menu and its section in the URL), a fixed admin-center page, or a plain URL.
 */
type LinkSpec = { app: 'API' | 'SAML-OpenID'; blade: string; section: AppSection } | { label: string; page: string } | { label: string; url: string };

const LINKS: Record<LinkKey, LinkSpec> = {
  'api-overview': { app: 'API', blade: 'Overview', section: 'Overview' },
  'api-authentication': { app: 'API', blade: 'Authentication', section: 'Authentication' },
  'api-credentials': { app: 'API', blade: 'Certificates & secrets', section: 'Credentials' },
  'api-permissions': { app: 'API', blade: 'API permissions', section: 'CallAnAPI' },
  'api-expose': { app: 'API', blade: 'Expose an API', section: 'ProtectAnAPI' },
  'saml-overview': { app: 'SAML-OpenID', blade: 'Overview', section: 'Overview' },
  'saml-authentication': { app: 'SAML-OpenID', blade: 'Authentication', section: 'Authentication' },
  'saml-permissions': { app: 'SAML-OpenID', blade: 'API permissions', section: 'CallAnAPI' },
  'app-registrations': { label: 'App registrations', page: BLADES.appRegistrations },
  'enterprise-apps': { label: 'Enterprise applications (search for the app)', page: BLADES.enterpriseApps },
  'sign-in-logs': { label: 'Sign-in logs (search by correlation ID)', page: BLADES.signInLogs },
  'conditional-access': { label: 'Conditional Access policies', page: BLADES.conditionalAccess },
  users: { label: 'Users', page: BLADES.users },
  'tenant-overview': { label: 'Tenant overview (Tenant ID, primary domain)', page: BLADES.tenantOverview },
  'error-reference': { label: "Microsoft's AADSTS error code reference", url: ERROR_REFERENCE_URL },
};

/** One symbolic link resolved against a profile; labels say which app a blade belongs to. */
export function buildLink(key: LinkKey, target: LinkTarget = {}): Link {
  const spec = LINKS[key];
  if ('url' in spec) return { label: spec.label, url: spec.url };
  if ('page' in spec) return { label: spec.label, url: adminCenterUrl(spec.page, target) };
  const appId = spec.app === 'API' ? target.apiAppId : target.samlAppId;
  // Without the app's ID the link opens the list, and the label says which app to open there.
  const label = hasApp(appId) ? `${spec.app} app: ${spec.blade}` : `App registrations (open the ${spec.app} app, then ${spec.blade})`;
  return { label, url: appBlade(spec.section, appId, target) };
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
