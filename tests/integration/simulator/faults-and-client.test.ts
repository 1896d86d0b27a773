import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpClient, HttpRequestError } from '../../../electron/services/http';
import { caPaths } from '../../../electron/simulator';
import { clientCredentials, dataDir, expectEntraError, startSim, type Sim } from './sim-kit';

const sims: Sim[] = [];
async function start(...args: Parameters<typeof startSim>): Promise<Sim> {
  const s = await startSim(...args);
  sims.push(s);
  return s;
}
afterAll(() => Promise.all(sims.map((s) => s.close())));

const discovery = (sim: Sim) => `${sim.tenantUrl}/v2.0/.well-known/openid-configuration`;

describe('network faults', () => {
  it('adds the configured latency to every response', async () => {
    const sim = await start('healthy', { latencyMs: 300 });
    const t = Date.now();
    expect((await sim.http.request(discovery(sim))).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
  });

  it('answers a failed endpoint with the chosen 5xx in Entra\'s error format, other endpoints untouched', async () => {
    const sim = await start('healthy', { faults: { fail: [{ path: 'token', status: 503 }] } });
    const res = await clientCredentials(sim);
    expectEntraError(res, 503, 'temporarily_unavailable', 50000);
    expect(res.headers['retry-after']).toBe('5');
    expect((await sim.http.request(discovery(sim))).status).toBe(200);
  });

  it('answers a failed Graph path with Graph\'s error body', async () => {
    const sim = await start('healthy', { faults: { fail: [{ path: '/v1.0/**', status: 500 }] } });
    const res = await sim.http.request(`${sim.graphHost}/v1.0/me`);
    expect(res.status).toBe(500);
    expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('generalException');
  });

  it('never answers a stalled path, so the client times out, and close() still ends cleanly', async () => {
    const sim = await startSim('healthy', { faults: { stall: ['/*/v2.0/.well-known/openid-configuration'] } });
    const err = await sim.http.request(discovery(sim), { timeoutMs: 400 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpRequestError);
    expect((err as HttpRequestError).kind).toBe('timeout');
    // A request still hanging when the simulator closes must not keep close() waiting.
    const hanging = sim.http.request(discovery(sim), { timeoutMs: 10_000 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const t = Date.now();
    await sim.close();
    expect(Date.now() - t).toBeLessThan(1000);
    expect(await hanging).toBeInstanceOf(HttpRequestError);
  });

  it('sends malformed JSON from a malformed path', async () => {
    const sim = await start('healthy', { faults: { malformed: ['token'] } });
    const res = await clientCredentials(sim);
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.body)).toThrow();
  });

  it('serves a certificate the client does not trust when asked', async () => {
    const sim = await start('healthy', { faults: { untrustedCert: true } });
    const err = await sim.http.request(discovery(sim)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpRequestError);
    expect((err as HttpRequestError).kind).toBe('tls');
  });

  it('honours an AbortSignal', async () => {
    const sim = await start('healthy', { latencyMs: 2000 });
    const controller = new AbortController();
    const pending = sim.http.request(discovery(sim), { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    expect(((await pending) as HttpRequestError).kind).toBe('aborted');
  });
});

describe('CA and trust', () => {
  it('makes the CA once, keeps its key at mode 0600, and reuses it on the next start', async () => {
    const a = await start('healthy');
    const b = await start('healthy');
    expect(b.caPem).toBe(a.caPem);
    expect(a.caCertPath).toBe(caPaths(dataDir).certPath);
    expect(fs.readFileSync(a.caCertPath, 'utf8')).toBe(a.caPem);
    if (process.platform !== 'win32') expect(fs.statSync(caPaths(dataDir).keyPath).mode & 0o777).toBe(0o600);
  });

  it('trusts the practice CA only for the pinned host:port, not for other hosts', async () => {
    const sim = await start('healthy');
    const other = createHttpClient({ pinnedCas: [{ caPem: sim.caPem, hosts: ['127.0.0.1:1'] }] });
    const err = await other.request(discovery(sim)).catch((e: unknown) => e);
    expect((err as HttpRequestError).kind).toBe('tls');
    const unpinned = createHttpClient();
    expect(((await unpinned.request(discovery(sim)).catch((e: unknown) => e)) as HttpRequestError).kind).toBe('tls');
  });

  it('reaches the simulator through an explicit HTTP CONNECT proxy with TLS end to end', async () => {
    const sim = await start('healthy');
    const tunnels: string[] = [];
    const proxy = http.createServer();
    const open = new Set<net.Socket>();
    proxy.on('connect', (req, client: net.Socket, head) => {
      tunnels.push(req.url ?? '');
      open.add(client);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      open.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const port = (proxy.address() as net.AddressInfo).port;
      const client = createHttpClient({ pinnedCas: [{ caPem: sim.caPem, hosts: [`127.0.0.1:${sim.port}`] }], proxy: { url: `http://127.0.0.1:${port}`, bypassLoopback: false } });
      expect((await client.request(discovery(sim))).status).toBe(200);
      expect(tunnels).toEqual([`127.0.0.1:${sim.port}`]);
      const bypass = createHttpClient({ pinnedCas: [{ caPem: sim.caPem, hosts: [`127.0.0.1:${sim.port}`] }], proxy: { url: `http://127.0.0.1:${port}` } });
      expect((await bypass.request(discovery(sim))).status).toBe(200);
      expect(tunnels).toHaveLength(1);
    } finally {
      for (const socket of open) socket.destroy();
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });
});
