/**
 * Octopus's own fields and rules: the SAML-OpenID app beside the API app, and the Octopus Web URL,
 * which Octopus sends as the redirect URI, so Entra must have it registered exactly.
 */
import { z } from 'zod';
import type { FieldFix, FieldIssue } from '../../profile';
import { isRootUri } from '../../redirect-uri';
import { isGuid, normalizeAppId, normalizeTenantId, validateAppId } from '../common-rules';

/** Octopus's own stored fields (beside the common ones; its client ID is the API app's). */
export const OCTOPUS_FIELDS = {
  target: z.literal('octopus'),
  /** The SAML-OpenID app's Application (client) ID. */
  samlAppId: z.string().max(100),
  /** The Octopus Web URL: Octopus sends it as the redirect URI. */
  webUrl: z.string().max(2048),
  /** Email domains allowed to sign in (empty: any). */
  allowedDomains: z.array(z.string().max(253)).max(500),
};

/** The Web URL is compared byte for byte by Entra: only surrounding whitespace is removed. */
export function normalizeWebUrl(raw: string): string {
  return raw.trim();
}

export function validateAppIds(samlRaw: string, apiRaw: string, tenantRaw: string): FieldIssue[] {
  const issues = [...validateAppId('samlAppId', samlRaw), ...validateAppId('clientId', apiRaw)];
  const saml = normalizeAppId(samlRaw);
  const api = normalizeAppId(apiRaw);
  const tenant = normalizeTenantId(tenantRaw);
  if (issues.length === 0 && saml === api)
    issues.push({
      field: 'clientId',
      severity: 'warning',
      message: 'The SAML-OpenID and API application IDs are the same. The setup needs two separate app registrations: check you copied each from its own Overview page.',
    });
  for (const field of ['samlAppId', 'clientId'] as const) {
    const v = field === 'samlAppId' ? saml : api;
    if (isGuid(v) && v === tenant)
      issues.push({ field, severity: 'warning', message: 'This is the Directory (tenant) ID, not an Application (client) ID.' });
  }
  return issues;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function validateWebUrl(raw: string): FieldIssue[] {
  const v = normalizeWebUrl(raw);
  const err = (message: string, fix?: FieldFix): FieldIssue[] => [{ field: 'webUrl', severity: 'error', message, ...(fix ? { fix } : {}) }];
  if (v === '') return err('Enter the Octopus Web URL, for example https://octopus.contoso.com/ (it is the redirect URI registered in Entra).');
  if (/\s/.test(v)) return err('Remove the spaces from the URL.');
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.includes(' ')) {
      const candidate = `https://${v}${v.includes('/') ? '' : '/'}`;
      return err('Enter a full URL that starts with https://.', { label: `Use ${candidate}`, value: candidate });
    }
    return err('This is not a valid URL. Enter it as https://host/path/.');
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    const fixed = `https://${v.slice('http://'.length)}`;
    return err('Entra accepts http redirect URIs only for localhost. Use https.', { label: `Use ${fixed}`, value: fixed });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return err('The Web URL must start with https://.');
  if (url.username || url.password) return err('Remove the user name and password from the URL.');
  if (v.includes('*')) return err('Entra does not allow wildcards in web redirect URIs. Enter the exact URL.');
  if (url.search || v.includes('?')) {
    const fixed = v.split('?')[0] ?? v;
    return err('Remove the query string: Entra redirect URIs cannot carry one here.', { label: `Use ${fixed}`, value: fixed });
  }
  if (url.hash || v.includes('#')) {
    const fixed = v.split('#')[0] ?? v;
    return err('Remove the #fragment: redirect URIs cannot have one.', { label: `Use ${fixed}`, value: fixed });
  }
  // A URI with a path is compared byte for byte; one without a path (a root URL) is answered with
  // the slash added, so Entra treats https://host and https://host/ as the same (Microsoft Learn,
  // "Redirect URI (reply URL) outline and restrictions"; the practice tenant's
  // redirect-root-without-slash scenario).
  if (!v.endsWith('/') && !isRootUri(v))
    return err(
      'The URL must end with "/". Entra compares redirect URIs exactly, so a missing trailing slash fails sign-in with AADSTS50011.',
      { label: 'Add the trailing slash', value: `${v}/` },
    );
  return [];
}