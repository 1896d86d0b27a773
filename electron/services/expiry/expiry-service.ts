/**
 * Expiry watch: the expiry items of every profile (typed secret date, SAML signing certificates,
 * and whatever extra sources are plugged in), evaluated with the profile's policy. Used by the
 * `expiry:*` channels, the notifier and the `expiry` CLI command.
 */
import { DEFAULT_POLICY, evaluate, normalizePolicy, worst, type ExpiryItemInput, type ExpiryPolicy, type ProfileExpiry } from '../../../shared/expiry';
import type { ExpiryStatus, ProfileExpiryReport } from '../../../shared/ipc-expiry';
import type { CloudId } from '../../../shared/clouds';
import type { Endpoints } from '../check/probe-context';
import type { PinnedCa, ProxyConfig } from '../http';
import type { Clock, Logger } from '../ports';
import type { PracticeService } from '../practice-service';
import type { ProfileService } from '../profile-service';
import type { StoredProfile } from '../profile-store';
import { knownEndpoints, runEnvironment } from '../run-environment';
import { readExpiryState, updateExpiryState } from './expiry-state';
import { createMetadataReader, type MetadataReader, type NetworkResolver } from './metadata-reader';
import { federationMetadataSource, mergeItems, targetOfProfile, typedSecretSource, type CollectOptions, type ExpirySourceProvider, type ExpiryTarget } from './sources';

export interface ExpiryServiceOptions {
  profiles: ProfileService;
  /** Starts the practice tenant for practice profiles; null where there is none. */
  practice: PracticeService | null;
  clock: Clock;
  logger?: Logger;
  /** The CLI's --authority-host / --graph-host. */
  endpointOverrides?: Partial<Endpoints>;
  /** The CLI's --ca-file, or a corporate proxy's CA: trusted for their hosts only. */
  extraCas?: (cloud: CloudId) => PinnedCa[];
  proxy?: () => ProxyConfig | null;
  requestTimeoutMs?: number;
  /** More sources, e.g. Graph's passwordCredentials as the last registration audit read them. */
  extraSources?: ExpirySourceProvider[];
  /** Replace the metadata reader (tests). */
  reader?: MetadataReader;
}

export class ExpiryService {
  private readonly sources: ExpirySourceProvider[];

  constructor(private readonly o: ExpiryServiceOptions) {
    const reader =
      o.reader ??
      createMetadataReader({ resolve: this.resolver(), known: (t) => knownEndpoints(t, o.practice, o.endpointOverrides), clock: o.clock, ...(o.proxy ? { proxy: o.proxy } : {}), ...(o.requestTimeoutMs ? { timeoutMs: o.requestTimeoutMs } : {}) });
    // Practice profiles are read side by side like the others: each scenario has its own practice
    // tenant, held by each read until it ends (practice-service.ts).
    this.sources = [typedSecretSource, federationMetadataSource(reader), ...(o.extraSources ?? [])];
  }

  /** The policy a profile uses: its own when set, else the defaults. */
  policyOf(profile: StoredProfile): ExpiryPolicy {
    return readExpiryState(profile).policy ?? DEFAULT_POLICY;
  }

  /** Set (or with null, reset) a profile's policy. */
  async setPolicy(profileId: string, policy: ExpiryPolicy | null): Promise<ProfileExpiryReport> {
    updateExpiryState(this.o.profiles, profileId, (s) => {
      const { policy: _old, ...rest } = s;
      return policy ? { ...rest, policy: normalizePolicy(policy) } : rest;
    });
    return this.reportFor(this.o.profiles.stored(profileId), {});
  }

  /** Every source's items for a target, merged; never throws. */
  async collect(target: ExpiryTarget, options: CollectOptions = {}): Promise<ExpiryItemInput[]> {
    const batches = await Promise.all(
      this.sources.map((s) =>
        s.collect(target, options).catch((error: unknown): ExpiryItemInput[] => {
          this.o.logger?.warn(`Expiry source ${s.name} failed for "${target.profileName}": ${error instanceof Error ? error.message : String(error)}`);
          return [];
        }),
      ),
    );
    return mergeItems(batches.flat());
  }

  /** A target's items evaluated with `policy` (the CLI's fields mode, and every stored profile). */
  async evaluateTarget(target: ExpiryTarget, policy: ExpiryPolicy, options: CollectOptions = {}): Promise<ProfileExpiry> {
    const items = evaluate(await this.collect(target, options), this.o.clock.now(), policy);
    return { profileId: target.profileId, profileName: target.profileName, items, worst: worst(items.map((i) => i.state)), policy };
  }

  /** One stored profile's report, with its rotation. */
  async reportFor(profile: StoredProfile, options: CollectOptions & { policy?: ExpiryPolicy }): Promise<ProfileExpiryReport> {
    const state = readExpiryState(profile);
    const report = await this.evaluateTarget(targetOfProfile(profile), options.policy ?? state.policy ?? DEFAULT_POLICY, options);
    return { ...report, rotation: state.rotation, customPolicy: state.policy !== undefined };
  }

  /** One profile (profileId) or every profile. */
  async status(request: { profileId?: string; refresh?: boolean }): Promise<ExpiryStatus> {
    const stored = request.profileId === undefined ? this.o.profiles.list().profiles.map((p) => this.o.profiles.stored(p.id)) : [this.o.profiles.stored(request.profileId)];
    const profiles = await Promise.all(stored.map((p) => this.reportFor(p, { refresh: request.refresh ?? false })));
    return { profiles, worst: worst(profiles.map((p) => p.worst)), checkedAt: this.o.clock.now().toISOString() };
  }

  private resolver(): NetworkResolver {
    return async (target) => {
      const env = await runEnvironment(target, this.o.practice, this.o.extraCas?.(target.cloud) ?? [], this.o.endpointOverrides);
      return { endpoints: env.endpoints, pinnedCas: env.pinnedCas, release: () => env[Symbol.dispose]() };
    };
  }
}
