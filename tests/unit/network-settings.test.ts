import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { confDocumentFiles } from '../../electron/services/conf-document-file';
import { SettingsService, parseProxyList } from '../../electron/services/settings-service';
import { DEFAULT_NETWORK_SETTINGS, validateNetworkSettings } from '../../shared/settings';
import { startSimulator } from '../../electron/simulator';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-settings-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('network settings', () => {
  it('reads the system proxy list Chromium resolves', () => {
    expect(parseProxyList('PROXY proxy.contoso.com:8080; DIRECT')).toEqual({ url: 'http://proxy.contoso.com:8080' });
    expect(parseProxyList('DIRECT')).toBeNull();
    expect(parseProxyList('SOCKS5 socks:1080; DIRECT')).toBeNull();
  });

  it('refuses a manual proxy without host, with credentials (they would be stored in clear), or with a path', () => {
    const manual = (proxyUrl: string) => validateNetworkSettings({ ...DEFAULT_NETWORK_SETTINGS, proxyMode: 'manual', proxyUrl });
    expect(manual('')[0]?.message).toContain('http://proxy.contoso.com:8080');
    expect(manual('https://proxy:8443')[0]?.field).toBe('proxyUrl');
    expect(manual('http://user:pw@proxy:8080')[0]?.message).toContain('stored in clear');
    expect(manual('http://proxy:8080/pac')[0]?.message).toContain('no path');
    expect(manual('http://proxy.contoso.com:8080')).toEqual([]);
  });

  it('accepts a CA file only when it holds readable certificates, and pins it to the cloud’s Entra and Graph hosts', async () => {
    const settings = new SettingsService(confDocumentFiles(dir), quiet);
    const missing = path.join(dir, 'nope.pem');
    expect(() => settings.setNetwork({ ...DEFAULT_NETWORK_SETTINGS, caFile: missing })).toThrow(/does not exist/);
    const notPem = path.join(dir, 'bad.pem');
    fs.writeFileSync(notPem, 'hello');
    expect(() => settings.setNetwork({ ...DEFAULT_NETWORK_SETTINGS, caFile: notPem })).toThrow(/no PEM certificate/);
    // A real CA: the practice tenant's.
    const sim = await startSimulator({ scenario: 'healthy', dataDir: dir });
    await sim.close();
    const saved = settings.setNetwork({ ...DEFAULT_NETWORK_SETTINGS, proxyMode: 'none', caFile: ` ${sim.caCertPath} ` });
    expect(saved.caFile).toBe(sim.caCertPath);
    const [pinned] = settings.extraCas('usgov');
    expect(pinned?.hosts).toEqual(['login.microsoftonline.us:443', 'graph.microsoft.us:443']);
    expect(pinned?.caPem).toContain(sim.caPem.trim().split('\n')[1]);
    expect(settings.extraCas('practice')).toEqual([]);
    expect(new SettingsService(confDocumentFiles(dir), quiet).network()).toEqual(saved);
  });
});

describe('appearance settings', () => {
  it('follows the system until a theme is chosen, keeps the choice next to the network settings, and ignores a damaged value', () => {
    const own = fs.mkdtempSync(path.join(dir, 'appearance-'));
    const settings = new SettingsService(confDocumentFiles(own), quiet);
    expect(settings.appearance()).toEqual({ theme: 'system' });
    settings.setNetwork({ ...DEFAULT_NETWORK_SETTINGS, proxyMode: 'none' });
    expect(settings.setAppearance({ theme: 'dark' })).toEqual({ theme: 'dark' });
    const again = new SettingsService(confDocumentFiles(own), quiet);
    expect(again.appearance()).toEqual({ theme: 'dark' });
    expect(again.network().proxyMode).toBe('none');
    expect(() => again.setAppearance({ theme: 'sepia' as 'dark' })).toThrow();
    expect(again.appearance()).toEqual({ theme: 'dark' });
  });
});
