/**
 * Test kit for expiry watch: a temporary data folder with real ProfileService/SecretService over
 * conf and an in-memory vault, a clock the test moves, a scheduler it fires by hand, metadata XML
 * built from real certificates, and a fake HTTP client that answers with it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/app-services';
import { confDocumentFiles } from '../../../electron/services/conf-document-file';
import type { Scheduler } from '../../../electron/services/expiry';
import type { HttpClient, HttpResponse } from '../../../electron/services/http';
import type { Clock } from '../../../electron/services/ports';
import { createSigningCertificate, processRsaKeyPair } from '../../../electron/simulator/certificates';
import { federationMetadataXml } from '../../../electron/simulator/federation-metadata';
import type { ProfileDraft } from '../../../shared/profile';
import { ephemeralKeyVault } from '../../harness/test-vault';

export const DAY = 86_400_000;

/** A clock the test sets and moves. */
export class TestClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * DAY);
  }
}

/** Timers that fire only when the test says so. */
export class ManualScheduler implements Scheduler {
  pending: { fn: () => void; ms: number; id: number }[] = [];
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.push({ fn, ms, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }
  /** Fire every pending timer once. */
  fire(): void {
    const due = this.pending;
    this.pending = [];
    for (const p of due) p.fn();
  }
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** App services in a fresh data folder. */
export function makeServices(clock: Clock): AppServices {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-expiry-'));
  dirs.push(dir);
  return createAppServices({
    dataDir: dir,
    version: '0.1.0',
    platform: 'linux',
    files: confDocumentFiles(dir),
    vault: ephemeralKeyVault(),
    clock,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    openExternal: async () => {},
    emit: () => {},
  });
}

export const TENANT = '5542c6c8-6bff-45d1-9ead-269c6efef1b0';
export const SAML_APP = '0965c37d-a14a-4fc7-b7f2-3e1c0be8436c';
export const API_APP = 'fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9';

export function draft(over: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    name: 'Production',
    cloud: 'global',
    tenantId: TENANT,
    samlAppId: SAML_APP,
    clientId: API_APP,
    webUrl: 'https://octopus.contoso.com/',
    allowedDomains: '',
    secretExpiresAt: '',
    ...over,
  };
}

/** A signing certificate valid from notBefore to notAfter, as base64 DER. */
export async function signingCert(notBefore: Date, notAfter: Date, name = 'CN=Microsoft Azure Federated SSO Certificate'): Promise<{ base64Der: string; sha1Thumbprint: string }> {
  return createSigningCertificate(await processRsaKeyPair('expiry-test'), name, notBefore, notAfter);
}

/** Entra-like metadata XML (UTF-8 BOM first) listing these certificates. */
export function metadataXml(certs: string[]): string {
  return federationMetadataXml('https://login.microsoftonline.com', TENANT, certs);
}

/** An HTTP client that answers every request with `respond(url)`, and counts requests. */
export function fakeHttp(respond: (url: string) => { status: number; body: string } | Error): HttpClient & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    async request(url) {
      urls.push(url);
      const r = respond(url);
      if (r instanceof Error) throw r;
      const res: HttpResponse = { status: r.status, headers: {}, body: r.body, rawBody: Buffer.from(r.body), url };
      return res;
    },
  };
}
