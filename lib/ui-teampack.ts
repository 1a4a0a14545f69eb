// A team pack: every shareable setting as one JSON file. Import validates the
// whole file first and reports every problem in plain words; the current
// settings are only replaced by a pack that passed.
import { CATEGORIES, type Category, type CustomPhrase, type Severity } from '../analyzers/types.ts';
import { MAX_TEAM_PHRASES } from '../analyzers/limits.ts';
import { MAX_PHRASE_CHARS } from '../analyzers/phrases/literal.ts';
import type { Settings } from './settings.ts';

export const TEAM_PACK_FORMAT = 'tactful-team-pack';
export const TEAM_PACK_VERSION = 1;

/** Settings a team shares (the master on/off switch stays personal). */
export type TeamSettings = Omit<Settings, 'enabled'>;

export interface TeamPack {
  format: typeof TEAM_PACK_FORMAT;
  version: typeof TEAM_PACK_VERSION;
  exportedAt: string;
  settings: TeamSettings;
}

export type PackResult = { ok: true; settings: TeamSettings } | { ok: false; errors: string[] };

const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
const SENSITIVITIES = ['low', 'normal', 'high'] as const;
const VOICES = ['formal', 'warm'] as const;
const MAX_PHRASE_LENGTH = MAX_PHRASE_CHARS;
/** Caps on what one pack may hold: a pack is shared by many, and every analysis reads it. */
export const PACK_LIMITS = {
  /** Characters of the file itself. */
  fileChars: 512 * 1024,
  phrases: MAX_TEAM_PHRASES,
  /** Characters of a phrase's "prefer" and "note". */
  fieldChars: 500,
  sites: 200,
  disabledRules: 2_000,
  ruleIdChars: 120,
} as const;

export function exportTeamPack(settings: Settings, now: Date = new Date()): TeamPack {
  const { enabled: _personal, ...shared } = settings;
  return { format: TEAM_PACK_FORMAT, version: TEAM_PACK_VERSION, exportedAt: now.toISOString(), settings: structuredClone(shared) };
}

export function teamPackFileName(now: Date = new Date()): string {
  return `tactful-team-pack-${now.toISOString().slice(0, 10)}.json`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) =>
  Array.isArray(v) ? 'a list' : v === null ? 'empty (null)' : typeof v === 'string' ? `"${v}"` : typeof v === 'object' ? 'an object' : String(v);

/** Parses and validates a team pack file's text. */
export function parseTeamPack(text: string): PackResult {
  if (text.length > PACK_LIMITS.fileChars) return { ok: false, errors: [`The file is larger than ${PACK_LIMITS.fileChars / 1024} KB; a team pack is much smaller.`] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`The file is not valid JSON (${(error as Error).message}).`] };
  }
  return validateTeamPack(data);
}

export function validateTeamPack(data: unknown): PackResult {
  if (!isRecord(data)) return { ok: false, errors: ['The file does not contain a team pack object.'] };
  if (data.format !== TEAM_PACK_FORMAT) {
    return { ok: false, errors: [`This is not a Tactful team pack ("format" should be "${TEAM_PACK_FORMAT}").`] };
  }
  if (data.version !== TEAM_PACK_VERSION) {
    return { ok: false, errors: [`Unsupported team pack version ${describe(data.version)}; this version of Tactful reads version ${TEAM_PACK_VERSION}.`] };
  }
  const s = data.settings;
  if (!isRecord(s)) return { ok: false, errors: ['"settings" is missing or is not an object.'] };

  const errors: string[] = [];
  const sites: Record<string, boolean> = {};
  if (!isRecord(s.sites)) errors.push('"sites" must be an object of site → true/false.');
  else if (Object.keys(s.sites).length > PACK_LIMITS.sites) errors.push(`"sites" lists more than ${PACK_LIMITS.sites} sites.`);
  else
    for (const [site, on] of Object.entries(s.sites)) {
      if (typeof on !== 'boolean') errors.push(`Site "${site}": value must be true or false, not ${describe(on)}.`);
      else if (!/^(\*\.)?[a-z0-9.-]+$/i.test(site)) errors.push(`Site "${site}" is not a host name.`);
      else sites[site.toLowerCase()] = on;
    }

  const disabledCategories: Category[] = [];
  if (!Array.isArray(s.disabledCategories)) errors.push('"disabledCategories" must be a list.');
  else
    for (const c of s.disabledCategories) {
      if ((CATEGORIES as readonly unknown[]).includes(c)) disabledCategories.push(c as Category);
      else errors.push(`Unknown category ${describe(c)} in "disabledCategories" (known: ${CATEGORIES.join(', ')}).`);
    }

  const disabledRules: string[] = [];
  if (!Array.isArray(s.disabledRules)) errors.push('"disabledRules" must be a list of rule ids.');
  else if (s.disabledRules.length > PACK_LIMITS.disabledRules) errors.push(`"disabledRules" lists more than ${PACK_LIMITS.disabledRules} rules.`);
  else
    for (const r of s.disabledRules) {
      if (typeof r === 'string' && r.trim() && r.length <= PACK_LIMITS.ruleIdChars) disabledRules.push(r.trim());
      else errors.push(`Rule id ${describe(r)} in "disabledRules" is not a text id.`);
    }

  if (!(SENSITIVITIES as readonly unknown[]).includes(s.sensitivity)) {
    errors.push(`"sensitivity" must be low, normal or high, not ${describe(s.sensitivity)}.`);
  }
  if (!(VOICES as readonly unknown[]).includes(s.voice)) errors.push(`"voice" must be formal or warm, not ${describe(s.voice)}.`);

  const customPhrases: CustomPhrase[] = [];
  if (!Array.isArray(s.customPhrases)) errors.push('"customPhrases" must be a list.');
  else if (s.customPhrases.length > PACK_LIMITS.phrases) errors.push(`"customPhrases" holds ${s.customPhrases.length} phrases; a pack may hold at most ${PACK_LIMITS.phrases}.`);
  else
    s.customPhrases.forEach((p, i) => {
      const row = `Phrase ${i + 1}`;
      const result = validatePhrase(p);
      if (typeof result === 'string') errors.push(`${row}: ${result}`);
      else customPhrases.push(result);
    });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      sites,
      disabledCategories: [...new Set(disabledCategories)],
      disabledRules: [...new Set(disabledRules)],
      sensitivity: s.sensitivity as TeamSettings['sensitivity'],
      customPhrases,
      voice: s.voice as TeamSettings['voice'],
    },
  };
}

/** A team phrase row, or the reason it is not usable. Also used by the options form. */
export function validatePhrase(p: unknown): CustomPhrase | string {
  if (!isRecord(p)) return 'must be an object with at least "avoid".';
  const avoid = typeof p.avoid === 'string' ? p.avoid.trim() : '';
  if (!avoid) return '"avoid" is empty.';
  if (avoid.length > MAX_PHRASE_LENGTH) return `"avoid" is longer than ${MAX_PHRASE_LENGTH} characters.`;
  const phrase: CustomPhrase = { avoid };
  for (const key of ['prefer', 'note'] as const) {
    const value = p[key];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') return `"${key}" must be text.`;
    if (value.length > PACK_LIMITS.fieldChars) return `"${key}" is longer than ${PACK_LIMITS.fieldChars} characters.`;
    if (value.trim()) phrase[key] = value.trim();
  }
  if (p.category !== undefined) {
    if (!(CATEGORIES as readonly unknown[]).includes(p.category)) return `unknown category ${describe(p.category)}.`;
    phrase.category = p.category as Category;
  }
  if (p.severity !== undefined) {
    if (!(SEVERITIES as readonly unknown[]).includes(p.severity)) return `severity must be info, warning or error, not ${describe(p.severity)}.`;
    phrase.severity = p.severity as Severity;
  }
  return phrase;
}

/** Current settings with a validated pack applied; the personal master switch is kept. */
export function applyTeamPack(current: Settings, pack: TeamSettings): Settings {
  return { ...current, ...structuredClone(pack), enabled: current.enabled };
}
