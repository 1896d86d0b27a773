/**
 * The Entra simulator ("Practice tenant"): a loopback HTTPS server that answers like Microsoft
 * Entra ID and Microsoft Graph for one scenario. Product feature (demos, training, "what does this
 * misconfiguration look like") and the fixture every integration test uses.
 */
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCertificateAuthority, createSigningCertificate, issueServerCertificate, processRsaKeyPair, loadOrCreateCertificateAuthority } from './certificates';
import { SimulatorState, type SamlCertificate, type SimulatorContext } from './context';
import { Directory } from './directory';
import { compileFaults, type FaultOptions } from './faults';
import { createRequestHandler } from './router';
import type { Scenario } from './scenario-schema';
import { loadScenario, parseScenario, signInUserOf } from './scenarios';
import { createTokenSigner } from './token-signer';

export { listBuiltInScenarios, BUILT_IN_SCENARIO_NAMES, ScenarioError, loadScenario, parseScenario, isBuiltInScenario } from './scenarios';
export type { Scenario } from './scenario-schema';
export { parseFailSpec, FAULT_ENDPOINT_NAMES, type FaultOptions } from './faults';
export { caPaths } from './certificates';

export interface SimulatorClock {
  now(): Date;
}

export interface SimulatorOptions {
  /** A built-in scenario name, a path to a scenario .json file, or a scenario document. */
  scenario: string | Record<string, unknown>;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only. */
  host?: '127.0.0.1' | 'localhost' | '::1';
  /** Added to every response. */
  latencyMs?: number;
  faults?: FaultOptions;
  /** Where the simulator's CA lives (made at first start, reused after). */
  dataDir: string;
  /** The simulator's notion of "now" (scenario dates, token times, secret expiry). Real time by default. */
  clock?: SimulatorClock;
  /**
   * The moment the scenario's relative dates ("+335d") count from; the clock's now by default. A
   * practice tenant that stops when idle and starts again passes its first start's moment, so its
   * certificates and secrets keep the dates the user already saw, as a real tenant's would.
   */
  scenarioTime?: Date;
  /** One line per request and per notable event, for a console or log file. */
  log?: (line: string) => void;
  /** Called as each request arrives (the app's practice tenant counts its idle time from the last one). */
  onRequest?: () => void;
}

/** The profile fields a scenario fills in (docs/ARCHITECTURE.md, "Practice tenant"). */
export interface PracticeProfile {
  tenantId: string;
  samlAppId: string;
  apiAppId: string;
  webUrl: string;
  secret: string;
}

export interface RunningSimulator {
  /** e.g. https://127.0.0.1:51234, used as `{authorityHost}/{tenant}`. */
  authorityHost: string;
  /** Microsoft Graph's stand-in: the same server (its /v1.0 paths never collide with Entra's). */
  graphHost: string;
  port: number;
  /** PEM of the CA to trust for this host:port only. */
  caCertPath: string;
  caPem: string;
  /** Scenario name. */
  scenario: string;
  /** The resolved scenario (dates absolute), for tests and pickers. */
  scenarioData: Scenario;
  profile: PracticeProfile;
  /** Each other target's own app registration and settings (scenario `targetProfiles`). */
  targetProfiles: Scenario['targetProfiles'];
  signInUser: { username: string; password: string };
  /** Stop serving: ends stalled and idle connections, resolves when the port is free. */
  close(): Promise<void>;
}

async function resolveScenario(ref: SimulatorOptions['scenario'], now: Date): Promise<Scenario> {
  return typeof ref === 'string' ? loadScenario(ref, now) : parseScenario(ref, 'scenario', now);
}

async function makeSamlCertificates(scenario: Scenario): Promise<Map<string, SamlCertificate[]>> {
  const out = new Map<string, SamlCertificate[]>();
  const apps = scenario.applications.filter((a) => a.samlSigningCertificates.length > 0);
  if (apps.length === 0) return out;
  const keys = await processRsaKeyPair('saml');
  for (const app of apps) {
    const certs: SamlCertificate[] = [];
    for (const c of app.samlSigningCertificates) {
      const made = await createSigningCertificate(keys, c.displayName, new Date(c.notBefore), new Date(c.notAfter));
      certs.push({ base64Der: made.base64Der, sha1Thumbprint: made.sha1Thumbprint, notBefore: c.notBefore, notAfter: c.notAfter, active: c.active, displayName: c.displayName, keyId: randomUUID(), verifyKeyId: randomUUID() });
    }
    out.set(app.appId.toLowerCase(), certs);
  }
  return out;
}

/** Start the practice tenant. Rejects with ScenarioError for a bad scenario, or the listen error. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const clock: SimulatorClock = options.clock ?? { now: () => new Date() };
  const host = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`The practice tenant listens on loopback only, not on ${String(host)}`);
  const scenario = await resolveScenario(options.scenario, options.scenarioTime ?? clock.now());
  const faults = compileFaults(scenario.faults, { ...options.faults, latencyMs: Math.max(options.latencyMs ?? 0, options.faults?.latencyMs ?? 0) });

  // Certificates use real time: TLS clients check validity against their own clock, not ours.
  const realNow = new Date();
  const ca = await loadOrCreateCertificateAuthority(options.dataDir, realNow);
  // An untrusted certificate comes from a throwaway CA that no client was told about.
  const issuer = faults.untrustedCert ? await createCertificateAuthority('Untrusted Practice CA', realNow) : ca;
  const [serverCert, signer, samlCertificates] = await Promise.all([issueServerCertificate(issuer, realNow), createTokenSigner(clock.now()), makeSamlCertificates(scenario)]);

  const closing = new AbortController();
  const ctx: SimulatorContext = {
    scenario,
    dir: new Directory(scenario),
    signer,
    state: new SimulatorState(),
    samlCertificates,
    now: () => clock.now(),
    origins: [],
  };
  const handler = createRequestHandler(ctx, { faults, closing: closing.signal, log: options.log });
  // The latency option is a round trip, and a real link charges it on connection set-up too: one
  // for TCP's handshake (before TLS starts) and one for TLS 1.3's (before the first request is read),
  // so a client that opens a connection per request pays for it, as it would against Entra.
  const setupMs = faults.latencyMs;
  // When each TLS connection's handshake round trip is over: its first request waits until then.
  const readyAt = new WeakMap<import('node:net').Socket, number>();
  const server = https.createServer({ key: serverCert.keyPem, cert: serverCert.certPem }, (req, res) => {
    options.onRequest?.();
    const wait = (readyAt.get(req.socket) ?? 0) - Date.now();
    readyAt.delete(req.socket);
    if (wait <= 0) return handler(req, res);
    void sleep(wait, undefined, { signal: closing.signal }).then(() => handler(req, res), () => res.destroy());
  });
  if (setupMs > 0) server.on('secureConnection', (socket: import('node:tls').TLSSocket) => readyAt.set(socket, Date.now() + setupMs));
  server.on('tlsClientError', (err) => options.log?.(`TLS handshake failed: ${err.message}`));
  // closeAllConnections() only knows sockets that finished the TLS handshake; track raw ones too.
  const sockets = new Set<import('node:net').Socket>();
  const track = (socket: import('node:net').Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  // With latency, a plain TCP listener holds each new connection for the TCP round trip, then hands it to TLS.
  const listener =
    setupMs > 0
      ? net.createServer((socket) => {
          track(socket);
          const timer = setTimeout(() => server.emit('connection', socket), setupMs);
          socket.once('close', () => clearTimeout(timer));
        })
      : server;
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port ?? 0, host, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  const port = (listener.address() as AddressInfo).port;
  const canonicalHost = host === '::1' ? '[::1]' : host;
  ctx.origins.push(`https://${canonicalHost}:${port}`, ...['127.0.0.1', 'localhost', '[::1]'].filter((h) => h !== canonicalHost).map((h) => `https://${h}:${port}`));
  const authorityHost = ctx.origins[0] as string;

  let closed: Promise<void> | undefined;
  return {
    authorityHost,
    graphHost: authorityHost,
    port,
    caCertPath: ca.certPath,
    caPem: ca.certPem,
    scenario: scenario.name,
    scenarioData: scenario,
    profile: { ...scenario.profile },
    targetProfiles: scenario.targetProfiles,
    signInUser: signInUserOf(scenario),
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        if (listener !== server) listener.close();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
