/**
 * Authentication modes per profile. Switching to Federated identity requires that every probe passed
 * (warnings allowed) for the profile's current configuration; the way back is always allowed. Every
 * switch is appended to the profile's history with the configuration fingerprint it was made with.
 */
import { configurationFingerprint, currentResults, fingerprintInput, readyForFederation } from '../../shared/check';
import { checkWords, integrationTarget } from '../../shared/targets/registry';
import { DeskError } from '../../shared/ipc-core';
import { DEFAULT_MODE_STATE, ModeStateSchema, modeLabel, type Mode, type ModeScope, type ModeState } from '../../shared/modes';
import type { CheckService } from './check/check-service';
import type { Clock } from './ports';
import type { ProfileService } from './profile-service';

export const MODES_EXTENSION = 'authModes';

export class ModesService {
  constructor(
    private readonly profiles: ProfileService,
    private readonly checks: CheckService,
    private readonly clock: Clock,
  ) {}

  get(profileId: string): ModeState {
    const parsed = ModeStateSchema.safeParse(this.profiles.stored(profileId).extensions?.[MODES_EXTENSION]);
    return parsed.success ? parsed.data : structuredClone(DEFAULT_MODE_STATE);
  }

  set(profileId: string, scope: ModeScope, mode: Mode): ModeState {
    const profile = this.profiles.stored(profileId);
    if (!integrationTarget(profile).authenticationModes)
      throw new DeskError('unavailable', 'Authentication modes are Octopus settings; this profile federates another product.');
    const state = this.get(profileId);
    if (state[scope] === mode) return state;
    const input = fingerprintInput({ ...profile, secretUpdatedAt: profile.secret.updatedAt });
    if (mode === 'federated') {
      const results = currentResults(this.checks.lastRun(profile)?.results, input);
      const { ready, missing } = readyForFederation(results);
      if (!ready)
        throw new DeskError(
          'forbidden',
          `${modeLabel(scope, mode)} needs a passed Check compatibility for the current configuration. Not passed yet: ${missing.map((id) => checkWords(profile, id).title).join(', ')}.`,
        );
    }
    const next: ModeState = {
      ...state,
      [scope]: mode,
      history: [...state.history, { at: this.clock.now().toISOString(), scope, from: state[scope], to: mode, fingerprint: configurationFingerprint(input) }],
    };
    this.profiles.updateExtension(profileId, MODES_EXTENSION, () => next);
    return next;
  }
}
