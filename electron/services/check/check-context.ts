/**
 * Builds a run's ProbeContext from a configuration, the endpoints and network settings: the one place
 * the app's check service and the CLI's `check` command both use, so they test the same way.
 */
import type { CloudId } from '../../../shared/clouds';
import { createHttpClient, type HttpClient, type PinnedCa, type ProxyConfig } from '../http';
import type { Clock } from '../ports';
import { cloudEndpoints, discoveryOnce, type CheckTarget, type Endpoints, type ProbeContext } from './probe-context';
import type { PublicSignIn } from './public-sign-in';
import type { SignInDriver } from './sign-in-driver';

export interface NetworkSettings {
  /** Explicit proxy; null for none (or for the system proxy, resolved by the caller). */
  proxy: ProxyConfig | null;
  /** Extra CAs, each trusted for its hosts only (the practice tenant's, a test CA). */
  pinnedCas: PinnedCa[];
  requestTimeoutMs: number;
}

export interface CheckContextInput {
  target: CheckTarget;
  cloud: CloudId;
  /** Overrides for the practice tenant or the CLI's --authority-host / --graph-host. */
  endpoints?: Partial<Endpoints>;
  network: NetworkSettings;
  clock: Clock;
  signal: AbortSignal;
  secret: string | null;
  secretMissingReason: string;
  signIn: SignInDriver | null;
  /** The CLI's `--sign-in browser` (system browser, public client). */
  publicSignIn?: PublicSignIn | null;
  signInMissingReason: string;
  /** Use this client instead of building one (tests). */
  http?: HttpClient;
}

/** The most requests the non-interactive probes send to the authority at once (see createCheckContext). */
const PARALLEL_AUTHORITY_REQUESTS = 4;

export function createCheckContext(input: CheckContextInput): ProbeContext {
  const endpoints = cloudEndpoints(input.cloud, input.endpoints);
  const http = input.http ?? createHttpClient({ pinnedCas: input.network.pinnedCas, proxy: input.network.proxy, timeoutMs: input.network.requestTimeoutMs });
  // The tenant probe's discovery request, then the app and secret probes' requests (two token
  // requests, the SAML app's token request and its metadata) go to the authority at the same time:
  // their connections are opened together, while discovery is under way, not one after the other.
  http.preconnect?.(endpoints.authorityHost, PARALLEL_AUTHORITY_REQUESTS);
  const base = { target: input.target, endpoints, http, signal: input.signal, requestTimeoutMs: input.network.requestTimeoutMs };
  return {
    ...base,
    clock: input.clock,
    secret: input.secret,
    secretMissingReason: input.secretMissingReason,
    signIn: input.signIn,
    publicSignIn: input.publicSignIn ?? null,
    signInMissingReason: input.signInMissingReason,
    discovery: discoveryOnce(base),
    shared: { session: null },
  };
}
