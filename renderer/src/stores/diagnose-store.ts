/**
 * The Diagnose page's state: the pasted text and its findings, the profile they are tailored to,
 * and the catalog search with its selected entry. Kept in a store so leaving the page and coming
 * back finds the paste and the findings as they were.
 */
import { create } from 'zustand';
import { DIAGNOSE_TEXT_MAX, type CatalogEntry, type CatalogSearchResponse, type Diagnosis, type Finding } from '../../../shared/ipc-diagnose';
import { call, errorMessage } from '../api';

export type DiagnoseTab = 'paste' | 'catalog';

/** How many catalog entries the list shows at once (the search narrows the rest). */
export const CATALOG_LIST_MAX = 60;

interface DiagnoseState {
  tab: DiagnoseTab;
  text: string;
  /** The profile the user picked in "Tailor to profile"; undefined follows the app's selected profile. */
  profileChoice: { id: string | null } | undefined;
  diagnosis: Diagnosis | null;
  /** The text and profile the current findings were computed for. */
  diagnosed: { text: string; profileId: string | null } | null;
  busy: boolean;
  /** A message for the paste box itself (nothing pasted, too long). */
  inputError: string | null;
  error: string | null;

  query: string;
  catalog: CatalogSearchResponse | null;
  catalogError: string | null;
  selected: CatalogEntry | null;
  selectedFinding: Finding | null;
  /** Who the selected entry's causes are ranked for (the profile's setup, or any app). */
  selectedRankedFor: string | null;

  setTab(tab: DiagnoseTab): void;
  setText(text: string): void;
  chooseProfile(id: string | null): void;
  run(profileId: string | null, text?: string): Promise<void>;
  clear(): void;
  search(query: string): Promise<void>;
  pick(entry: CatalogEntry, profileId: string | null): Promise<void>;
}

/** The text that makes the diagnosis explain one catalog code ("AADSTS50011", "Authorization_RequestDenied"). */
export function codeText(code: number | string): string {
  return typeof code === 'number' ? `AADSTS${code}` : code;
}

let searchSeq = 0;
let runSeq = 0;
let pickSeq = 0;

export const useDiagnoseStore = create<DiagnoseState>((set, get) => ({
  tab: 'paste',
  text: '',
  profileChoice: undefined,
  diagnosis: null,
  diagnosed: null,
  busy: false,
  inputError: null,
  error: null,
  query: '',
  catalog: null,
  catalogError: null,
  selected: null,
  selectedFinding: null,
  selectedRankedFor: null,

  setTab(tab) {
    set({ tab });
  },
  setText(text) {
    set({ text, inputError: null });
  },
  chooseProfile(id) {
    set({ profileChoice: { id } });
  },
  async run(profileId, given) {
    const text = given ?? get().text;
    if (text.trim() === '') {
      set({ inputError: 'Paste an error message, a browser address or a log excerpt first.' });
      return;
    }
    if (text.length > DIAGNOSE_TEXT_MAX) {
      set({ inputError: `That is more than ${DIAGNOSE_TEXT_MAX / 1024 / 1024} MB of text. Paste only the part of the log around the error.` });
      return;
    }
    const seq = ++runSeq;
    set({ busy: true, error: null, inputError: null });
    try {
      const diagnosis = await call('diagnose:text', { text, profileId });
      if (seq === runSeq) set({ diagnosis, diagnosed: { text, profileId } });
    } catch (error) {
      if (seq === runSeq) set({ error: errorMessage(error) });
    } finally {
      if (seq === runSeq) set({ busy: false });
    }
  },
  clear() {
    runSeq++;
    set({ text: '', diagnosis: null, diagnosed: null, error: null, inputError: null, busy: false });
  },
  async search(query) {
    const seq = ++searchSeq;
    set({ query });
    try {
      const catalog = await call('diagnose:catalog', { query: query.slice(0, 200) });
      if (seq === searchSeq) set({ catalog, catalogError: null });
    } catch (error) {
      if (seq === searchSeq) set({ catalogError: errorMessage(error) });
    }
  },
  async pick(entry, profileId) {
    const seq = ++pickSeq;
    set({ selected: entry, catalogError: null });
    try {
      const { findings, rankedFor } = await call('diagnose:text', { text: codeText(entry.code), profileId });
      if (seq === pickSeq) set({ selectedFinding: findings[0] ?? null, selectedRankedFor: rankedFor });
    } catch (error) {
      if (seq === pickSeq) set({ selectedFinding: null, catalogError: errorMessage(error) });
    }
  },
}));
