/**
 * Network settings for corporate networks: which proxy to use (the system's, none, or a given URL)
 * and an extra CA certificate file for a TLS-inspecting proxy. The CA is trusted for the Entra and
 * Microsoft Graph hosts of the profile's cloud only, never for everything.
 */
import { z } from 'zod';

export const PROXY_MODES = ['system', 'none', 'manual'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

export const NetworkSettingsSchema = z.object({
  proxyMode: z.enum(PROXY_MODES),
  /** http://host:port (manual mode). */
  proxyUrl: z.string().max(2048),
  /** Hosts that bypass the manual proxy, comma-separated (NO_PROXY style). */
  noProxy: z.string().max(4096),
  /** Path of a PEM file with the extra CA certificate(s); empty for none. */
  caFile: z.string().max(4096),
});
export type NetworkSettings = z.infer<typeof NetworkSettingsSchema>;

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = { proxyMode: 'system', proxyUrl: '', noProxy: '', caFile: '' };

export interface SettingsIssue {
  field: 'proxyUrl' | 'noProxy' | 'caFile';
  message: string;
}

/** The rules a person can check while typing (the CA file's contents are checked again in main). */
export function validateNetworkSettings(s: NetworkSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  if (s.proxyMode === 'manual') {
    const raw = s.proxyUrl.trim();
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (!raw) issues.push({ field: 'proxyUrl', message: 'Enter the proxy as http://proxy.contoso.com:8080.' });
    else if (!url || url.protocol !== 'http:' || !url.hostname)
      issues.push({ field: 'proxyUrl', message: 'Use an http:// proxy URL with host and port, e.g. http://proxy.contoso.com:8080 (HTTPS traffic is tunnelled through it).' });
    else if (url.username || url.password)
      issues.push({ field: 'proxyUrl', message: 'Leave the user name and password out: they would be stored in clear. Use the system proxy if yours needs sign-in.' });
    else if (url.pathname !== '/' || url.search) issues.push({ field: 'proxyUrl', message: 'A proxy URL has no path or query: http://host:port.' });
  }
  const ca = s.caFile.trim();
  if (ca && !/\.(pem|crt|cer)$/i.test(ca)) issues.push({ field: 'caFile', message: 'Choose a PEM certificate file (.pem, .crt or .cer).' });
  return issues;
}

/** How the app looks: follow the operating system's light/dark choice, or keep one. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const AppearanceSettingsSchema = z.object({ theme: z.enum(THEME_CHOICES) });
export type AppearanceSettings = z.infer<typeof AppearanceSettingsSchema>;

export const DEFAULT_APPEARANCE_SETTINGS: AppearanceSettings = { theme: 'system' };

/** Updates of the installed app: looked for at start and once a day unless switched off. */
export const UpdateSettingsSchema = z.object({ automatic: z.boolean() });
export type UpdateSettings = z.infer<typeof UpdateSettingsSchema>;

export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = { automatic: true };
