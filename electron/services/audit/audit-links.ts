/**
 * The admin-center blade for each audit step (docs/ARCHITECTURE.md, "Admin-center links"). App-registration blades come from
 * shared/aadsts/links.ts (they take the appId); enterprise-app blades need the service principal's
 * object id, which Graph just gave us, so they are built here on the same adminCenterUrl. Without
 * the object id (no enterprise app yet) the link falls back to the Enterprise applications list.
 * Every link is checked against isAllowedExternalUrl; one that fails it is dropped, never opened.
 */
import { adminCenterUrl, buildLink, type LinkKey, type LinkTarget } from '../../../shared/aadsts/links';
import { isAllowedExternalUrl } from '../../../shared/clouds';
import type { AuditApp } from '../../../shared/audit';
import { isGuid } from '../../../shared/profile';

export interface AuditLink {
  label: string;
  url: string;
}

type EnterpriseBlade = 'Overview' | 'Properties' | 'Users' | 'SignOn' | 'Permissions';

const BLADE_LABELS: Record<EnterpriseBlade, string> = {
  Overview: 'Overview',
  Properties: 'Properties',
  Users: 'Users and groups',
  SignOn: 'Single sign-on',
  Permissions: 'Permissions',
};

const APP_LABEL: Record<AuditApp, string> = { api: 'API', saml: 'SAML-OpenID' };

function safe(link: AuditLink): AuditLink | null {
  return isAllowedExternalUrl(link.url) ? link : null;
}

/** An app-registration blade (Authentication, Certificates & secrets, API permissions, Expose an API...). */
export function appRegistrationLink(key: LinkKey, target: LinkTarget): AuditLink | null {
  return safe(buildLink(key, target));
}

/** Token configuration (optional claims): not among the shared keys, same blade family. */
export function tokenConfigurationLink(appId: string, target: LinkTarget): AuditLink | null {
  const id = appId.trim().toLowerCase();
  if (!isGuid(id)) return appRegistrationLink('app-registrations', target);
  return safe({ label: 'API app: Token configuration', url: adminCenterUrl(`Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/TokenConfiguration/appId/${id}`, target) });
}

/** An enterprise-app blade, by service principal object id and appId. */
export function enterpriseAppLink(blade: EnterpriseBlade, app: AuditApp, spObjectId: string | null, appId: string, target: LinkTarget): AuditLink | null {
  const sp = (spObjectId ?? '').trim().toLowerCase();
  const id = appId.trim().toLowerCase();
  if (!isGuid(sp) || !isGuid(id)) return safe(buildLink('enterprise-apps', target));
  const suffix = blade === 'SignOn' ? '/preferredSingleSignOnMode/saml/servicePrincipalType/Application/fromNav/' : '';
  return safe({
    label: `${APP_LABEL[app]} enterprise app: ${BLADE_LABELS[blade]}`,
    url: adminCenterUrl(`Microsoft_AAD_IAM/ManagedAppMenuBlade/~/${blade}/objectId/${sp}/appId/${id}${suffix}`, target),
  });
}
