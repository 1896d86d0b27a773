/** Expiry watch in the renderer: each profile's expiry report (items, worst, rotation) and the rotation guide's actions. */
import { create } from 'zustand';
import type { ExpiryPolicy } from '../../../shared/expiry';
import type { ProfileExpiryReport, ProveResult } from '../../../shared/ipc-expiry';
import { call, errorMessage, subscribe } from '../api';

interface ExpiryStoreState {
  reports: Record<string, ProfileExpiryReport>;
  /** Profiles being (re)checked right now. */
  loading: Record<string, boolean>;
  error: string | null;
  loadedAll: boolean;
  /** Every profile's report (the badges). */
  loadAll(refresh?: boolean): Promise<void>;
  /** One profile's report (the banner), e.g. after its expiry date was edited. */
  load(profileId: string, refresh?: boolean): Promise<void>;
  setPolicy(profileId: string, policy: ExpiryPolicy | null): Promise<void>;
  startRotation(profileId: string): Promise<void>;
  /** Never throws for a refused value: the result says why. */
  prove(profileId: string, secret: string, expiresAt: string): Promise<ProveResult>;
  completeRotation(profileId: string): Promise<void>;
  /** True when the old secret was put back. */
  abandonRotation(profileId: string): Promise<boolean>;
}

let allPending: Promise<void> | null = null;

export const useExpiryStore = create<ExpiryStoreState>((set, get) => {
  const put = (report: ProfileExpiryReport) => {
    if (report.profileId) set({ reports: { ...get().reports, [report.profileId]: report } });
  };
  const setRotation = (profileId: string, rotation: ProfileExpiryReport['rotation']) => {
    const current = get().reports[profileId];
    if (current) put({ ...current, rotation });
  };
  return {
    reports: {},
    loading: {},
    error: null,
    loadedAll: false,
    loadAll(refresh = false) {
      allPending ??= (async () => {
        try {
          const status = await call('expiry:status', { refresh });
          const reports: Record<string, ProfileExpiryReport> = {};
          for (const r of status.profiles) if (r.profileId) reports[r.profileId] = r;
          set({ reports, loadedAll: true, error: null });
        } catch (error) {
          set({ error: errorMessage(error), loadedAll: true });
        } finally {
          allPending = null;
        }
      })();
      return allPending;
    },
    async load(profileId, refresh = false) {
      set({ loading: { ...get().loading, [profileId]: true } });
      try {
        const status = await call('expiry:status', { profileId, refresh });
        for (const r of status.profiles) put(r);
        set({ error: null });
      } catch (error) {
        set({ error: errorMessage(error) });
      } finally {
        set({ loading: { ...get().loading, [profileId]: false } });
      }
    },
    async setPolicy(profileId, policy) {
      put(await call('expiry:set-policy', { profileId, policy }));
    },
    async startRotation(profileId) {
      const { rotation } = await call('rotation:start', { profileId });
      setRotation(profileId, rotation);
    },
    async prove(profileId, secret, expiresAt) {
      const result = await call('rotation:prove', { profileId, secret, expiresAt });
      setRotation(profileId, result.rotation);
      if (result.proven) await get().load(profileId);
      return result;
    },
    async completeRotation(profileId) {
      await call('rotation:complete', { profileId });
      setRotation(profileId, null);
      await get().load(profileId);
    },
    async abandonRotation(profileId) {
      const { restored } = await call('rotation:abandon', { profileId });
      setRotation(profileId, null);
      await get().load(profileId);
      return restored;
    },
  };
});

// The daily check in main ran (or a rotation changed something): refresh every badge and banner.
subscribe('expiry:changed', () => void useExpiryStore.getState().loadAll());
