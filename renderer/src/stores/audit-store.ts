/** Registration audit state per profile: the last report (kept with the profile by main), and whether one runs. */
import { create } from 'zustand';
import type { AuditReport } from '../../../shared/audit';
import { call, openExternal } from '../api';
import { orPageError, runForProfile, type ProfileTaskState } from './profile-task';

interface AuditStoreState extends ProfileTaskState {
  reports: Record<string, AuditReport | null>;
  load(profileId: string): Promise<void>;
  run(profileId: string): Promise<void>;
  cancel(profileId: string): Promise<void>;
  /** Open an admin-center blade in the system browser (main checks the host again). */
  openLink(url: string): Promise<void>;
}

export const useAuditStore = create<AuditStoreState>((set, get) => ({
  reports: {},
  running: {},
  error: null,
  async load(profileId) {
    const state = await orPageError(set, () => call('audit:state', { profileId }));
    if (state) set({ reports: { ...get().reports, [profileId]: state.report }, running: { ...get().running, [profileId]: state.running }, error: null });
  },
  async run(profileId) {
    await runForProfile(set, get, profileId, async () => {
      const report = await call('audit:run', { profileId });
      set({ reports: { ...get().reports, [profileId]: report } });
    });
  },
  async cancel(profileId) {
    await orPageError(set, () => call('audit:cancel', { profileId }));
  },
  async openLink(url) {
    await orPageError(set, () => openExternal(url));
  },
}));
