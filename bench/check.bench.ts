/**
 * Benchmark (docs/ARCHITECTURE.md, "Check compatibility": independent probes run concurrently): the
 * wall time of the non-interactive probes (tenant, saml-app, api-app, secret) against the practice
 * tenant with a 150 ms round trip, which the practice tenant charges on connection set-up too (TCP's
 * handshake and TLS 1.3's, one round trip each) as a real link does, over the floor of what the probes
 * need. Target 1.2 or less: connections are kept alive and opened together, independent probes
 * overlap, and the discovery document is fetched once.
 *
 * The floor, from what the probes send, each run on a new client (a new check run has cold connections):
 *   1-2. TCP and TLS set-up of the connections to the authority (opened together)
 *   3.   GET  {tenant}/v2.0/.well-known/openid-configuration   (discovery, shared by every probe)
 *   4.   POST {tenant}/oauth2/v2.0/token, at the same time: api-app (client_credentials without a
 *        secret), saml-app's twin, secret (MSAL with authorityMetadata sends only the token request),
 *        and the SAML metadata GET beside them
 * = 4 × 150 ms = 600 ms. The recorded requests are checked against this plan (count per endpoint, and
 * the deepest run of requests each starting after the previous one ended), so the floor stays honest.
 *
 * Run alone with `npx tsx bench/check.bench.ts`; `npm run bench` runs it with the others.
 */
import { checkTargetOf } from '../electron/services/check/probe-context';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS, fingerprintInput, type CheckId } from '../shared/check';
import { createCheckContext } from '../electron/services/check/check-context';
import { runProbes } from '../electron/services/check/runner';
import { createHttpClient, type HttpClient } from '../electron/services/http';
import { startSimulator } from '../electron/simulator';

const LATENCY_MS = 150;
const SETUP = ['TCP', 'TLS'];
const CHAIN = ['discovery', 'token requests in parallel'];
const ONLY: CheckId[] = CHECKS.filter((c) => !c.interactive).map((c) => c.id);
const RUNS = 7;

interface Recorded {
  what: string;
  start: number;
  end: number;
}

function endpointOf(url: string): string {
  const p = new URL(url).pathname;
  if (p.endsWith('/openid-configuration')) return 'discovery';
  if (p.endsWith('/oauth2/v2.0/token')) return 'token';
  if (p.endsWith('/federationmetadata.xml')) return 'metadata';
  return p;
}

/** The most requests in a row where each starts after the previous one ended (measured dependency depth). */
function measuredDepth(requests: Recorded[]): number {
  const sorted = [...requests].sort((a, b) => a.end - b.end);
  const depth = new Map<Recorded, number>();
  for (const r of sorted) depth.set(r, 1 + Math.max(0, ...sorted.filter((p) => p.end <= r.start).map((p) => depth.get(p) ?? 0)));
  return Math.max(0, ...depth.values());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run(): Promise<{ name: string; ratio: number; target: number; detail: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-bench-check-'));
  const sim = await startSimulator({ scenario: 'healthy', dataDir, latencyMs: LATENCY_MS });
  try {
    let log: Recorded[] = [];
    const client = (): HttpClient => {
      const base = createHttpClient({ pinnedCas: [{ caPem: sim.caPem, hosts: [new URL(sim.authorityHost).host] }], timeoutMs: 10_000 });
      return {
        preconnect: (origin, count) => base.preconnect?.(origin, count),
        async request(url, options) {
          const start = performance.now();
          try {
            return await base.request(url, options);
          } finally {
            log.push({ what: endpointOf(url), start, end: performance.now() });
          }
        },
      };
    };
    const fields = { cloud: 'practice', tenantId: sim.profile.tenantId, samlAppId: sim.profile.samlAppId, clientId: sim.profile.apiAppId, name: '', webUrl: sim.profile.webUrl, secretExpiresAt: null, target: 'octopus', allowedDomains: [] as string[] } as const;
    const target = checkTargetOf(fields, { hint: null, expiresAt: null });
    const clock = { now: () => new Date() };
    const once = async () => {
      log = [];
      const ctx = createCheckContext({
        target,
        cloud: 'practice',
        endpoints: { authorityHost: sim.authorityHost, graphHost: sim.graphHost },
        network: { proxy: null, pinnedCas: [], requestTimeoutMs: 10_000 },
        clock,
        signal: new AbortController().signal,
        secret: sim.profile.secret,
        secretMissingReason: '',
        signIn: null,
        signInMissingReason: 'not part of the benchmark',
        http: client(),
      });
      const start = performance.now();
      const results = await runProbes({ ctx, fingerprintInput: fingerprintInput({ ...fields, allowedDomains: [], secretUpdatedAt: null }), clock, probeTimeoutMs: 30_000, interactiveTimeoutMs: 30_000, only: ONLY });
      const wall = performance.now() - start;
      const bad = results.filter((r) => ONLY.includes(r.id) && r.status !== 'passed');
      if (bad.length > 0) throw new Error(`The benchmark expects the healthy scenario to pass: ${bad.map((r) => `${r.id}: ${r.summary}`).join('; ')}`);
      return { wall, requests: [...log] };
    };
    await once(); // warm-up: module loading, JIT, the first TLS contexts
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once());
    const wall = median(runs.map((r) => r.wall));
    const last = runs[runs.length - 1]?.requests ?? [];
    const counts = Object.entries(last.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.what]: (acc[r.what] ?? 0) + 1 }), {}))
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    const depth = measuredDepth(last);
    const ideal = (SETUP.length + CHAIN.length) * LATENCY_MS;
    return {
      name: 'check: non-interactive probes at 150 ms latency',
      ratio: Math.round((wall / ideal) * 100) / 100,
      target: 1.2,
      detail: `median wall ${Math.round(wall)} ms of ${RUNS} runs, new connections each / floor ${SETUP.length + CHAIN.length} × ${LATENCY_MS} ms = ${ideal} ms (${[...SETUP, ...CHAIN].join(' → ')}); requests per run: ${counts}; measured request depth ${depth}${depth !== CHAIN.length ? ' (differs from the planned chain: check the probes)' : ''}`,
    };
  } finally {
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await run();
  console.log(`${r.name}: ratio ${r.ratio} (target ≤ ${r.target}); ${r.detail}`);
}
