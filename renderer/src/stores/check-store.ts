/** Check compatibility state per profile: the last run, live progress from main, and the recorded modes. */
import { create } from 'zustand';
import { keepUnchanged, type CheckRun } from '../../../shared/check';
import type { Mode, ModeScope, ModeState } from '../../../shared/modes';
import { call, subscribe } from '../api';
import { orPageError, runForProfile, type ProfileTaskState } from './profile-task';

interface CheckState extends ProfileTaskState {
  runs: Record<string, CheckRun | null>;
  modes: Record<string, ModeState>;
  load(profileId: string): Promise<void>;
  start(profileId: string): Promise<void>;
  cancel(profileId: string): Promise<void>;
  /** Record the mode the admin set in Octopus ("Done in Octopus"). */
  setMode(profileId: string, scope: ModeScope, mode: Mode): Promise<void>;
  /** The profile's federation settings as a JSON file to save (never the secret). */
  exportSettings(profileId: string): Promise<{ fileName: string; json: string } | null>;
}

export const useCheckStore = create<CheckState>((set, get) => ({
  runs: {},
  running: {},
  modes: {},
  error: null,
  async load(profileId) {
    const loaded = await orPageError(set, () => Promise.all([call('check:state', { profileId }), call('modes:get', { profileId })]));
    if (!loaded) return;
    const [state, modes] = loaded;
    set({
      runs: { ...get().runs, [profileId]: keepUnchanged(get().runs[profileId], state.run) },
      running: { ...get().running, [profileId]: state.running },
      modes: { ...get().modes, [profileId]: modes },
      error: null,
    });
  },
  async start(profileId) {
    // The finished run arrives as the last check:progress event; the call only says it is over.
    await runForProfile(set, get, profileId, async () => {
      await call('check:run', { profileId });
    });
  },
  async cancel(profileId) {
    await orPageError(set, () => call('check:cancel', { profileId }));
  },
  async setMode(profileId, scope, mode) {
    const modes = await call('modes:set', { profileId, scope, mode });
    set({ modes: { ...get().modes, [profileId]: modes } });
  },
  async exportSettings(profileId) {
    return orPageError(set, () => call('profiles:export-settings', { profileId }));
  },
}));

// Progress from main: a probe started or finished.
subscribe('check:progress', ({ profileId, run, running }) => {
  const s = useCheckStore.getState();
  useCheckStore.setState({ runs: { ...s.runs, [profileId]: keepUnchanged(s.runs[profileId], run) }, running: { ...s.running, [profileId]: running } });
});
