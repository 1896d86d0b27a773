/**
 * App settings on disk (network: proxy and extra CA, appearance, updates). Validated on the way in
 * and on the way out; a CA file is read and checked to hold certificates before it is accepted.
 *
 * A change is one section read, changed and atomically written back while holding the data folder's
 * lock (data-folder.ts), the one profile and secret writes hold: the app and CLI commands share
 * settings.json, and a writer that read the file before another's write would otherwise write the
 * other's section back as it was. Readers never change the file; a file that cannot be read is moved
 * aside by the next write, never written over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { DeskError } from '../../shared/ipc-core';
import { CLOUDS, type CloudId } from '../../shared/clouds';
import {
  AppearanceSettingsSchema,
  DEFAULT_APPEARANCE_SETTINGS,
  DEFAULT_NETWORK_SETTINGS,
  DEFAULT_UPDATE_SETTINGS,
  NetworkSettingsSchema,
  UpdateSettingsSchema,
  validateNetworkSettings,
  type AppearanceSettings,
  type NetworkSettings,
  type UpdateSettings,
} from '../../shared/settings';
import { DataLock, moveAside, readJsonDocument } from './data-folder';
import type { PinnedCa, ProxyConfig } from './http';
import { systemClock, type Clock, type DocumentFileFactory, type JsonDocumentFile, type Logger } from './ports';

/** Split a PEM bundle into its certificates; throws a DeskError a person can act on. */
export function readCaFile(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DeskError('validation', `The CA file cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : String(error)}. Check the path.`);
  }
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (pems.length === 0) throw new DeskError('validation', 'The CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----). Export the CA as Base-64 encoded X.509.');
  for (const pem of pems) {
    try {
      new X509Certificate(pem);
    } catch {
      throw new DeskError('validation', 'A certificate in the CA file is damaged and cannot be read.');
    }
  }
  return pems;
}

/** The first PROXY entry of a Chromium proxy list, or null for DIRECT (SOCKS is not supported: direct). */
export function parseProxyList(list: string): ProxyConfig | null {
  for (const entry of list.split(';').map((e) => e.trim())) {
    const m = /^(PROXY|HTTP)\s+(\S+)$/i.exec(entry);
    if (m?.[2]) return { url: `http://${m[2]}` };
    if (/^DIRECT$/i.test(entry)) return null;
  }
  return null;
}

export class SettingsService {
  private readonly file: JsonDocumentFile;
  private readonly lock: DataLock;

  constructor(
    files: DocumentFileFactory,
    private readonly logger: Logger,
    private readonly clock: Clock = systemClock,
  ) {
    this.file = files('settings');
    this.lock = DataLock.for(path.dirname(this.file.path));
  }

  network(): NetworkSettings {
    return this.section('network', NetworkSettingsSchema) ?? { ...DEFAULT_NETWORK_SETTINGS };
  }

  appearance(): AppearanceSettings {
    return this.section('appearance', AppearanceSettingsSchema) ?? { ...DEFAULT_APPEARANCE_SETTINGS };
  }

  setAppearance(next: AppearanceSettings): AppearanceSettings {
    const clean = AppearanceSettingsSchema.parse(next);
    this.writeSection('appearance', clean);
    return clean;
  }

  updates(): UpdateSettings {
    return this.section('updates', UpdateSettingsSchema) ?? { ...DEFAULT_UPDATE_SETTINGS };
  }

  setUpdates(next: UpdateSettings): UpdateSettings {
    const clean = UpdateSettingsSchema.parse(next);
    this.writeSection('updates', clean);
    return clean;
  }

  /** One section of the settings file, or null when it is missing or not valid (defaults apply). */
  private section<T>(key: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | null {
    const raw = readJsonDocument(this.file.path);
    if (raw.kind === 'unreadable') this.logger.warn(`The settings file ${this.file.path} could not be read because ${raw.reason}; defaults are used.`);
    if (raw.kind !== 'json') return null;
    const parsed = schema.safeParse((raw.value as Record<string, unknown>)[key]);
    return parsed.success ? parsed.data : null;
  }

  /** Replace one section, keeping the others as they are on disk at that moment. */
  private writeSection(key: string, value: unknown): void {
    this.lock.run(() => {
      const raw = readJsonDocument(this.file.path);
      if (raw.kind === 'unreadable') {
        const target = moveAside(this.file.path, 'corrupt', this.clock.now());
        this.logger.warn(`The settings file could not be read (${raw.reason}); it was moved to ${target} and a new one started.`);
      }
      const doc = raw.kind === 'json' ? (raw.value as Record<string, unknown>) : {};
      this.file.write({ ...doc, [key]: value });
    });
  }

  setNetwork(next: NetworkSettings): NetworkSettings {
    const clean = { ...next, proxyUrl: next.proxyUrl.trim(), noProxy: next.noProxy.trim(), caFile: next.caFile.trim() };
    const issues = validateNetworkSettings(clean);
    if (issues.length > 0) throw new DeskError('validation', issues.map((i) => i.message).join(' '));
    if (clean.caFile) readCaFile(clean.caFile);
    this.writeSection('network', clean);
    return clean;
  }

  /** The manual proxy, or null (system mode is resolved by the platform, none is none). */
  manualProxy(): ProxyConfig | null {
    const n = this.network();
    return n.proxyMode === 'manual' && n.proxyUrl ? { url: n.proxyUrl, noProxy: n.noProxy.split(',').map((s) => s.trim()).filter(Boolean) } : null;
  }

  /**
   * The extra CA for the cloud's login and Graph hosts only, next to the usual public roots (the
   * proxy may inspect some hosts and not others).
   */
  extraCas(cloud: CloudId): PinnedCa[] {
    const file = this.network().caFile;
    if (!file || cloud === 'practice') return [];
    const hosts = [`${CLOUDS[cloud].loginHost}:443`, `${CLOUDS[cloud].graphHost}:443`];
    try {
      return [{ caPem: [...tls.rootCertificates, ...readCaFile(file)].join('\n'), hosts }];
    } catch (error) {
      this.logger.warn(`The extra CA file is ignored: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }
}
