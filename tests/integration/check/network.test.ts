/**
 * Check compatibility when the network misbehaves: cancel mid-run, an endpoint that never answers,
 * server errors and broken JSON, an explicit CONNECT proxy, and the CA pinning of the practice tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../shared/check';
import type { RunningSimulator } from '../../../electron/simulator';
import { runCheck, startConnectProxy, startSim } from './check-kit';

describe('a check run that is cancelled or stalls', () => {
  let slow: RunningSimulator;
  let stalled: RunningSimulator;
  beforeAll(async () => {
    [slow, stalled] = await Promise.all([startSim('healthy', { latencyMs: 200 }), startSim('healthy', { faults: { stall: ['token'] } })]);
  });
  afterAll(async () => {
    await Promise.all([slow.close(), stalled.close()]);
  });

  it('ends every unfinished probe as cancelled when the run is aborted in the middle', async () => {
    const controller = new AbortController();
    const results = await runCheck(slow, {
      signal: controller.signal,
      // Abort while the app probes wait for their token-endpoint answer (200 ms of latency).
      onProgress: (rs) => {
        const api = rs.find((r) => r.id === 'api-app');
        if (api?.status === 'running' && api.summary === 'Running…') setTimeout(() => controller.abort(), 50);
      },
    });
    expect(results.tenant.status).toBe('passed');
    for (const id of CHECK_IDS.filter((x) => x !== 'tenant')) {
      expect(results[id].status, id).not.toBe('passed');
      expect(results[id].summary, id).toMatch(/cancel/i);
    }
    expect(results['api-app']).toMatchObject({ status: 'failed', summary: 'Cancelled.' });
    // The secret probe needs only the discovery document, so it was running beside the API-app probe.
    expect(results.secret).toMatchObject({ status: 'failed', summary: 'Cancelled.' });
    expect(results['sign-in']).toMatchObject({ status: 'skipped', summary: 'Cancelled before it started.' });
  });

  it('fails a probe whose request never gets an answer with the request timeout, and skips what depends on it', async () => {
    const results = await runCheck(stalled, { requestTimeoutMs: 800 });
    expect(results.tenant.status).toBe('passed');
    expect(results['api-app'].status).toBe('failed');
    expect(results['api-app'].summary).toBe(`The API application could not be verified: no answer from ${new URL(stalled.authorityHost).host} within 1 s.`);
    expect(results['api-app'].fix.join(' ')).toMatch(/network connection and any proxy/);
    expect(results.secret.summary).toBe('Skipped: "API application" failed.');
  });

  it('fails a probe that outlives its own timeout with a message naming that timeout', async () => {
    const results = await runCheck(stalled, { requestTimeoutMs: 30_000, probeTimeoutMs: 1000 });
    for (const id of ['saml-app', 'api-app'] as const) {
      expect(results[id]).toMatchObject({ status: 'failed', summary: 'Timed out after 1 s without an answer from Entra.' });
      expect(results[id].fix.length).toBeGreaterThan(0);
    }
  });
});

describe('a check run against a misbehaving server', () => {
  it('explains a 5xx from the token endpoint as a server error with Entra’s code, not as a configuration problem', async () => {
    const sim = await startSim('healthy', { faults: { fail: [{ path: 'token', status: 503 }] } });
    try {
      const results = await runCheck(sim);
      expect(results.tenant.status).toBe('passed');
      expect(results['api-app'].status).toBe('failed');
      expect(results['api-app'].summary).toMatch(/^The API application could not be verified: AADSTS\d+/);
      expect(results['api-app'].error?.traceId).toBeTruthy();
      expect(results.secret.status).toBe('skipped');
    } finally {
      await sim.close();
    }
  });

  it('explains a 5xx without an Entra body from the metadata endpoint as a server error', async () => {
    const sim = await startSim('healthy', { faults: { fail: [{ path: 'metadata', status: 502 }] } });
    try {
      const results = await runCheck(sim, { signIn: false, only: ['tenant', 'saml-app', 'api-app', 'secret'] });
      expect(results['saml-app'].status).toBe('failed');
      expect(results['saml-app'].summary).toMatch(/SAML federation metadata could not be fetched/);
      expect(results['api-app'].status).toBe('passed');
    } finally {
      await sim.close();
    }
  });

  it('fails the tenant probe clearly when the discovery document is malformed JSON', async () => {
    const sim = await startSim('healthy', { faults: { malformed: ['discovery'] } });
    try {
      const results = await runCheck(sim);
      expect(results.tenant).toMatchObject({ status: 'failed', summary: 'The discovery document is not valid OpenID Connect metadata.' });
      expect(results.tenant.fix.length).toBeGreaterThan(0);
      for (const id of ['saml-app', 'api-app'] as const) expect(results[id].summary).toBe('Skipped: "Directory (tenant)" failed.');
    } finally {
      await sim.close();
    }
  });

  it('fails the graph-me probe clearly when /me answers malformed JSON', async () => {
    const sim = await startSim('healthy', { faults: { malformed: ['me'] } });
    try {
      const results = await runCheck(sim);
      expect(results['sign-in'].status).toBe('passed');
      expect(results['graph-me'].status).toBe('failed');
      expect(results['graph-me'].summary).toMatch(/unreadable JSON|unexpected answer/);
    } finally {
      await sim.close();
    }
  });
});

describe('network settings of a check run', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSim('healthy');
  });
  afterAll(async () => {
    await sim.close();
  });

  it('sends every request of a full run through an explicit CONNECT proxy, TLS end to end', async () => {
    const proxy = await startConnectProxy();
    try {
      const results = await runCheck(sim, { proxy: { url: proxy.url, bypassLoopback: false } });
      expect(CHECK_IDS.map((id) => results[id].status)).toEqual(CHECK_IDS.map(() => 'passed'));
      // discovery, 2 app probes, metadata, secret, authorize + sign-in post, code redemption, keys, /me
      expect(proxy.tunnels.length).toBeGreaterThanOrEqual(9);
      expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(sim.authorityHost).host]));
    } finally {
      await proxy.close();
    }
  });

  it('explains a proxy that refuses the tunnel', async () => {
    const proxy = await startConnectProxy({ refuse: 403 });
    try {
      const results = await runCheck(sim, { proxy: { url: proxy.url, bypassLoopback: false } });
      expect(results.tenant.status).toBe('failed');
      expect(results.tenant.summary).toMatch(/proxy refused or failed the connection/);
      expect(results.tenant.summary).toMatch(/HTTP 403/);
      expect(results.tenant.fix.join(' ')).toMatch(/proxy URL/);
      expect(proxy.tunnels).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('goes direct to the loopback practice tenant when the proxy is not told otherwise', async () => {
    const proxy = await startConnectProxy({ refuse: 403 });
    try {
      const results = await runCheck(sim, { proxy: { url: proxy.url }, signIn: false, only: ['tenant'] });
      expect(results.tenant.status).toBe('passed');
      expect(proxy.tunnels).toHaveLength(0);
    } finally {
      await proxy.close();
    }
  });

  it('refuses the simulator’s certificate when its CA is not pinned, and says how to trust it', async () => {
    const results = await runCheck(sim, { pinCa: false });
    expect(results.tenant.status).toBe('failed');
    expect(results.tenant.summary).toMatch(/TLS certificate of 127\.0\.0\.1:\d+ is not trusted/);
    expect(results.tenant.fix.join(' ')).toMatch(/--ca-file/);
    expect(results.secret.status).toBe('skipped');
  });

  it('refuses a server certificate from another CA even for the pinned host', async () => {
    const untrusted = await startSim('healthy', { faults: { untrustedCert: true } });
    try {
      const results = await runCheck(untrusted);
      expect(results.tenant.status).toBe('failed');
      expect(results.tenant.summary).toMatch(/is not trusted/);
    } finally {
      await untrusted.close();
    }
  });
});
