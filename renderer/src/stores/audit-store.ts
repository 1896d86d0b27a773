/** Registration audit state per profile: the last report (kept with the profile by main), and whether one runs. */
import { create } from 'zustand';
import type { AuditReport } from '../../../shared/audit';
import { call, errorMessage, openExternal } from '../api';

interface AuditStoreState {
  reports: Record<string, AuditReport | null>;
  running: Record<string, boolean>;
  error: string | null;
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
    try {
      const state = await call('audit:state', { profileId });
      set({ reports: { ...get().reports, [profileId]: state.report }, running: { ...get().running, [profileId]: state.running }, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async run(profileId) {
    set({ running: { ...get().running, [profileId]: true }, error: null });
    try {
      const report = await call('audit:run', { profileId });
      set({ reports: { ...get().reports, [profileId]: report } });
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ running: { ...get().running, [profileId]: false } });
    }
  },
  async cancel(profileId) {
    try {
      await call('audit:cancel', { profileId });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async openLink(url) {
    try {
      await openExternal(url);
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
