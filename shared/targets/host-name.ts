/**
 * Host names as the targets' address fields take them (The Things Stack's server, authentik's FQDN,
 * a workspace base domain): one set of rules, and one way to pull the host out of a pasted URL so the
 * form can offer it as a fix.
 */
import type { FieldIssue, ProfileField } from '../profile';

/** One DNS label: letters, digits, inner hyphens, at most 63 characters (lower case expected). */
export const LABEL_RE = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD_RE = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const SCHEME_RE = /^[a-z][a-z0-9+.-]*:\/\//;

/** A DNS name with at least two labels and a real top-level label, e.g. contoso.com. */
export function isHostName(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL_RE.test(l)) && TLD_RE.test(labels[labels.length - 1] ?? '');
}

/** A host name optionally followed by :port (1–65535). */
export function isHostWithPort(value: string): boolean {
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m) return false;
  const port = m[2] === undefined ? null : Number(m[2]);
  if (port !== null && (port < 1 || port > 65535)) return false;
  return isHostName(m[1] ?? '');
}

/**
 * When `value` was pasted as a URL (it has a scheme or a path), the host in it ('host' keeps a port,
 * 'hostname' drops it; '' when it cannot be parsed); null when it is not URL-shaped.
 */
export function hostOfPastedUrl(value: string, part: 'host' | 'hostname'): string | null {
  if (!SCHEME_RE.test(value) && !value.includes('/')) return null;
  try {
    return new URL(SCHEME_RE.test(value) ? value : `https://${value}`)[part];
  } catch {
    return '';
  }
}

/** What one address field's issues say, in its target's words. */
export interface HostFieldWords {
  empty: string;
  pasted: string;
  spaces: string;
  shape: string;
}

/** The rules of an address field that takes a host (and optional :port): a pasted URL gets its host offered as the fix. */
export function hostFieldIssues(field: ProfileField, value: string, words: HostFieldWords): FieldIssue[] {
  const err = (message: string, fixValue?: string): FieldIssue[] => [
    { field, severity: 'error', message, ...(fixValue ? { fix: { label: `Use ${fixValue}`, value: fixValue } } : {}) },
  ];
  if (value === '') return err(words.empty);
  const pasted = hostOfPastedUrl(value, 'host');
  if (pasted !== null) return err(words.pasted, pasted && isHostWithPort(pasted) ? pasted : undefined);
  if (/\s/.test(value)) return err(words.spaces);
  if (!isHostWithPort(value)) return err(words.shape);
  return [];
}
