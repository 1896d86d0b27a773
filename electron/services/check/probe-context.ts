/**
 * What every probe receives: the configuration under test, the endpoints of its cloud, the HTTP
 * client (proxy and CA settings applied), the run's cancellation signal, and the things fetched once
 * per run (the discovery document, the JWKS). Tokens obtained by one probe for the next live here, in
 * memory, for the length of the run only.
 */
import { z } from 'zod';
import type { Wait } from './graph-request';
import type { EntraErrorRef } from '../../../shared/check';
import { CLOUDS, type CloudId } from '../../../shared/clouds';
import { entraValues, integrationTarget } from '../../../shared/targets/registry';
import type { EntraSource, TargetNouns } from '../../../shared/targets/target';
import type { HttpClient, HttpResponse } from '../http';
import type { Clock } from '../ports';
import type { PublicSignIn } from './public-sign-in';
import type { SignInDriver } from './sign-in-driver';

export interface CheckTarget {
  cloud: CloudId;
  tenantId: string;
  /** The app registration whose secret is stored (for Octopus, the API app). */
  clientId: string;
  /** The SAML app; null for targets without one. */
  samlAppId: string | null;
  /** The redirect URIs the target's product sends; the sign-in goes through the first. */
  redirectUris: string[];
  /** The target's words for results and fixes. */
  nouns: TargetNouns;
  /** The secret's Entra hint, for pointing out a Secret ID pasted as the value. */
  secretHint: string | null;
  secretExpiresAt: string | null;
}

/** The configuration under test from a profile (through its target's Entra values) and the secret's hint and end date. */
export function checkTargetOf(p: EntraSource, secret: { hint: string | null; expiresAt: string | null }): CheckTarget {
  const e = entraValues(p);
  return {
    cloud: p.cloud,
    tenantId: p.tenantId,
    clientId: e.clientId,
    samlAppId: e.samlAppId,
    redirectUris: e.redirectUris,
    nouns: integrationTarget(p).nouns,
    secretHint: secret.hint,
    secretExpiresAt: secret.expiresAt,
  };
}

/** The hosts a run talks to, as origins (https://host[:port]). */
export interface Endpoints {
  authorityHost: string;
  graphHost: string;
}

/** The endpoints of a cloud; the practice tenant and the CLI's --authority-host/--graph-host override them. */
export function cloudEndpoints(cloud: CloudId, overrides: Partial<Endpoints> = {}): Endpoints {
  const base = cloud === 'practice' ? undefined : CLOUDS[cloud];
  const authorityHost = overrides.authorityHost ?? (base ? `https://${base.loginHost}` : undefined);
  const graphHost = overrides.graphHost ?? (base ? `https://${base.graphHost}` : undefined);
  if (!authorityHost || !graphHost) throw new Error('The practice tenant is not running: start it from the profile (or pass --authority-host and --graph-host).');
  return { authorityHost: authorityHost.replace(/\/+$/, ''), graphHost: graphHost.replace(/\/+$/, '') };
}

export const DiscoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  tenant_region_scope: z.string().nullable().optional(),
  cloud_instance_name: z.string().optional(),
  msgraph_host: z.string().optional(),
});
export type Discovery = z.infer<typeof DiscoverySchema>;

export type DiscoveryResult = { ok: true; doc: Discovery; raw: string; url: string } | { ok: false; response: HttpResponse | null; error: unknown; url: string };

/** Tokens the sign-in probe hands to the Graph probe. Memory only, gone when the run ends. */
export interface SignedInSession {
  accessToken: string;
  username: string;
  name: string | null;
}

export interface ProbeContext {
  target: CheckTarget;
  endpoints: Endpoints;
  http: HttpClient;
  clock: Clock;
  signal: AbortSignal;
  /** Per-request timeout. */
  requestTimeoutMs: number;
  /** How to wait out Microsoft Graph's Retry-After (default: a timer ended by `signal`); tests pass their own. */
  wait?: Wait;
  /** The client secret value, or null when none is available. Never logged. */
  secret: string | null;
  /** Why the secret is missing, in words fit for the result (e.g. the CLI's "pass --secret-stdin"). */
  secretMissingReason: string;
  signIn: SignInDriver | null;
  /** The CLI's system-browser sign-in as a public client, used when there is no sign-in driver. */
  publicSignIn?: PublicSignIn | null;
  /** Why there is no sign-in driver (e.g. "--sign-in none"). */
  signInMissingReason: string;
  /** Fetched once per run, shared by every probe. */
  discovery(): Promise<DiscoveryResult>;
  /** Handed from one probe to the next within a run (probes get copies of the context, not this object). */
  shared: { session: SignedInSession | null };
}

/** An outcome a probe returns; the runner adds id, timing and fingerprint. */
export interface ProbeOutcome {
  status: 'passed' | 'warning' | 'failed';
  summary: string;
  error?: EntraErrorRef | null;
  fix?: string[];
  tested: string;
  facts?: { label: string; value: string }[];
}

export const authorityUrl = (ctx: ProbeContext): string => `${ctx.endpoints.authorityHost}/${encodeURIComponent(ctx.target.tenantId)}`;

export const discoveryUrl = (ctx: Pick<ProbeContext, 'endpoints' | 'target'>): string =>
  `${ctx.endpoints.authorityHost}/${encodeURIComponent(ctx.target.tenantId)}/v2.0/.well-known/openid-configuration`;

/** Memoise the discovery request for one run. */
export function discoveryOnce(ctx: Pick<ProbeContext, 'endpoints' | 'target' | 'http' | 'signal' | 'requestTimeoutMs'>): () => Promise<DiscoveryResult> {
  let pending: Promise<DiscoveryResult> | undefined;
  return () =>
    (pending ??= (async (): Promise<DiscoveryResult> => {
      const url = discoveryUrl(ctx);
      let response: HttpResponse;
      try {
        response = await ctx.http.request(url, { signal: ctx.signal, timeoutMs: ctx.requestTimeoutMs });
      } catch (error) {
        return { ok: false, response: null, error, url };
      }
      if (response.status !== 200) return { ok: false, response, error: null, url };
      try {
        return { ok: true, doc: DiscoverySchema.parse(JSON.parse(response.body)), raw: response.body, url };
      } catch (error) {
        return { ok: false, response, error, url };
      }
    })());
}
