/**
 * What a check or an audit runs against, decided once for the app and the CLI: the profile's
 * fields (a stored profile, or the CLI's field options), and where its requests go — the cloud's
 * hosts, the practice tenant's (started if it is not running, and held until the run releases the
 * environment), or hosts given explicitly (the CLI's --authority-host / --graph-host), with the CAs
 * trusted for them.
 */
import { DeskError } from '../../shared/ipc-core';
import { cloudEndpoints, type Endpoints } from './check/probe-context';
import type { CloudId } from '../../shared/clouds';
import type { PinnedCa, ProxyConfig } from './http';
import type { PracticeLease, PracticeService, PracticeTenant } from './practice-service';
import type { ProfileFields } from '../../shared/profile';
import { entraValues } from '../../shared/targets/registry';
import type { TargetId } from '../../shared/targets/target-ids';
import type { StoredSecretMeta } from './profile-store';

/** The fields a run reads from a profile; `id` is null for a configuration that is not stored. */
export type RunSubject = ProfileFields & { id: string | null; secret: Pick<StoredSecretMeta, 'hint' | 'updatedAt'> & { storage?: StoredSecretMeta['storage'] } };

/** What the CLI's --json documents say about the configuration a run checked (`name` null for one given by its fields). */
export interface RunSubjectSummary {
  name: string | null;
  target: TargetId;
  cloud: CloudId;
  tenantId: string;
  clientId: string;
  /** null for targets without a SAML app. */
  samlAppId: string | null;
  redirectUris: string[];
}

export function runSubjectSummary(s: RunSubject): RunSubjectSummary {
  const { clientId, samlAppId, redirectUris } = entraValues(s);
  return { name: s.id === null && s.name === '' ? null : s.name, target: s.target, cloud: s.cloud, tenantId: s.tenantId, clientId, samlAppId, redirectUris };
}

/** Where requests go instead of the defaults: the CLI's --authority-host, --graph-host, --ca-file and --proxy. */
export interface NetworkOverrides {
  endpoints?: Partial<Endpoints>;
  /** CAs trusted for a cloud's hosts (or the given ones), besides the settings' own. */
  extraCas?: (cloud: CloudId) => PinnedCa[];
  /** The proxy to use; undefined: the configured (or system) one. */
  proxy?: ProxyConfig | null;
}

/** Declare it with `using`: leaving the block lets go of the practice tenant the run held. */
export interface RunEnvironment extends Disposable {
  endpoints: Endpoints;
  pinnedCas: PinnedCa[];
  /** The practice tenant the run talks to, when it is the one the app starts. */
  practice: PracticeTenant | null;
}

export async function runEnvironment(subject: { cloud: CloudId; practiceScenario?: string | undefined }, practice: PracticeService | null, extraCas: PinnedCa[], endpoints: Partial<Endpoints> = {}): Promise<RunEnvironment> {
  const pinnedCas = [...extraCas];
  let tenant: PracticeLease | null = null;
  if (subject.cloud === 'practice' && !endpoints.authorityHost) {
    if (!subject.practiceScenario) throw new DeskError('validation', 'Pick a practice scenario for this profile first.');
    if (!practice) throw new DeskError('unavailable', 'The practice tenant is not available here.');
    tenant = await practice.acquire(subject.practiceScenario);
    pinnedCas.push(tenant.pinnedCa);
  }
  const release = () => tenant?.release();
  return { endpoints: cloudEndpoints(subject.cloud, { ...tenant?.endpoints, ...endpoints }), pinnedCas, practice: tenant, [Symbol.dispose]: release };
}

/**
 * Where a run's requests would go, known without starting anything: the cloud's (or given) hosts,
 * or the practice tenant's address when it last ran; null when only starting it would tell.
 * For cache lookups: what was read from there before is still good.
 */
export function knownEndpoints(subject: { cloud: CloudId; practiceScenario?: string | undefined }, practice: PracticeService | null, endpoints: Partial<Endpoints> = {}): Endpoints | null {
  const last = subject.cloud === 'practice' && !endpoints.authorityHost && subject.practiceScenario ? practice?.lastEndpoints(subject.practiceScenario) : undefined;
  if (subject.cloud === 'practice' && !endpoints.authorityHost && !last) return null;
  try {
    return cloudEndpoints(subject.cloud, { ...last, ...endpoints });
  } catch {
    // Hosts only half given (the CLI's --authority-host without --graph-host): runEnvironment says why.
    return null;
  }
}
