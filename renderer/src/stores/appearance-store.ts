/**
 * The theme choice (system, light, dark), kept in the settings file by main. "System" follows
 * prefers-color-scheme, which Electron derives from nativeTheme.themeSource (main sets it from the
 * same choice), and which a browser derives from the operating system.
 */
import { create } from 'zustand';
import type { ThemeChoice } from '../../../shared/settings';
import { call, errorMessage } from '../api';

interface AppearanceState {
  theme: ThemeChoice;
  error: string | null;
  load(): Promise<void>;
  setTheme(theme: ThemeChoice): Promise<void>;
}

export const useAppearanceStore = create<AppearanceState>((set, get) => ({
  theme: 'system',
  error: null,
  async load() {
    try {
      set({ theme: (await call('settings:appearance-get', {})).theme, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async setTheme(theme) {
    const before = get().theme;
    set({ theme, error: null });
    try {
      set({ theme: (await call('settings:appearance-set', { theme })).theme });
    } catch (error) {
      set({ theme: before, error: `The theme could not be saved: ${errorMessage(error)}` });
    }
  },
}));
