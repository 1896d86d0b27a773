/** App-wide state: version, data folder, secret storage, start-up notices, and the current page. */
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/ipc-profiles';
import { call, errorMessage, openExternal } from '../api';

export type PageId = 'profiles' | 'check' | 'audit' | 'diagnose' | 'settings';

interface AppState {
  info: AppInfo | null;
  loadError: string | null;
  page: PageId;
  load(): Promise<void>;
  dismissNotice(id: string): Promise<void>;
  go(page: PageId): void;
  /** Text handed to the Diagnose page (from a failed check's "Diagnose" button). */
  diagnoseText: string | null;
  diagnose(text: string): void;
  /** Open an admin-center blade in the system browser; a refusal becomes a notice. */
  openLink(url: string): Promise<void>;
  linkError: string | null;
}

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  loadError: null,
  page: 'profiles',
  async load() {
    try {
      set({ info: await call('app:info', {}), loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },
  async dismissNotice(id) {
    await call('notices:dismiss', { id });
    const info = get().info;
    if (info) set({ info: { ...info, notices: info.notices.filter((n) => n.id !== id) } });
  },
  go(page) {
    set({ page });
  },
  diagnoseText: null,
  diagnose(text) {
    set({ diagnoseText: text, page: 'diagnose' });
  },
  linkError: null,
  async openLink(url) {
    try {
      await openExternal(url);
      set({ linkError: null });
    } catch (error) {
      set({ linkError: `The link could not be opened: ${errorMessage(error)}` });
    }
  },
}));
