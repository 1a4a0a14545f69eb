// A team pack pushed by IT through browser policy (chrome.storage.managed,
// described by public/managed_schema.json). It is validated and capped like an
// imported pack and lies under the user's own settings: the user adds to it and
// chooses sensitivity and voice, but cannot remove the organisation's phrases
// or turn its switched-off checks back on.
import { browser } from 'wxt/browser';
import { MAX_TEAM_PHRASES } from '../analyzers/limits.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from './settings.ts';
import { phraseKey, usableSettingsFields } from './settings-clean.ts';
import { PACK_LIMITS, TEAM_PACK_FORMAT, TEAM_PACK_VERSION, validateTeamPack, type PackSettings } from './ui-teampack.ts';

/** What the organisation's policy holds: the pack to apply, and why none is applied when it cannot be read. */
export interface ManagedPack {
  pack: PackSettings;
  errors: string[];
}

export const NO_MANAGED_PACK: ManagedPack = { pack: {}, errors: [] };

/** The policy's keys are a team pack's settings (customPhrases, disabledRules, …), checked as one; any error applies none of it. */
export function readManagedPack(policy: unknown): ManagedPack {
  if (!policy || typeof policy !== 'object' || Object.keys(policy).length === 0) return NO_MANAGED_PACK;
  let size = 0;
  try {
    size = JSON.stringify(policy).length;
  } catch {
    return { pack: {}, errors: ['The policy cannot be read as JSON.'] };
  }
  if (size > PACK_LIMITS.fileChars) return { pack: {}, errors: [`The policy is larger than ${PACK_LIMITS.fileChars / 1024} KB.`] };
  const result = validateTeamPack({ format: TEAM_PACK_FORMAT, version: TEAM_PACK_VERSION, settings: policy });
  return result.ok ? { pack: result.settings, errors: [] } : { pack: {}, errors: result.errors };
}

/** The settings to analyse with: what the user stored, over the organisation's pack, over the defaults. */
export function withManaged(stored: unknown, managed: PackSettings): Settings {
  const own = usableSettingsFields(stored);
  const base: Settings = { ...structuredClone(DEFAULT_SETTINGS), ...own };
  if (Object.keys(managed).length === 0) return base;
  const adminPhrases = managed.customPhrases ?? [];
  const adminKeys = new Set(adminPhrases.map((p) => phraseKey(p.avoid)));
  return {
    ...base,
    // The organisation's phrase wins over a personal one with the same words, and is kept first under the cap.
    customPhrases: [...adminPhrases, ...base.customPhrases.filter((p) => !adminKeys.has(phraseKey(p.avoid)))].slice(0, MAX_TEAM_PHRASES),
    disabledCategories: [...new Set([...(managed.disabledCategories ?? []), ...base.disabledCategories])],
    disabledRules: [...new Set([...(managed.disabledRules ?? []), ...base.disabledRules])],
    sites: { ...(managed.sites ?? {}), ...(own.sites ?? {}) },
    sensitivity: own.sensitivity ?? managed.sensitivity ?? DEFAULT_SETTINGS.sensitivity,
    voice: own.voice ?? managed.voice ?? DEFAULT_SETTINGS.voice,
  };
}

/**
 * The user's own settings as the settings pages show and save them: where the user never chose a sensitivity or
 * voice, the policy's default shows, so saving any other change does not silently replace it with the built-in one.
 */
export function ownSettingsOverPolicyDefaults(stored: unknown, managed: PackSettings): Settings {
  const own = usableSettingsFields(stored);
  return {
    ...structuredClone(DEFAULT_SETTINGS),
    ...own,
    sensitivity: own.sensitivity ?? managed.sensitivity ?? DEFAULT_SETTINGS.sensitivity,
    voice: own.voice ?? managed.voice ?? DEFAULT_SETTINGS.voice,
  };
}

/** The organisation's pack, or none (no policy, or a browser without managed storage). */
export async function loadManagedPack(): Promise<ManagedPack> {
  try {
    return readManagedPack(await browser.storage.managed.get(null));
  } catch {
    return NO_MANAGED_PACK; // Firefox without a managed manifest throws; that means no policy
  }
}

/**
 * How long a page waits for the policy before going on without it. Chrome's first read of managed storage in
 * a browser session takes seconds (measured: ~3 s in headless Chromium 156); nothing waits that long for it.
 */
export const POLICY_WAIT_MS = 250;

/** The policy if it arrives within `ms`, else undefined (the read goes on; see followEffectiveSettings). */
export function managedPackWithin(read: Promise<ManagedPack>, ms = POLICY_WAIT_MS): Promise<ManagedPack | undefined> {
  return Promise.race([read, new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);
}

/**
 * The settings to analyse with now — the user's own over the policy, or without the policy while its first read
 * is slow — and `onChange` with new ones whenever the user's settings or the policy change, or the slow read lands.
 */
export async function followEffectiveSettings(onChange: (settings: Settings) => void): Promise<Settings> {
  let own: unknown;
  let managed: PackSettings = {};
  const readPolicy = async () => {
    const { pack } = await loadManagedPack();
    const changed = JSON.stringify(pack) !== JSON.stringify(managed);
    managed = pack;
    return changed;
  };
  const firstPolicy = readPolicy();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      own = changes[SETTINGS_KEY].newValue;
      onChange(withManaged(own, managed));
    }
    if (area === 'managed') void readPolicy().then(() => onChange(withManaged(own, managed)));
  });
  own = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (!(await managedPackWithin(firstPolicy.then(() => NO_MANAGED_PACK)))) {
    void firstPolicy.then((changed) => changed && onChange(withManaged(own, managed)));
  }
  return withManaged(own, managed);
}

/** One read of the settings to analyse with, waiting for the policy however long it takes. */
export async function loadEffectiveSettings(): Promise<Settings> {
  const [local, managed] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), loadManagedPack()]);
  return withManaged(local[SETTINGS_KEY], managed.pack);
}
