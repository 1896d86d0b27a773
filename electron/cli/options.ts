/**
 * Options several commands share (check, audit, expiry): endpoint origins, the CA file, the proxy,
 * and the practice tenant's sign-in user. One implementation, so the same mistake gets the same
 * message whichever command it was made with.
 */
import fs from 'node:fs';
import { proxyForDisplay, proxyFromEnv, registerProxyCredentials, type ProxyConfig } from '../services/http';
import { BUILT_IN_SCENARIO_NAMES, builtInScenario } from '../simulator/scenarios';
import { UsageError } from './io';

export type Usage = (message: string) => UsageError;

/** Usage errors that end with "Run federation-desk COMMAND --help". */
export function commandUsage(command: string): Usage {
  return (message) => new UsageError(`${message} Run "federation-desk ${command} --help".`);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** `--authority-host` / `--graph-host`: an https origin, without a path (the tenant is added from --tenant). */
export function originOption(usage: Usage, name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage(`--${name} "${value}" is not a URL; give it as https://host[:port].`);
  }
  if (url.protocol !== 'https:') throw usage(`--${name} must be an https:// URL (got ${url.protocol}).`);
  if (url.pathname !== '/' || url.search || url.hash) throw usage(`--${name} takes the host only (https://host[:port]), without a path: the tenant is added from --tenant.`);
  return url.origin;
}

export function isLoopbackOrigin(origin: string): boolean {
  return LOOPBACK.has(new URL(origin).hostname.toLowerCase());
}

/** `--ca-file PEM`: read it, and refuse what is not a PEM certificate. */
export function readCaFileOption(usage: Usage, file: string): string {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw usage(`Cannot read --ca-file ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw usage(`--ca-file ${file} is not a PEM certificate (no "-----BEGIN CERTIFICATE-----" in it).`);
  return pem;
}

/** `--proxy URL`, else HTTPS_PROXY / HTTP_PROXY with NO_PROXY. A password in it is registered for redaction. */
export function proxyOption(usage: Usage, value: string | undefined, env: NodeJS.ProcessEnv): ProxyConfig | null {
  const fromEnv = proxyFromEnv(env);
  if (value === undefined) return fromEnv;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage(`--proxy "${proxyForDisplay(value)}" is not a URL; give it as http://host:port.`);
  }
  if (url.protocol !== 'http:') throw usage(`--proxy must be an http:// proxy URL (HTTPS goes through it with CONNECT); got ${url.protocol}.`);
  registerProxyCredentials(value);
  return { url: value, noProxy: fromEnv?.noProxy ?? (env.NO_PROXY ?? env.no_proxy ?? '').split(',').filter((s) => s.trim() !== '') };
}

/** The built-in practice tenant's sign-in user when `tenant` is a built-in scenario's tenant (one user for all of them). */
export function builtInSignInUser(tenant: string): { username: string; password: string } | null {
  const now = new Date();
  const users = new Map<string, string>();
  for (const name of BUILT_IN_SCENARIO_NAMES) {
    const s = builtInScenario(name, now);
    const t = s.tenants.find((x) => x.id.toLowerCase() === tenant || x.domains.some((d) => d.toLowerCase() === tenant));
    if (!t || t.id.toLowerCase() !== s.profile.tenantId.toLowerCase()) continue;
    const user = s.users.find((u) => u.userPrincipalName.toLowerCase() === s.signInUser.toLowerCase());
    if (user) users.set(`${user.userPrincipalName}\n${user.password}`, user.userPrincipalName);
  }
  if (users.size !== 1) return null;
  const [key] = [...users.keys()];
  const [username, password] = (key ?? '').split('\n');
  return username && password ? { username, password } : null;
}
