/** The practice tenant's sign-in account per scenario, asked of main once and shared by every page. */
import { create } from 'zustand';
import type { PracticeTenantInfo } from '../../../shared/ipc-simulator';
import { call } from '../api';

interface PracticeState {
  /** undefined: not asked yet; null: the scenario could not be started. */
  users: Record<string, PracticeTenantInfo['signInUser'] | null>;
  loadUser(scenario: string): Promise<void>;
}

export const usePracticeStore = create<PracticeState>((set, get) => ({
  users: {},
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
