/**
 * The system proxy for a URL, as Chromium resolves it (WinINET/PAC on Windows, the OS settings
 * elsewhere): "PROXY host:port; DIRECT" becomes a ProxyConfig, "DIRECT" becomes null.
 */
import { session } from 'electron';
import type { ProxyConfig } from '../services/http';
import { parseProxyList } from '../services/settings-service';

export async function resolveSystemProxy(url: string): Promise<ProxyConfig | null> {
  return parseProxyList(await session.defaultSession.resolveProxy(url));
}
