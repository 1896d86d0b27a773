/** The practice tenant's scenarios and ready-made values, asked of main once and shared by every page. */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { PracticeScenario, PracticeTenantInfo } from '../../../shared/ipc-simulator';
import { practiceSecretFor } from '../../../shared/practice-draft';
import type { TargetId } from '../../../shared/targets/target-ids';
import { call } from '../api';

interface PracticeState {
  /** The built-in scenarios (titles, targets, who signs in), asked of main once; null when that failed. */
  scenarios: PracticeScenario[] | null | undefined;
  loadScenarios(): Promise<void>;
  /** The scenario's ready-made fields and client secrets (practice values, shown where the UI asks for a secret), read from its definition: no tenant is started. */
  values: Record<string, PracticeTenantInfo['profile'] | null>;
  loadValues(scenario: string): Promise<void>;
}

export const usePracticeStore = create<PracticeState>((set, get) => ({
  scenarios: undefined,
  values: {},
  async loadValues(scenario) {
    if (get().values[scenario] !== undefined) return;
    try {
      const t = await call('practice:values', { scenario });
      set({ values: { ...get().values, [scenario]: t.profile } });
    } catch {
      set({ values: { ...get().values, [scenario]: null } });
    }
  },
  async loadScenarios() {
    if (get().scenarios !== undefined) return;
    try {
      // Titles and who signs in are part of the scenarios' definitions: asking starts no practice tenant.
      set({ scenarios: await call('practice:scenarios', {}) });
    } catch {
      set({ scenarios: null });
    }
  },
}));

/** A practice scenario's title, targets and sign-in account (undefined while asked for, or outside the practice tenant). */
export function usePracticeScenario(scenario: string | undefined): PracticeScenario | undefined {
  useEffect(() => {
    if (scenario) void usePracticeStore.getState().loadScenarios();
  }, [scenario]);
  return usePracticeStore((s) => (scenario ? s.scenarios?.find((x) => x.name === scenario) : undefined));
}

/** The practice scenario's secret for the target's app, asked of main once; undefined outside the practice tenant. */
export function usePracticeSecret(scenario: string | undefined, target: TargetId | undefined): string | null | undefined {
  useEffect(() => {
    if (scenario) void usePracticeStore.getState().loadValues(scenario);
  }, [scenario]);
  return usePracticeStore((s) => {
    const values = scenario ? s.values[scenario] : undefined;
    return values ? (practiceSecretFor(target, values) ?? null) : values;
  });
}
