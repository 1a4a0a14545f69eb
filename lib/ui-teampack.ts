// A team pack: every shareable setting as one JSON file. Import validates the
// whole file first and reports every problem in plain words; a pack may hold
// only some settings (a phrase list alone). The options page previews what a
// pack would change, merged into the current settings or replacing them.
import { CATEGORIES, type Category, type CustomPhrase, type Severity } from '../analyzers/types.ts';
import { MAX_PHRASE_CHARS } from '../analyzers/phrases/literal.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';
import { SETTINGS_LIMITS } from './settings-clean.ts';
import { isSiteHost } from './site-host.ts';

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

/** What a pack sets; a setting it leaves out stays as it is. */
export type PackSettings = Partial<TeamSettings>;

export type PackResult = { ok: true; settings: PackSettings } | { ok: false; errors: string[] };

/** Merge: the pack's lists join yours (its version of a phrase wins). Replace: each setting the pack holds replaces yours. */
export type PackMode = 'merge' | 'replace';

const SHARED_KEYS = ['sites', 'disabledCategories', 'disabledRules', 'sensitivity', 'customPhrases', 'voice'] as const satisfies readonly (keyof TeamSettings)[];

const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
const SENSITIVITIES = ['low', 'normal', 'high'] as const;
const VOICES = ['formal', 'warm'] as const;
const MAX_PHRASE_LENGTH = MAX_PHRASE_CHARS;
/** Caps on what one pack may hold: a pack is shared by many, and every analysis reads it. The settings' own caps (one source), plus the file size. */
export const PACK_LIMITS = {
  /** Characters of the file itself. */
  fileChars: 512 * 1024,
  ...SETTINGS_LIMITS,
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
  const given = data.settings;
  if (!isRecord(given)) return { ok: false, errors: ['"settings" is missing or is not an object.'] };
  // A pack may hold only some settings (a phrase list alone): check what it holds, keep only that.
  const present = SHARED_KEYS.filter((k) => given[k] !== undefined);
  if (present.length === 0) return { ok: false, errors: ['The pack holds no settings to import.'] };
  const { enabled: _personal, ...defaults } = DEFAULT_SETTINGS;
  const s: Record<string, unknown> = { ...structuredClone(defaults), ...given };

  const errors: string[] = [];
  const sites: Record<string, boolean> = {};
  if (!isRecord(s.sites)) errors.push('"sites" must be an object of site → true/false.');
  else if (Object.keys(s.sites).length > PACK_LIMITS.sites) errors.push(`"sites" lists more than ${PACK_LIMITS.sites} sites.`);
  else
    for (const [site, on] of Object.entries(s.sites)) {
      if (typeof on !== 'boolean') errors.push(`Site "${site}": value must be true or false, not ${describe(on)}.`);
      else if (!isSiteHost(site)) errors.push(`Site "${site}" is not a site address like support.example.com or *.example.com (a whole top-level domain such as *.com, a public suffix such as co.uk, or an IP address is not accepted).`);
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
  const firstRow = new Map<string, number>();
  if (!Array.isArray(s.customPhrases)) errors.push('"customPhrases" must be a list.');
  else if (s.customPhrases.length > PACK_LIMITS.phrases) errors.push(`"customPhrases" holds ${s.customPhrases.length} phrases; a pack may hold at most ${PACK_LIMITS.phrases}.`);
  else
    s.customPhrases.forEach((p, i) => {
      const row = `Phrase ${i + 1}`;
      const result = validatePhrase(p);
      if (typeof result === 'string') return void errors.push(`${row}: ${result}`);
      // The same phrase twice would flag the same words twice, perhaps with different advice.
      const earlier = firstRow.get(phraseKey(result.avoid));
      if (earlier !== undefined) return void errors.push(`${row}: "${result.avoid}" is already phrase ${earlier + 1}.`);
      firstRow.set(phraseKey(result.avoid), i);
      customPhrases.push(result);
    });

  if (errors.length) return { ok: false, errors };
  const full: TeamSettings = {
    sites,
    disabledCategories: [...new Set(disabledCategories)],
    disabledRules: [...new Set(disabledRules)],
    sensitivity: s.sensitivity as TeamSettings['sensitivity'],
    customPhrases,
    voice: s.voice as TeamSettings['voice'],
  };
  return { ok: true, settings: Object.fromEntries(present.map((k) => [k, full[k]])) as PackSettings };
}

/** Two phrases are the same when they differ only in case and spacing. */
export const phraseKey = (avoid: string) => avoid.trim().replace(/\s+/g, ' ').toLowerCase();

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
export function applyTeamPack(current: Settings, pack: PackSettings, mode: PackMode = 'replace'): Settings {
  const p = structuredClone(pack);
  if (mode === 'replace') return { ...current, ...p, enabled: current.enabled };
  const phrases = new Map(current.customPhrases.map((x) => [phraseKey(x.avoid), x]));
  for (const x of p.customPhrases ?? []) phrases.set(phraseKey(x.avoid), x);
  return {
    ...current,
    sites: { ...current.sites, ...(p.sites ?? {}) },
    disabledCategories: [...new Set([...current.disabledCategories, ...(p.disabledCategories ?? [])])],
    disabledRules: [...new Set([...current.disabledRules, ...(p.disabledRules ?? [])])],
    sensitivity: p.sensitivity ?? current.sensitivity,
    voice: p.voice ?? current.voice,
    customPhrases: [...phrases.values()],
    enabled: current.enabled,
  };
}

const quoted = (list: string[], max = 3) =>
  `${list.slice(0, max).map((x) => `“${x}”`).join(', ')}${list.length > max ? ` and ${list.length - max} more` : ''}`;
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What applying the pack would change, one line per change, in plain words (empty: nothing changes). */
export function describePackChanges(current: Settings, pack: PackSettings, mode: PackMode): string[] {
  const next = applyTeamPack(current, pack, mode);
  const lines: string[] = [];
  const before = new Map(current.customPhrases.map((x) => [phraseKey(x.avoid), x]));
  const after = new Map(next.customPhrases.map((x) => [phraseKey(x.avoid), x]));
  const added = [...after.keys()].filter((k) => !before.has(k)).map((k) => after.get(k)!.avoid);
  const removed = [...before.keys()].filter((k) => !after.has(k)).map((k) => before.get(k)!.avoid);
  const changed = [...after.keys()]
    .filter((k) => before.has(k) && JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)))
    .map((k) => after.get(k)!.avoid);
  if (added.length) lines.push(`Adds ${count(added.length, 'phrase', 'phrases')}: ${quoted(added)}`);
  if (changed.length) lines.push(`Updates ${count(changed.length, 'phrase', 'phrases')}: ${quoted(changed)}`);
  if (removed.length) lines.push(`Removes ${count(removed.length, 'of your phrases', 'of your phrases')}: ${quoted(removed)}`);
  if (next.sensitivity !== current.sensitivity) lines.push(`Sensitivity: ${current.sensitivity} → ${next.sensitivity}`);
  if (next.voice !== current.voice) lines.push(`Voice of suggested replies: ${current.voice} → ${next.voice}`);
  const offCats = next.disabledCategories.filter((c) => !current.disabledCategories.includes(c));
  const onCats = current.disabledCategories.filter((c) => !next.disabledCategories.includes(c));
  if (offCats.length) lines.push(`Turns off checks for: ${offCats.join(', ').replace(/_/g, ' ')}`);
  if (onCats.length) lines.push(`Turns checks back on for: ${onCats.join(', ').replace(/_/g, ' ')}`);
  const offRules = next.disabledRules.filter((r) => !current.disabledRules.includes(r));
  const onRules = current.disabledRules.filter((r) => !next.disabledRules.includes(r));
  if (offRules.length) lines.push(`Turns off ${count(offRules.length, 'rule', 'rules')}`);
  if (onRules.length) lines.push(`Turns ${count(onRules.length, 'rule', 'rules')} back on`);
  for (const [host, on] of Object.entries(next.sites)) if (current.sites[host] !== on) lines.push(`${host}: ${on ? 'on' : 'off'}`);
  return lines;
}
