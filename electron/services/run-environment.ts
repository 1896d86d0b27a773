/**
 * What a check or an audit runs against, decided once for the app and the CLI: the profile's
 * fields (a stored profile, or the CLI's field options), and where its requests go — the cloud's
 * hosts, the practice tenant's (started on first use), or hosts given explicitly (the CLI's
 * --authority-host / --graph-host), with the CAs trusted for them.
 */
import { DeskError } from '../../shared/ipc-core';
import { cloudEndpoints, type Endpoints } from './check/probe-context';
import type { CloudId } from '../../shared/clouds';
import type { PinnedCa, ProxyConfig } from './http';
import type { PracticeService, PracticeTenant } from './practice-service';
import type { StoredProfile, StoredSecretMeta } from './profile-store';

/** The fields a run reads from a profile; `id` is null for a configuration that is not stored. */
export type RunSubject = Pick<
  StoredProfile,
  'cloud' | 'tenantId' | 'samlAppId' | 'apiAppId' | 'webUrl' | 'allowedDomains' | 'secretExpiresAt' | 'practiceScenario' | 'target' | 'theThingsStack' | 'authentik' | 'workspaceSso'
> & { id: string | null; name: string | null; secret: Pick<StoredSecretMeta, 'hint' | 'updatedAt'> & { storage?: StoredSecretMeta['storage'] } };

/** Where requests go instead of the defaults: the CLI's --authority-host, --graph-host, --ca-file and --proxy. */
export interface NetworkOverrides {
  endpoints?: Partial<Endpoints>;
  /** CAs trusted for a cloud's hosts (or the given ones), besides the settings' own. */
  extraCas?: (cloud: CloudId) => PinnedCa[];
  /** The proxy to use; undefined: the configured (or system) one. */
  proxy?: ProxyConfig | null;
}

export interface RunEnvironment {
  endpoints: Endpoints;
  pinnedCas: PinnedCa[];
  /** The practice tenant the run talks to, when it is the one the app starts. */
  practice: PracticeTenant | null;
}

export async function runEnvironment(subject: Pick<RunSubject, 'cloud' | 'practiceScenario'>, practice: PracticeService | null, extraCas: PinnedCa[], endpoints: Partial<Endpoints> = {}): Promise<RunEnvironment> {
  const pinnedCas = [...extraCas];
  let tenant: PracticeTenant | null = null;
  if (subject.cloud === 'practice' && !endpoints.authorityHost) {
    if (!subject.practiceScenario) throw new DeskError('validation', 'Pick a practice scenario for this profile first.');
    if (!practice) throw new DeskError('unavailable', 'The practice tenant is not available here.');
    tenant = await practice.ensure(subject.practiceScenario);
    pinnedCas.push(tenant.pinnedCa);
  }
  return { endpoints: cloudEndpoints(subject.cloud, { ...tenant?.endpoints, ...endpoints }), pinnedCas, practice: tenant };
}
