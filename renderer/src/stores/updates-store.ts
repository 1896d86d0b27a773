/** The Settings switch for automatic updates of the installed app, kept in the settings file by main. */
import { create } from 'zustand';
import { call, errorMessage } from '../api';

interface UpdatesState {
  automatic: boolean;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  setAutomatic(automatic: boolean): Promise<void>;
}

export const useUpdatesStore = create<UpdatesState>((set, get) => ({
  automatic: true,
  loaded: false,
  error: null,
  async load() {
    try {
      set({ automatic: (await call('settings:updates-get', {})).automatic, loaded: true, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async setAutomatic(automatic) {
    const before = get().automatic;
    set({ automatic, error: null });
    try {
      set({ automatic: (await call('settings:updates-set', { automatic })).automatic });
    } catch (error) {
      set({ automatic: before, error: `The update setting could not be saved: ${errorMessage(error)}` });
    }
  },
}));
