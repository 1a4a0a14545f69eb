// Settings store shared by the popup, options page and side panel. The single
// source of truth is browser.storage.local[SETTINGS_KEY]; the store mirrors it
// and follows changes made by other pages. What is stored is the user's own
// layer only: the fields the user set. The organisation's policy and the
// built-in defaults are applied when reading and never written back, so a
// policy value the user never chose keeps following the policy.
import { createStore } from 'zustand/vanilla';
import { browser } from 'wxt/browser';
import type { Category, CustomPhrase } from '../analyzers/types.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from './settings.ts';
import { cleanSettings, usableSettingsFields } from './settings-clean.ts';
import { loadManagedPack, managedPackWithin, ownSettingsOverPolicyDefaults } from './settings-managed.ts';
import { applyTeamPack, parseTeamPack, type PackMode, type PackSettings } from './ui-teampack.ts';

export interface SettingsState {
  /** What the settings pages show: the user's own fields, else the policy's sensitivity and voice, else the defaults. */
  settings: Settings;
  /** The fields the user set (what is stored). */
  own: Partial<Settings>;
  /** The organisation's pack, as last read. */
  policy: PackSettings;
  loaded: boolean;
  load(): Promise<void>;
  /**
   * Applies a change and persists the user's own layer: the fields they had set, plus every field the change
   * altered or lists in `chosen` (a choice made even when it equals what was shown, e.g. the policy's sensitivity).
   */
  update(change: (current: Settings) => Settings, chosen?: readonly (keyof Settings)[]): Promise<void>;
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
    own: {},
    policy: {},
    loaded: false,
    async load() {
      const policy = loadManagedPack();
      const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
      const inTime = await managedPackWithin(policy);
      const pack = inTime?.pack ?? {};
      set({ settings: ownSettingsOverPolicyDefaults(stored, pack), own: usableSettingsFields(stored), policy: pack, loaded: true });
      // A slow first policy read: its defaults show once it lands.
      if (!inTime) {
        const { pack: late } = await policy;
        if (Object.keys(late).length) set({ settings: ownSettingsOverPolicyDefaults(get().own, late), policy: late });
      }
    },
    async update(change, chosen = []) {
      const current = get().settings;
      const next = change(current);
      const own: Partial<Settings> = { ...get().own };
      for (const key of Object.keys(next) as (keyof Settings)[]) {
        if (chosen.includes(key) || JSON.stringify(next[key]) !== JSON.stringify(current[key])) (own as Record<string, unknown>)[key] = next[key];
      }
      set({ settings: next, own });
      await browser.storage.local.set({ [SETTINGS_KEY]: own });
    },
    setSite: (host, on) => get().update((s) => ({ ...s, sites: { ...s.sites, [host.toLowerCase()]: on } })),
    toggleCategory: (category, on) =>
      get().update((s) => ({ ...s, disabledCategories: withItem(s.disabledCategories, category, !on) })),
    toggleRule: (ruleId, on) => get().update((s) => ({ ...s, disabledRules: withItem(s.disabledRules, ruleId, !on) })),
    setSensitivity: (sensitivity) => get().update((s) => ({ ...s, sensitivity }), ['sensitivity']),
    setVoice: (voice) => get().update((s) => ({ ...s, voice }), ['voice']),
    addPhrase: (phrase) => get().update((s) => ({ ...s, customPhrases: [...s.customPhrases, phrase] })),
    removePhrase: (index) => get().update((s) => ({ ...s, customPhrases: s.customPhrases.filter((_, i) => i !== index) })),
    async importPack(text, mode = 'replace') {
      const result = parseTeamPack(text);
      if (!result.ok) return result;
      // What the pack holds counts as chosen, even where it equals what was shown.
      await get().update((s) => applyTeamPack(s, result.settings, mode), Object.keys(result.settings) as (keyof Settings)[]);
      return { ok: true };
    },
  }));
  return store;
}

/** Keeps a store in step with edits made in other extension pages and with policy changes; returns the unsubscribe. */
export function followStoredSettings(store: ReturnType<typeof createSettingsStore>): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      const stored = changes[SETTINGS_KEY].newValue;
      // Read with the policy under it, as load() does: the built-in defaults never replace the policy's.
      store.setState({ settings: ownSettingsOverPolicyDefaults(stored, store.getState().policy), own: usableSettingsFields(stored), loaded: true });
    }
    if (area === 'managed') {
      void loadManagedPack().then(({ pack }) => store.setState({ settings: ownSettingsOverPolicyDefaults(store.getState().own, pack), policy: pack }));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
