/**
 * Test kit for Check compatibility against the practice tenant: start a scenario in a temporary data
 * folder, and run the real probes through createCheckContext + runProbes with the robot signing in,
 * the simulator's CA pinned for its host:port only, and settings (proxy, timeouts, signal) per test.
 */
import fs from 'node:fs';
import type { TargetId } from '../../../shared/targets/target-ids';
import { checkPlan } from '../../../electron/services/check/target-probes';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fingerprintInput, type CheckId, type CheckResult } from '../../../shared/check';
import { createCheckContext } from '../../../electron/services/check/check-context';
import { checkTargetOf } from '../../../electron/services/check/probe-context';
import { ProfileFieldsSchema } from '../../../shared/profile';
import { robotSignInDriver } from '../../../electron/services/check/robot-sign-in';
import { runProbes } from '../../../electron/services/check/runner';
import { createHttpClient, type PinnedCa, type ProxyConfig } from '../../../electron/services/http';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../electron/simulator';

/** One temporary data folder per test file (the simulator's CA is made once in it). */
export const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-check-'));

export function startSim(scenario: string, options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({ scenario, dataDir, ...options });
}

export const pinnedCaOf = (sim: RunningSimulator): PinnedCa => ({ caPem: sim.caPem, hosts: [new URL(sim.authorityHost).host] });

export interface RunCheckOptions {
  /** Default: the scenario's secret. null: no secret. */
  secret?: string | null;
  /** Default true: the practice tenant's robot signs in as the scenario's user. */
  signIn?: boolean;
  only?: CheckId[];
  signal?: AbortSignal;
  proxy?: ProxyConfig | null;
  /** Default true: trust the simulator's CA for its host:port. */
  pinCa?: boolean;
  requestTimeoutMs?: number;
  probeTimeoutMs?: number;
  onProgress?: (results: CheckResult[]) => void;
  /** Another target than Octopus: its probes, its "not used" ones, and its own settings (the redirect URIs come from them). */
  target?: { id: TargetId; settings: Record<string, unknown>; secretHint?: string | null };
}

/** Run every probe against a running simulator; resolves with the six results in contract order. */
export async function runCheck(sim: RunningSimulator, o: RunCheckOptions = {}): Promise<Record<CheckId, CheckResult>> {
  const pinnedCas = o.pinCa === false ? [] : [pinnedCaOf(sim)];
  const requestTimeoutMs = o.requestTimeoutMs ?? 10_000;
  const client = createHttpClient({ pinnedCas, proxy: o.proxy ?? null, timeoutMs: requestTimeoutMs });
  const fields = ProfileFieldsSchema.parse({
    name: '',
    cloud: 'practice',
    tenantId: sim.profile.tenantId,
    clientId: sim.profile.apiAppId,
    secretExpiresAt: null,
    ...(o.target
      ? { target: o.target.id, allowedDomains: ['contoso.com'], ...o.target.settings }
      : { target: 'octopus', samlAppId: sim.profile.samlAppId, webUrl: sim.profile.webUrl, allowedDomains: [] }),
  });
  const target = checkTargetOf(fields, { hint: o.target ? (o.target.secretHint ?? null) : sim.profile.secret.slice(0, 3), expiresAt: null });
  const secret = o.secret === undefined ? sim.profile.secret : o.secret;
  const clock = { now: () => new Date() };
  const ctx = createCheckContext({
    target,
    cloud: 'practice',
    endpoints: { authorityHost: sim.authorityHost, graphHost: sim.graphHost },
    network: { proxy: o.proxy ?? null, pinnedCas, requestTimeoutMs },
    clock,
    signal: o.signal ?? new AbortController().signal,
    secret,
    secretMissingReason: 'no secret in this test.',
    signIn: o.signIn === false ? null : robotSignInDriver({ http: client, simulatorOrigin: sim.authorityHost, username: sim.signInUser.username, password: sim.signInUser.password }),
    signInMissingReason: 'no sign-in in this test.',
    http: client,
  });
  const results = await runProbes({
    ctx,
    fingerprintInput: fingerprintInput({ ...fields, practiceScenario: sim.scenario, secretUpdatedAt: null }),
    clock,
    probeTimeoutMs: o.probeTimeoutMs ?? 15_000,
    interactiveTimeoutMs: 20_000,
    ...(o.target ? { plan: checkPlan({ target: o.target.id }) } : {}),
    ...(o.only ? { only: o.only } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  return Object.fromEntries(results.map((r) => [r.id, r])) as Record<CheckId, CheckResult>;
}

/** A tiny HTTP CONNECT proxy that counts the tunnels it opens, or refuses them with `refuse`. */
export async function startConnectProxy(options: { refuse?: number } = {}): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = [];
  const open = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    open.add(client);
    client.on('error', () => client.destroy());
    if (options.refuse) {
      client.end(`HTTP/1.1 ${options.refuse} Forbidden by policy\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), host ?? '', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    open.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: async () => {
      for (const s of open) s.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
