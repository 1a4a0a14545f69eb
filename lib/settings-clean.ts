// Stored settings are data any older version, a bad import or another
// extension's bug may have written: read them field by field. A field of the
// wrong type falls back to its default; inside a list or a site map each entry
// stands on its own, so one bad entry never costs the valid ones beside it.
import { CATEGORIES, type Category, type CustomPhrase, type Severity } from '../analyzers/types.ts';
import { MAX_TEAM_PHRASES } from '../analyzers/limits.ts';
import { MAX_PHRASE_CHARS } from '../analyzers/phrases/literal.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';
import { isSiteHost } from './site-host.ts';

/**
 * Caps on what settings may hold. The single source of truth: a team pack's caps (PACK_LIMITS in
 * lib/ui-teampack.ts) are these plus the file size, so an import always fits. Kept here, not there, so the
 * content script reads settings without the pack validator.
 */
export const SETTINGS_LIMITS = {
  phrases: MAX_TEAM_PHRASES,
  /** Characters of a phrase's "prefer" and "note". */
  fieldChars: 500,
  sites: 200,
  disabledRules: 2_000,
  ruleIdChars: 120,
} as const;

const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Two phrases are the same when they differ only in case and spacing. */
export const phraseKey = (avoid: string) => avoid.trim().replace(/\s+/g, ' ').toLowerCase();

/** A stored phrase with its unusable optional fields dropped, or undefined when "avoid" itself is unusable. */
export function cleanPhrase(p: unknown): CustomPhrase | undefined {
  if (!isRecord(p) || typeof p.avoid !== 'string') return undefined;
  const avoid = p.avoid.trim();
  if (!avoid || avoid.length > MAX_PHRASE_CHARS) return undefined;
  const phrase: CustomPhrase = { avoid };
  for (const key of ['prefer', 'note'] as const) {
    const value = p[key];
    if (typeof value === 'string' && value.trim() && value.length <= SETTINGS_LIMITS.fieldChars) phrase[key] = value.trim();
  }
  if ((CATEGORIES as readonly unknown[]).includes(p.category)) phrase.category = p.category as Category;
  if ((SEVERITIES as readonly unknown[]).includes(p.severity)) phrase.severity = p.severity as Severity;
  return phrase;
}

function cleanPhrases(value: unknown): CustomPhrase[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const seen = new Set<string>();
  const out: CustomPhrase[] = [];
  for (const p of value) {
    if (out.length >= SETTINGS_LIMITS.phrases) break;
    const phrase = cleanPhrase(p);
    if (!phrase || seen.has(phraseKey(phrase.avoid))) continue;
    seen.add(phraseKey(phrase.avoid));
    out.push(phrase);
  }
  return out;
}

function cleanSites(value: unknown): Record<string, boolean> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, boolean> = {};
  let kept = 0;
  for (const [site, on] of Object.entries(value)) {
    if (kept >= SETTINGS_LIMITS.sites) break;
    if (typeof on !== 'boolean' || !isSiteHost(site)) continue;
    out[site.toLowerCase()] = on;
    kept++;
  }
  return out;
}

function cleanList<T extends string>(value: unknown, keep: (x: unknown) => x is T, max: number): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return [...new Set(value.filter(keep))].slice(0, max);
}

const isCategory = (x: unknown): x is Category => (CATEGORIES as readonly unknown[]).includes(x);
const isRuleId = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '' && x.length <= SETTINGS_LIMITS.ruleIdChars;

/** Only the fields of a stored object that are usable, each cleaned; a field absent or of the wrong type is left out. */
export function usableSettingsFields(stored: unknown): Partial<Settings> {
  if (!isRecord(stored)) return {};
  const out: Partial<Settings> = {};
  if (typeof stored.enabled === 'boolean') out.enabled = stored.enabled;
  const sites = cleanSites(stored.sites);
  if (sites) out.sites = sites;
  const categories = cleanList(stored.disabledCategories, isCategory, CATEGORIES.length);
  if (categories) out.disabledCategories = categories;
  const rules = cleanList(stored.disabledRules, isRuleId, SETTINGS_LIMITS.disabledRules);
  if (rules) out.disabledRules = rules;
  if (stored.sensitivity === 'low' || stored.sensitivity === 'normal' || stored.sensitivity === 'high') out.sensitivity = stored.sensitivity;
  const phrases = cleanPhrases(stored.customPhrases);
  if (phrases) out.customPhrases = phrases;
  if (stored.voice === 'formal' || stored.voice === 'warm') out.voice = stored.voice;
  return out;
}

/** Settings to analyse with, whatever was stored: every usable field kept, every other one at its default. */
export function cleanSettings(stored: unknown): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...usableSettingsFields(stored) };
}

/**
 * The user's own stored settings with one more rule turned off (the card's "turn off this rule"), or undefined when
 * it is off already. Only the fields the user set are kept: the policy's and the built-in values are applied when
 * reading, and writing them here would make them the user's choice.
 */
export function ownSettingsWithRuleOff(stored: unknown, ruleId: string): Partial<Settings> | undefined {
  const own = usableSettingsFields(stored);
  const disabledRules = own.disabledRules ?? [];
  if (disabledRules.includes(ruleId)) return undefined;
  return { ...own, disabledRules: [...disabledRules, ruleId] };
}
