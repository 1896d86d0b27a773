/**
 * National clouds and their hosts (https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud,
 * https://learn.microsoft.com/graph/deployments). A profile names its cloud; every URL the app
 * builds (authority, Graph, admin-center deep links) comes from here.
 */
export const CLOUD_IDS = ['global', 'usgov', 'china', 'practice'] as const;
export type CloudId = (typeof CLOUD_IDS)[number];

export interface CloudHosts {
  /** Shown in the cloud picker. */
  label: string;
  /** Login host, used as `https://{loginHost}/{tenant}`. */
  loginHost: string;
  graphHost: string;
  adminCenterHost: string;
  portalHost: string;
}

export const CLOUDS: Record<Exclude<CloudId, 'practice'>, CloudHosts> = {
  global: {
    label: 'Global (login.microsoftonline.com)',
    loginHost: 'login.microsoftonline.com',
    graphHost: 'graph.microsoft.com',
    adminCenterHost: 'entra.microsoft.com',
    portalHost: 'portal.azure.com',
  },
  usgov: {
    label: 'US Government (login.microsoftonline.us)',
    loginHost: 'login.microsoftonline.us',
    graphHost: 'graph.microsoft.us',
    adminCenterHost: 'entra.microsoft.us',
    portalHost: 'portal.azure.us',
  },
  china: {
    label: 'China, operated by 21Vianet (login.partner.microsoftonline.cn)',
    loginHost: 'login.partner.microsoftonline.cn',
    graphHost: 'microsoftgraph.chinacloudapi.cn',
    adminCenterHost: 'entra.microsoftonline.cn',
    portalHost: 'portal.azure.cn',
  },
};

export const PRACTICE_CLOUD_LABEL = 'Practice tenant (built-in Entra simulator)';

/** The label for any cloud id, the practice tenant included. */
export function cloudLabel(cloud: CloudId): string {
  return cloud === 'practice' ? PRACTICE_CLOUD_LABEL : CLOUDS[cloud].label;
}

/**
 * Hosts the app may open in the system browser: Microsoft admin and sign-in surfaces of every cloud,
 * and Microsoft's documentation. Anything else is refused (Electron security guide, "Do not use
 * shell.openExternal with untrusted content": https://www.electronjs.org/docs/latest/tutorial/security).
 * No redirector (aka.ms): it would take the browser wherever its target points, past this list.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  ...Object.values(CLOUDS).flatMap((c) => [c.adminCenterHost, c.portalHost, c.loginHost]),
  'login.microsoftonline.com',
  'learn.microsoft.com',
  'myapps.microsoft.com',
  'myaccount.microsoft.com',
];

/** True when `url` is an https URL whose host is on the allow-list above. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_LINK_HOSTS.includes(parsed.hostname.toLowerCase());
}
