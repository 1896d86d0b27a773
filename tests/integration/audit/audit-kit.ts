/**
 * Test kit for the registration audit against the practice tenant: a simulator per scenario in a
 * temporary data folder, and the real runner with the robot signing in to Microsoft Graph as the
 * scenario's user (the simulator's CA pinned for its host:port only).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GRAPH_CLI_CLIENT_ID, type AuditReport } from '../../../shared/audit';
import { driverTokenSource, runAudit, type GraphTokenSource } from '../../../electron/services/audit';
import { robotSignInDriver } from '../../../electron/services/check/robot-sign-in';
import { createHttpClient, type HttpClient } from '../../../electron/services/http';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator';

export const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-audit-'));

export function startSim(scenario: string): Promise<RunningSimulator> {
  return startSimulator({ scenario, dataDir });
}

export function httpFor(sim: RunningSimulator): HttpClient {
  return createHttpClient({ pinnedCas: [{ caPem: sim.caPem, hosts: [new URL(sim.authorityHost).host] }], timeoutMs: 5000 });
}

export function robotSource(sim: RunningSimulator, http: HttpClient, permissions?: readonly string[]): GraphTokenSource {
  return driverTokenSource(robotSignInDriver({ http, simulatorOrigin: sim.authorityHost, ...sim.signInUser }), permissions ? { permissions } : {});
}

/** Audit the scenario's own profile (its secret hint included). */
export async function audit(sim: RunningSimulator, o: { tokenSource?: GraphTokenSource; secretHint?: string | null; signal?: AbortSignal; wait?: (ms: number, signal: AbortSignal) => Promise<void> } = {}): Promise<AuditReport> {
  const http = httpFor(sim);
  const { report } = await runAudit({
    target: {
      cloud: 'practice',
      tenantId: sim.profile.tenantId,
      apiAppId: sim.profile.apiAppId,
      samlAppId: sim.profile.samlAppId,
      webUrl: sim.profile.webUrl,
      secretHint: o.secretHint === undefined ? sim.profile.secret.slice(0, 3) : o.secretHint,
    },
    profile: { id: null, name: null },
    endpoints: { authorityHost: sim.authorityHost, graphHost: sim.graphHost },
    http,
    tokenSource: o.tokenSource ?? robotSource(sim, http),
    clientId: GRAPH_CLI_CLIENT_ID,
    clock: { now: () => new Date() },
    signal: o.signal ?? new AbortController().signal,
    requestTimeoutMs: 5000,
    ...(o.wait ? { wait: o.wait } : {}),
  });
  return report;
}
