/**
 * The support summary (docs/ARCHITECTURE.md, "Secrets"): one plain text a support person attaches to a ticket, with
 * the app version, the OS, the selected profile (the secret only as its hint and where it is kept),
 * the last check results with their codes and IDs, and the recent log lines. The whole text passes
 * through the one redaction function at the very end, so nothing added later can skip it.
 * Plain Node, no Electron.
 */
import os from 'node:os';
import { probeFingerprint, fingerprintInput, type CheckRun } from '../../shared/check';
import { checkWords, entraValues, integrationTarget } from '../../shared/targets/registry';
import { cloudLabel } from '../../shared/clouds';
import type { SecretStorageStatus } from '../../shared/ipc-profiles';
import type { SupportSummary } from '../../shared/ipc-support';
import type { ProfileView } from '../../shared/profile';
import type { Clock } from './ports';
import { redact } from './redact';

/** Everything the summary says, gathered before it is written. */
export interface SupportFacts {
  generatedAt: Date;
  version: string;
  platform: string;
  osRelease: string;
  arch: string;
  runtime: string;
  secretStorage: SecretStorageStatus | null;
  /** The profile asked for: undefined when none was asked for, null when it no longer exists. */
  profile: ProfileView | null | undefined;
  lastRun: CheckRun | null;
  logLines: readonly string[];
}

export interface SupportSummaryPorts {
  version: string;
  platform: string;
  clock: Clock;
  /** The profile as the renderer sees it (secret as hint only), or undefined when there is none with that id. */
  getProfile(id: string): ProfileView | undefined;
  /** The profile's last check run, or null. */
  lastRun(id: string): CheckRun | null;
  secretStorage(): Promise<SecretStorageStatus>;
  /** Recent log lines, oldest first (already redacted once on the way in). */
  recentLog(): readonly string[];
  /** Injected for tests; os.release() and process.arch otherwise. */
  osRelease?: () => string;
  arch?: string;
}

const STORAGE_WORDS: Record<ProfileView['secret']['storage'], string> = {
  encrypted: 'encrypted by the OS on this computer',
  session: 'kept in memory for this session only',
  none: 'none stored',
};

function runtimeOf(): string {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return [v.electron ? `Electron ${v.electron}` : null, v.chrome ? `Chromium ${v.chrome}` : null, `Node ${v.node}`].filter(Boolean).join(', ');
}

function codeText(code: number | string): string {
  return typeof code === 'number' ? `AADSTS${code}` : code;
}

function profileSection(p: ProfileView): string[] {
  const s = p.secret;
  const secret =
    s.storage === 'none' || !s.hint
      ? 'Client secret hint: none stored'
      : `Client secret hint: ${s.hint}… (${s.length ?? '?'} characters, ${STORAGE_WORDS[s.storage]}${s.present ? '' : ', not readable now'}${s.updatedAt ? `, set ${s.updatedAt}` : ''})`;
  const target = integrationTarget(p);
  const e = entraValues(p);
  return [
    `Name: ${p.name}`,
    `Cloud: ${cloudLabel(p.cloud)}`,
    ...(p.practiceScenario ? [`Practice scenario: ${p.practiceScenario}`] : []),
    `Directory (tenant) ID: ${p.tenantId}`,
    `Target: ${target.label}`,
    ...(e.samlAppId !== null ? [`SAML-OpenID application (client) ID: ${e.samlAppId}`] : []),
    `${target.nouns.appLabel.replace(/^./, (c) => c.toUpperCase())} (client) ID: ${e.clientId}`,
    ...e.redirectUris.map((uri) => `${target.form.redirectUriLabel}: ${uri}`),
    `Allowed email domains: ${e.allowedDomains.length > 0 ? e.allowedDomains.join(', ') : '(none)'}`,
    secret,
    `Secret expires: ${p.secretExpiresAt ?? 'not recorded'}`,
    `Profile created ${p.createdAt}, last changed ${p.updatedAt}`,
  ];
}

function checkSection(run: CheckRun, profile: ProfileView): string[] {
  const input = fingerprintInput({ ...profile, secretUpdatedAt: profile.secret.updatedAt });
  const lines = [`Started ${run.startedAt}${run.finishedAt ? `, finished ${run.finishedAt}` : ', not finished'}; outcome: ${run.outcome ?? 'none (interrupted)'}`];
  for (const r of run.results) {
    const stale = r.fingerprint !== probeFingerprint(r.id, input);
    // Status first: "Client secret: FAILED" would read to redact() as a secret field and lose its status.
    lines.push(`- [${r.status.toUpperCase()}] ${checkWords(profile, r.id).title}${r.durationMs === null ? '' : ` (${r.durationMs} ms)`}${stale ? ' [settings changed since]' : ''}`);
    lines.push(`    ${r.summary}`);
    if (r.error) {
      lines.push(`    Error code: ${codeText(r.error.code)}`);
      lines.push(`    Trace ID: ${r.error.traceId ?? '-'}`);
      lines.push(`    Correlation ID: ${r.error.correlationId ?? '-'}`);
      lines.push(`    Timestamp: ${r.error.timestamp ?? '-'}`);
      if (r.error.message) lines.push(`    Message: ${r.error.message}`);
    }
  }
  return lines;
}

/** The summary's text before redaction (exported for tests of its layout; use supportSummary()). */
export function composeSupportSummary(f: SupportFacts): string {
  const out: string[] = ['Federation Desk support summary', `Generated: ${f.generatedAt.toISOString()}`, ''];
  out.push('== Application ==');
  out.push(`Federation Desk version: ${f.version}`);
  out.push(`Operating system: ${f.platform} ${f.osRelease} (${f.arch})`);
  out.push(`Runtime: ${f.runtime}`);
  if (f.secretStorage) out.push(`Secret storage: ${f.secretStorage.persistent ? 'encrypted by the OS' : 'session only (no OS encryption)'} (${f.secretStorage.backend})`);
  out.push('');
  out.push('== Profile ==');
  if (f.profile === undefined) out.push('No profile selected.');
  else if (f.profile === null) out.push('The selected profile no longer exists.');
  else out.push(...profileSection(f.profile));
  out.push('');
  out.push('== Last check ==');
  if (!f.profile) out.push('No profile, so no check results.');
  else if (!f.lastRun) out.push('Check compatibility has not run for this profile.');
  else out.push(...checkSection(f.lastRun, f.profile));
  out.push('');
  out.push(`== Recent log (${f.logLines.length} line${f.logLines.length === 1 ? '' : 's'}) ==`);
  if (f.logLines.length === 0) out.push('(nothing logged since Federation Desk started)');
  else out.push(...f.logLines);
  return `${out.join('\n')}\n`;
}

function fileNameFor(d: Date): string {
  const iso = d.toISOString();
  return `federation-desk-support-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 16).replace(':', '')}.txt`;
}

export class SupportSummaryService {
  constructor(private readonly ports: SupportSummaryPorts) {}

  /** `support:summary`: the redacted text and a file name to save it under. Never throws for a missing profile. */
  async summary(profileId: string | null): Promise<SupportSummary> {
    const p = this.ports;
    const generatedAt = p.clock.now();
    const profile = profileId === null ? undefined : (p.getProfile(profileId) ?? null);
    let lastRun: CheckRun | null = null;
    if (profile) {
      try {
        lastRun = p.lastRun(profile.id);
      } catch {
        lastRun = null;
      }
    }
    const secretStorage = await p.secretStorage().catch(() => null);
    const text = composeSupportSummary({
      generatedAt,
      version: p.version,
      platform: p.platform,
      osRelease: p.osRelease ? p.osRelease() : os.release(),
      arch: p.arch ?? process.arch,
      runtime: runtimeOf(),
      secretStorage,
      profile,
      lastRun,
      logLines: p.recentLog(),
    });
    // The one redaction, over the whole text: profile fields, check messages and log lines alike.
    return { text: redact(text), fileName: fileNameFor(generatedAt) };
  }
}
