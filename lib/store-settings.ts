// Settings store shared by the popup, options page and side panel. The single
// source of truth is browser.storage.local[SETTINGS_KEY]; the store mirrors it
// and follows changes made by other pages.
import { createStore } from 'zustand/vanilla';
import { browser } from 'wxt/browser';
import type { Category, CustomPhrase } from '../analyzers/types.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from './settings.ts';
import { cleanSettings } from './settings-clean.ts';
import { loadManagedPack, managedPackWithin, ownSettingsOverPolicyDefaults } from './settings-managed.ts';
import { applyTeamPack, parseTeamPack, type PackMode } from './ui-teampack.ts';

export interface SettingsState {
  settings: Settings;
  loaded: boolean;
  load(): Promise<void>;
  /** Applies a change and persists it. */
  update(change: (current: Settings) => Settings): Promise<void>;
  setSite(host: string, on: boolean): Promise<void>;
  toggleCategory(category: Category, on: boolean): Promise<void>;
  toggleRule(ruleId: string, on: boolean): Promise<void>;
  setSensitivity(sensitivity: Settings['sensitivity']): Promise<void>;
  setVoice(voice: Settings['voice']): Promise<void>;
  addPhrase(phrase: CustomPhrase): Promise<void>;
  removePhrase(index: number): Promise<void>;
  /** Validates a team pack file; on any error the current settings stay untouched. */
  importPack(text: string, mode?: PackMode): Promise<{ ok: true } | { ok: false; errors: string[] }>;
}

/** Stored settings over the defaults, so older, partial or damaged objects still load (lib/settings-clean.ts). */
export const normalizeSettings = cleanSettings;

const withItem = <T,>(list: readonly T[], item: T, present: boolean): T[] =>
  present ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);

export function createSettingsStore() {
  const store = createStore<SettingsState>()((set, get) => ({
    settings: structuredClone(DEFAULT_SETTINGS),
    loaded: false,
    async load() {
      const policy = loadManagedPack();
      const stored = await browser.storage.local.get(SETTINGS_KEY);
      const inTime = await managedPackWithin(policy);
      set({ settings: ownSettingsOverPolicyDefaults(stored[SETTINGS_KEY], inTime?.pack ?? {}), loaded: true });
      // A slow first policy read: its defaults show once it lands.
      if (!inTime) {
        const { pack } = await policy;
        if (Object.keys(pack).length) set({ settings: ownSettingsOverPolicyDefaults((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], pack) });
      }
    },
    async update(change) {
      const next = change(get().settings);
      set({ settings: next });
      await browser.storage.local.set({ [SETTINGS_KEY]: next });
    },
    setSite: (host, on) => get().update((s) => ({ ...s, sites: { ...s.sites, [host.toLowerCase()]: on } })),
    toggleCategory: (category, on) =>
      get().update((s) => ({ ...s, disabledCategories: withItem(s.disabledCategories, category, !on) })),
    toggleRule: (ruleId, on) => get().update((s) => ({ ...s, disabledRules: withItem(s.disabledRules, ruleId, !on) })),
    setSensitivity: (sensitivity) => get().update((s) => ({ ...s, sensitivity })),
    setVoice: (voice) => get().update((s) => ({ ...s, voice })),
    addPhrase: (phrase) => get().update((s) => ({ ...s, customPhrases: [...s.customPhrases, phrase] })),
    removePhrase: (index) => get().update((s) => ({ ...s, customPhrases: s.customPhrases.filter((_, i) => i !== index) })),
    async importPack(text, mode = 'replace') {
      const result = parseTeamPack(text);
      if (!result.ok) return result;
      await get().update((s) => applyTeamPack(s, result.settings, mode));
      return { ok: true };
    },
  }));
  return store;
}

/** Keeps a store in step with edits made in other extension pages; returns the unsubscribe. */
export function followStoredSettings(store: ReturnType<typeof createSettingsStore>): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      store.setState({ settings: normalizeSettings(changes[SETTINGS_KEY].newValue), loaded: true });
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
