/** Profiles: the list from main, the selection, and the actions that change them. */
import { create } from 'zustand';
import type { SecretAction } from '../../../shared/ipc-profiles';
import type { ProfileDraft, ProfileView } from '../../../shared/profile';
import { practiceDraft } from '../../../shared/practice-draft';
import { call, errorMessage } from '../api';

interface ProfilesState {
  profiles: ProfileView[];
  selectedId: string | null;
  /** True while the editor shows a profile that is not saved yet. */
  creating: boolean;
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  select(id: string | null): Promise<void>;
  startNew(): void;
  cancelNew(): void;
  /** Throws ApiError with field issues when main refuses. */
  save(id: string | undefined, draft: ProfileDraft, secret: SecretAction): Promise<ProfileView>;
  rename(id: string, name: string): Promise<ProfileView>;
  duplicate(id: string): Promise<ProfileView>;
  remove(id: string): Promise<void>;
  /** One click to a working profile on the practice tenant (its IDs and secret filled in). */
  createPractice(scenario?: string): Promise<ProfileView>;
}

export const useProfilesStore = create<ProfilesState>((set, get) => ({
  profiles: [],
  selectedId: null,
  creating: false,
  loaded: false,
  loadError: null,
  async load() {
    try {
      const { profiles, selectedId } = await call('profiles:list', {});
      set({ profiles, selectedId: selectedId ?? profiles[0]?.id ?? null, loaded: true, loadError: null, creating: get().creating || profiles.length === 0 });
    } catch (error) {
      set({ loaded: true, loadError: errorMessage(error) });
    }
  },
  async select(id) {
    set({ selectedId: id, creating: false });
    await call('profiles:select', { id });
  },
  startNew() {
    set({ creating: true });
  },
  cancelNew() {
    set({ creating: get().profiles.length === 0 });
  },
  async save(id, draft, secret) {
    const saved = await call('profiles:save', { ...(id ? { id } : {}), draft, secret });
    const profiles = get().profiles;
    const exists = profiles.some((p) => p.id === saved.id);
    set({ profiles: exists ? profiles.map((p) => (p.id === saved.id ? saved : p)) : [...profiles, saved], selectedId: saved.id, creating: false });
    return saved;
  },
  async rename(id, name) {
    const saved = await call('profiles:rename', { id, name });
    set({ profiles: get().profiles.map((p) => (p.id === id ? saved : p)) });
    return saved;
  },
  async duplicate(id) {
    const copy = await call('profiles:duplicate', { id });
    set({ profiles: [...get().profiles, copy], selectedId: copy.id, creating: false });
    return copy;
  },
  async remove(id) {
    await call('profiles:delete', { id });
    const profiles = get().profiles.filter((p) => p.id !== id);
    const selectedId = get().selectedId === id ? (profiles[0]?.id ?? null) : get().selectedId;
    set({ profiles, selectedId, creating: profiles.length === 0 });
  },
  async createPractice(scenario = 'healthy') {
    // The profile rules (and their schemas) stay out of the first screen's chunk: loaded on use.
    const [t, { EMPTY_DRAFT }] = await Promise.all([call('practice:values', { scenario }), import('../../../shared/profile')]);
    const names = new Set(get().profiles.map((p) => p.name.toLowerCase()));
    let name = 'Practice tenant';
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `Practice tenant ${n}`;
    const { draft, secret } = practiceDraft({ ...EMPTY_DRAFT, name }, t);
    return get().save(undefined, draft, { action: 'replace', value: secret });
  },
}));

/** The profile every page works on: the selected one, or the first. Undefined only while there is none. */
export function useSelectedProfile(): ProfileView | undefined {
  return useProfilesStore((s) => s.profiles.find((p) => p.id === s.selectedId) ?? s.profiles[0]);
}
