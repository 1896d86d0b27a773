/** The practice tenant's sign-in account per scenario, asked of main once and shared by every page. */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { PracticeTenantInfo } from '../../../shared/ipc-simulator';
import { call } from '../api';

interface PracticeState {
  /** undefined: not asked yet; null: the scenario could not be started. */
  users: Record<string, PracticeTenantInfo['signInUser'] | null>;
  loadUser(scenario: string): Promise<void>;
  /** The scenario's client secret (a practice value, shown where the UI asks for a secret). */
  secrets: Record<string, string | null>;
  loadSecret(scenario: string): Promise<void>;
}

export const usePracticeStore = create<PracticeState>((set, get) => ({
  users: {},
  secrets: {},
  async loadSecret(scenario) {
    if (get().secrets[scenario] !== undefined) return;
    try {
      const t = await call('practice:start', { scenario });
      set({ secrets: { ...get().secrets, [scenario]: t.profile.secret } });
    } catch {
      set({ secrets: { ...get().secrets, [scenario]: null } });
    }
  },
  async loadUser(scenario) {
    if (get().users[scenario] !== undefined) return;
    try {
      // Who signs in is part of the scenario's definition: asking does not start the practice tenant.
      const all = await call('practice:scenarios', {});
      set({ users: { ...get().users, [scenario]: all.find((x) => x.name === scenario)?.signInUser ?? null } });
    } catch {
      set({ users: { ...get().users, [scenario]: null } });
    }
  },
}));

/** The account to sign in with for a practice scenario (undefined while it is asked for, or without one). */
export function usePracticeUser(scenario: string | undefined): PracticeTenantInfo['signInUser'] | null | undefined {
  return usePracticeStore((s) => (scenario ? s.users[scenario] : undefined));
}

/** The practice scenario's secret, asked of main once; undefined outside the practice tenant. */
export function usePracticeSecret(scenario: string | undefined): string | null | undefined {
  useEffect(() => {
    if (scenario) void usePracticeStore.getState().loadSecret(scenario);
  }, [scenario]);
  return usePracticeStore((s) => (scenario ? s.secrets[scenario] : undefined));
}
