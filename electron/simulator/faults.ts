/**
 * Network faults the simulator can inject: added latency, an error status from one endpoint, a
 * response that never comes, malformed JSON, and a server certificate the client does not trust.
 * A fault names its endpoint by path glob (`/* /oauth2/v2.0/token`, `*` = one segment, `**` = any)
 * or by a short name (token, authorize, discovery, keys, metadata, graph, me).
 */
import type { ScenarioFaults } from './scenario-schema';

export interface FaultOptions {
  latencyMs?: number;
  /** Error responses: `{path, status}`; CLI form `PATH:STATUS`. */
  fail?: { path: string; status: number }[];
  stall?: string[];
  malformed?: string[];
  untrustedCert?: boolean;
}

export interface CompiledFaults {
  latencyMs: number;
  untrustedCert: boolean;
  failFor(pathname: string): number | undefined;
  stalls(pathname: string): boolean;
  malformed(pathname: string): boolean;
}

const NAMED: Record<string, string> = {
  discovery: '/*/v2.0/.well-known/openid-configuration',
  keys: '/*/discovery/v2.0/keys',
  jwks: '/*/discovery/v2.0/keys',
  authorize: '/*/oauth2/v2.0/authorize',
  token: '/*/oauth2/v2.0/token',
  metadata: '/*/federationmetadata/2007-06/federationmetadata.xml',
  graph: '/v1.0/**',
  me: '/v1.0/me',
};

/** The short endpoint names a fault path may use instead of a path. */
export const FAULT_ENDPOINT_NAMES = Object.keys(NAMED);

function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`, 'i');
}

/** A path glob or endpoint name as a matcher over request pathnames. */
export function faultMatcher(spec: string): (pathname: string) => boolean {
  const glob = NAMED[spec.toLowerCase()] ?? (spec.startsWith('/') ? spec : `/${spec}`);
  const re = globToRegExp(glob);
  return (pathname) => re.test(pathname);
}

/** Parse the CLI's `PATH:STATUS` (status 400-599). Returns an error message instead of throwing. */
export function parseFailSpec(spec: string): { path: string; status: number } | string {
  const i = spec.lastIndexOf(':');
  if (i <= 0) return `"${spec}" is not PATH:STATUS (for example token:503 or /v1.0/me:500)`;
  const status = Number(spec.slice(i + 1));
  if (!Number.isInteger(status) || status < 400 || status > 599) return `"${spec.slice(i + 1)}" is not an HTTP error status (400-599)`;
  return { path: spec.slice(0, i), status };
}

/** Merge scenario faults and option faults into matchers. */
export function compileFaults(...sources: (FaultOptions | ScenarioFaults | undefined)[]): CompiledFaults {
  const fail: { match: (p: string) => boolean; status: number }[] = [];
  const stall: ((p: string) => boolean)[] = [];
  const malformed: ((p: string) => boolean)[] = [];
  let latencyMs = 0;
  let untrustedCert = false;
  for (const s of sources) {
    if (!s) continue;
    latencyMs = Math.max(latencyMs, s.latencyMs ?? 0);
    untrustedCert ||= s.untrustedCert ?? false;
    for (const f of s.fail ?? []) fail.push({ match: faultMatcher(f.path), status: f.status });
    for (const p of s.stall ?? []) stall.push(faultMatcher(p));
    for (const p of s.malformed ?? []) malformed.push(faultMatcher(p));
  }
  return {
    latencyMs,
    untrustedCert,
    failFor: (p) => fail.find((f) => f.match(p))?.status,
    stalls: (p) => stall.some((m) => m(p)),
    malformed: (p) => malformed.some((m) => m(p)),
  };
}
