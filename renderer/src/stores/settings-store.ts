/** Network settings (proxy, extra CA): loaded from and saved to main, and the CA file picked in the system's dialog. */
import { create } from 'zustand';
import type { NetworkSettings } from '../../../shared/settings';
import { call, errorMessage } from '../api';

interface SettingsState {
  /** The network settings as saved; null until loaded. */
  network: NetworkSettings | null;
  loadError: string | null;
  loadNetwork(): Promise<void>;
  /** Throws with main's reason when the settings are refused (an unreadable CA file...). */
  saveNetwork(next: NetworkSettings): Promise<NetworkSettings>;
  /** The path the user picked, or null when they cancelled. Throws where there is no dialog. */
  chooseCaFile(): Promise<string | null>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  network: null,
  loadError: null,
  async loadNetwork() {
    try {
      set({ network: await call('settings:network-get', {}), loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },
  async saveNetwork(next) {
    const saved = await call('settings:network-set', next);
    set({ network: saved });
    return saved;
  },
  async chooseCaFile() {
    return (await call('settings:choose-ca-file', {})).path;
  },
}));
