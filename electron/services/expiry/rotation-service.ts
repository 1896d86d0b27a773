/**
 * The client-secret rotation guide. Create the new secret in Entra (deep link) -> paste its Value ->
 * the `secret` probe proves it -> only then it replaces the stored secret, and the old one is kept
 * (encrypted like the current one, under `${profileId}#previous`) for an overlap period -> the admin
 * deletes the old one in Entra and completes. Giving up before the proof changes nothing; giving up
 * after it puts the old secret back. The rotation's state lives in the 'expiry' extension, without
 * any secret value.
 */
import { credentialsUrl } from '../../../shared/expiry';
import { DeskError, type FieldIssueSchema } from '../../../shared/ipc-core';
import type { ProveResult, Rotation } from '../../../shared/ipc-expiry';
import { daysBetween, draftFromProfile, isIsoDate, normalizeSecret, secretHint, validateSecret, validateSecretExpiry } from '../../../shared/profile';
import { createCheckContext } from '../check/check-context';
import { checkTargetOf, type ProbeOutcome } from '../check/probe-context';
import { secretProbe } from '../check/probes';
import type { PinnedCa, ProxyConfig } from '../http';
import { isoDay, type Clock, type Logger } from '../ports';
import type { PracticeService } from '../practice-service';
import type { ProfileService } from '../profile-service';
import type { StoredProfile } from '../profile-store';
import { redact } from '../redact';
import { runEnvironment, type RunEnvironment } from '../run-environment';
import type { SecretService } from '../secret-service';
import { readExpiryState, updateExpiryState } from './expiry-state';
import type { z } from 'zod';

/** Where the old secret is kept during the overlap. */
export const previousSecretId = (profileId: string): string => `${profileId}#previous`;

export const DEFAULT_OVERLAP_DAYS = 7;
const DAY_MS = 86_400_000;

/** Proves a secret value for a profile; the default runs the `secret` probe against the profile's cloud. */
export type SecretProver = (profile: StoredProfile, secret: string, expiresAt: string) => Promise<ProbeOutcome>;

export interface RotationServiceOptions {
  profiles: ProfileService;
  secrets: SecretService;
  practice: PracticeService | null;
  clock: Clock;
  logger?: Logger;
  overlapDays?: number;
  proxy?: () => ProxyConfig | null;
  extraCas?: () => PinnedCa[];
  requestTimeoutMs?: number;
  /** Replace the prover (tests). */
  prove?: SecretProver;
}

type FieldIssue = z.infer<typeof FieldIssueSchema>;

export class RotationService {
  constructor(private readonly o: RotationServiceOptions) {}

  /** The rotation in progress, or null. */
  get(profileId: string): Rotation | null {
    return readExpiryState(this.o.profiles.stored(profileId)).rotation;
  }

  /** Start a rotation (or return the one in progress). Changes nothing but the guide's state. */
  start(profileId: string): { rotation: Rotation } {
    const profile = this.o.profiles.stored(profileId);
    const current = readExpiryState(profile).rotation;
    if (current) return { rotation: current };
    const rotation: Rotation = {
      stage: 'create',
      startedAt: this.o.clock.now().toISOString(),
      credentialsUrl: credentialsUrl(profile.cloud, profile.clientId),
      previous: profile.secret.storage === 'none' ? null : { hint: profile.secret.hint, expiresAt: profile.secretExpiresAt },
      next: null,
      overlapUntil: null,
      lastProof: null,
    };
    updateExpiryState(this.o.profiles, profileId, (s) => ({ ...s, rotation, overlapReminded: false }));
    return { rotation };
  }

  /**
   * Prove a pasted secret value. Only when the probe passes does it become the profile's secret; the
   * old one is kept as previous first, so nothing is ever lost.
   */
  async prove(profileId: string, rawSecret: string, expiresAt: string): Promise<ProveResult> {
    let rotation = this.get(profileId) ?? this.start(profileId).rotation;
    if (rotation.stage !== 'create')
      throw new DeskError('conflict', 'The new secret is already proven and in use. Complete the rotation once the old secret is deleted in Entra, or abandon it to go back.');
    const value = normalizeSecret(rawSecret);
    const issues: FieldIssue[] = [...validateSecret({ raw: value, secretStored: false }), ...this.expiryIssues(expiresAt)];
    const profile = this.o.profiles.stored(profileId);
    const current = await this.o.secrets.get(profileId).catch(() => null);
    if (current !== null && current === value)
      issues.push({ field: 'secret', severity: 'error', message: 'This is the secret already stored. Create a new client secret in Entra and paste its Value.' });
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) return { proven: false, status: 'failed', summary: errors.map((e) => e.message).join(' '), fix: [], issues, rotation };

    const outcome = await this.runProver(profile, value, expiresAt);
    const proven = outcome.status !== 'failed';
    const now = this.o.clock.now();
    const lastProof = { at: now.toISOString(), status: outcome.status, summary: redact(outcome.summary), fix: (outcome.fix ?? []).map(redact) };
    if (!proven) {
      rotation = { ...rotation, lastProof };
      updateExpiryState(this.o.profiles, profileId, (s) => ({ ...s, rotation }));
      return { proven: false, status: outcome.status, summary: lastProof.summary, fix: lastProof.fix, issues, rotation };
    }

    // Keep the old secret first; only then replace the current one.
    if (current !== null) await this.o.secrets.put(previousSecretId(profileId), current);
    try {
      const view = this.o.profiles.get(profileId);
      await this.o.profiles.save({ id: profileId, draft: { ...draftFromProfile(view), secretExpiresAt: expiresAt }, secret: { action: 'replace', value } });
    } catch (error) {
      await this.o.secrets.delete(previousSecretId(profileId));
      throw error;
    }
    const overlapDays = this.o.overlapDays ?? DEFAULT_OVERLAP_DAYS;
    rotation = {
      ...rotation,
      stage: 'overlap',
      previous: current === null ? null : rotation.previous,
      next: { hint: secretHint(value), expiresAt, provenAt: now.toISOString() },
      overlapUntil: new Date(now.getTime() + overlapDays * DAY_MS).toISOString(),
      lastProof,
    };
    const next = rotation;
    updateExpiryState(this.o.profiles, profileId, (s) => ({ ...s, rotation: next, overlapReminded: false }));
    this.o.logger?.info(`Rotated the client secret of "${profile.name}" (new hint ${secretHint(value)}…); the old one is kept until the rotation completes.`);
    return { proven: true, status: outcome.status, summary: lastProof.summary, fix: lastProof.fix, issues, rotation };
  }

  /** The admin deleted the old secret in Entra: forget it here too and close the rotation. */
  async complete(profileId: string): Promise<{ rotation: null }> {
    const rotation = this.get(profileId);
    if (!rotation) return { rotation: null };
    if (rotation.stage !== 'overlap') throw new DeskError('conflict', 'The new secret is not proven yet: paste it and prove it first, or abandon the rotation.');
    await this.o.secrets.delete(previousSecretId(profileId));
    updateExpiryState(this.o.profiles, profileId, (s) => ({
      ...s,
      rotation: null,
      overlapReminded: false,
      lastRotation: { completedAt: this.o.clock.now().toISOString(), hint: rotation.next?.hint ?? null },
    }));
    return { rotation: null };
  }

  /**
   * Give up. Before the proof nothing was changed, so only the guide's state goes. After it, the old
   * secret (and its expiry date) is put back as the profile's secret.
   */
  async abandon(profileId: string): Promise<{ rotation: null; restored: boolean }> {
    const rotation = this.get(profileId);
    let restored = false;
    if (rotation?.stage === 'overlap') {
      const previous = await this.o.secrets.get(previousSecretId(profileId)).catch(() => null);
      const view = this.o.profiles.get(profileId);
      if (previous !== null) {
        await this.o.profiles.save({
          id: profileId,
          draft: { ...draftFromProfile(view), secretExpiresAt: rotation.previous?.expiresAt ?? '' },
          secret: { action: 'replace', value: previous },
        });
        restored = true;
      } else if (rotation.previous !== null) {
        throw new DeskError(
          'unavailable',
          'The old secret is no longer available here (it was kept for the last session only), so it cannot be put back. Keep the new secret, or paste the old value in the profile.',
        );
      }
      await this.o.secrets.delete(previousSecretId(profileId));
    }
    updateExpiryState(this.o.profiles, profileId, (s) => ({ ...s, rotation: null, overlapReminded: false }));
    return { rotation: null, restored };
  }

  private expiryIssues(expiresAt: string): FieldIssue[] {
    const today = isoDay(this.o.clock);
    const v = expiresAt.trim();
    if (v === '') return [{ field: 'secretExpiresAt', severity: 'error', message: "Enter the new secret's expiry date from the Expires column." }];
    // A date today or earlier is no new secret: refuse it here (the profile form only warns).
    if (isIsoDate(v) && daysBetween(today, v) <= 0)
      return [{ field: 'secretExpiresAt', severity: 'error', message: `A new secret expires in the future; ${v} is not. Check the Expires column of the secret you just created.` }];
    return validateSecretExpiry(v, today);
  }

  private async runProver(profile: StoredProfile, secret: string, expiresAt: string): Promise<ProbeOutcome> {
    if (this.o.prove) return this.o.prove(profile, secret, expiresAt);
    let env: RunEnvironment;
    try {
      env = await runEnvironment(profile, this.o.practice ?? null, this.o.extraCas?.() ?? []);
    } catch (error) {
      return { status: 'failed', summary: error instanceof Error ? error.message : String(error), tested: '' };
    }
    // Held until the proof ends: the practice tenant is not stopped under it.
    using held = env;
    const ctx = createCheckContext({
      target: checkTargetOf(profile, { hint: secretHint(secret), expiresAt }),
      cloud: profile.cloud,
      endpoints: held.endpoints,
      network: { proxy: this.o.proxy?.() ?? null, pinnedCas: held.pinnedCas, requestTimeoutMs: this.o.requestTimeoutMs ?? 20_000 },
      clock: this.o.clock,
      signal: new AbortController().signal,
      secret,
      secretMissingReason: 'no secret was pasted.',
      signIn: null,
      signInMissingReason: 'not needed to prove a secret.',
    });
    try {
      return await secretProbe(ctx);
    } catch (error) {
      return { status: 'failed', summary: `The secret could not be tested: ${redact(error instanceof Error ? error.message : String(error))}`, tested: '' };
    }
  }
}
