// Phrase rules (rules/**/*.yml, compiled to rules/compiled.json) matched per
// sentence of the agent's own words. Cheap regex triggers run first; context
// conditions (predicates.ts) are checked only for a match; results are cached
// per sentence text + the reply-level facts they depend on, so an edit re-reads
// only the edited sentence.
import compiled from '../../rules/compiled.json' with { type: 'json' };
import type { Draft, Sentence } from '../text/draft.ts';
import type { AnalysisContext } from '../context.ts';
import type { AnalyzeOptions, Category, CustomPhrase, Finding, Severity } from '../types.ts';
import { PHRASE_CATEGORIES } from '../types.ts';
import type { CompiledRule } from './rule.ts';
import { MAX_TEAM_PHRASES } from '../limits.ts';
import { literalPhraseSource } from './literal.ts';
import { wordBeginnings } from './pattern.ts';
import { AGENT_ACTION, COMPLETED_ACTION, OWNERSHIP, RESEND, PREDICATES, clauseBounds, type ReplyFacts } from './predicates.ts';
import { DETECTOR_FUNCTIONS } from './detectors.ts';

export const BUILT_IN_RULES: readonly CompiledRule[] = (compiled as { rules: CompiledRule[] }).rules;

interface ReadyRule {
  rule: CompiledRule;
  regexes: RegExp[];
}

/** A sentence's findings with offsets relative to the sentence. */
type SentenceFinding = Omit<Finding, 'text'>;

/** Per-sentence results, cached by the incremental analyzer keyed on sentence text + context key. */
export type SentenceCache = Map<string, unknown>;

const MAX_SENTENCE_CHARS = 20_000;
const MAX_MATCHES_PER_RULE = 20;

function ready(rule: CompiledRule): ReadyRule {
  return { rule, regexes: rule.regexes.map((source) => new RegExp(source, rule.flags)) };
}

const builtIns: ReadyRule[] = BUILT_IN_RULES.map(ready);

/** Custom phrases compiled once per distinct list (settings change rarely). */
const customCache = new Map<string, ReadyRule[]>();

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'phrase';
}

export function customPhraseRules(phrases: CustomPhrase[] | undefined): ReadyRule[] {
  if (!Array.isArray(phrases) || phrases.length === 0) return [];
  const key = JSON.stringify(phrases);
  const hit = customCache.get(key);
  if (hit) return hit;
  const out: ReadyRule[] = [];
  for (const p of phrases.slice(0, MAX_TEAM_PHRASES)) {
    if (!p || typeof p.avoid !== 'string' || p.avoid.trim() === '') continue;
    // Literal text only: a team phrase never runs as a pattern or a raw regex.
    const source = literalPhraseSource(p.avoid);
    if (source === undefined) continue;
    const category: Category = p.category && PHRASE_CATEGORIES.includes(p.category) ? p.category : 'dismissive';
    const rule: CompiledRule = {
      id: `custom/${slug(p.avoid)}`,
      category,
      severity: p.severity ?? 'warning',
      message: p.note?.trim() || `Your team prefers not to write "${p.avoid.trim()}".`,
      rationale: `Team phrase list: "${p.avoid.trim()}"${p.prefer ? ` → "${p.prefer}"` : ''}.`,
      suggestions: p.prefer !== undefined ? [{ label: `Use "${p.prefer}"`, replacement: p.prefer }] : [{ label: 'Remove it', replacement: '' }],
      examples: { flag: [], pass: [] },
      regexes: [source],
      flags: 'gi',
      unless: [],
      requires: [],
    };
    out.push(ready(rule));
  }
  if (customCache.size > 20) customCache.clear();
  customCache.set(key, out);
  return out;
}

/** Template: {match} → the matched text, {lower} → it in lower case, {first} → its first character, {1}… → captures. Keeps a capital at sentence start. */
function fill(template: string, match: RegExpExecArray | { 0: string }): string {
  let out = template.replace(/\{(match|lower|first|\d)\}/g, (_, k: string) => {
    if (k === 'match') return match[0];
    if (k === 'lower') return match[0].toLowerCase();
    if (k === 'first') return match[0].slice(0, 1);
    return (match as RegExpExecArray)[Number(k)] ?? '';
  });
  if (/^\p{Lu}/u.test(match[0]) && /^\p{Ll}/u.test(out)) out = out[0].toUpperCase() + out.slice(1);
  return out;
}

function conditionsHold(rule: CompiledRule, sentence: string, start: number, end: number, facts: ReplyFacts): boolean {
  const m = { sentence, start, end, facts };
  for (const name of rule.requires ?? []) if (!PREDICATES[name]?.(m)) return false;
  for (const name of rule.unless ?? []) if (PREDICATES[name]?.(m)) return false;
  return true;
}

function findingFor(rule: CompiledRule, start: number, end: number, match: RegExpExecArray | { 0: string }, sentence: string): SentenceFinding {
  let s = start;
  let e = end;
  if (rule.span === 'clause') [s, e] = clauseBounds(sentence, start, end);
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    start: s,
    end: e,
    message: rule.message,
    rationale: rule.rationale,
    // Suggestions are templated on the pattern match; a clause span keeps the rest of the clause around it.
    suggestions: rule.suggestions.map((sg) => {
      const replacement = fill(sg.replacement, match);
      return { label: sg.label, replacement: sentence.slice(s, start) + replacement + sentence.slice(end, e) };
    }),
  };
}

/** Which patterns can match a sentence, from the word beginnings their triggers need (see patternTriggers). */
interface TriggerIndex {
  byWord: Map<string, number[]>;
  always: number[];
  count: number;
}
const triggerIndexes = new WeakMap<ReadyRule[], TriggerIndex>();

function triggerIndex(rules: ReadyRule[]): TriggerIndex {
  let index = triggerIndexes.get(rules);
  if (index) return index;
  index = { byWord: new Map(), always: [], count: 0 };
  for (const { rule, regexes } of rules) {
    for (let i = 0; i < regexes.length; i++) {
      const id = index.count++;
      const words = rule.triggers?.[i];
      if (!words) {
        index.always.push(id);
        continue;
      }
      for (const w of words) {
        const ids = index.byWord.get(w);
        if (ids) ids.push(id);
        else index.byWord.set(w, [id]);
      }
    }
  }
  triggerIndexes.set(rules, index);
  return index;
}

/** One flag per pattern of `rules`, in order: 1 when the sentence has a word its trigger needs. */
function activePatterns(text: string, rules: ReadyRule[]): Uint8Array {
  const index = triggerIndex(rules);
  const active = new Uint8Array(index.count);
  for (const id of index.always) active[id] = 1;
  for (const w of wordBeginnings(text.toLowerCase())) {
    const ids = index.byWord.get(w);
    if (ids) for (const id of ids) active[id] = 1;
  }
  return active;
}

/** All findings of the given rules in one sentence (offsets relative to the sentence). */
export function matchSentence(sentence: string, rules: ReadyRule[], facts: ReplyFacts): SentenceFinding[] {
  const text = sentence.length > MAX_SENTENCE_CHARS ? sentence.slice(0, MAX_SENTENCE_CHARS) : sentence;
  const out: SentenceFinding[] = [];
  const active = activePatterns(text, rules);
  let id = -1;
  for (const { rule, regexes } of rules) {
    if (rule.detector) {
      for (const hit of DETECTOR_FUNCTIONS[rule.detector]?.(text) ?? []) {
        if (!conditionsHold(rule, text, hit.start, hit.end, facts)) continue;
        out.push(findingFor(rule, hit.start, hit.end, { 0: text.slice(hit.start, hit.end) }, text));
      }
      continue;
    }
    for (let i = 0; i < regexes.length; i++) {
      if (!active[++id]) continue;
      const re = regexes[i];
      re.lastIndex = 0;
      let count = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) && count++ < MAX_MATCHES_PER_RULE) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        if (conditionsHold(rule, text, start, end, facts)) out.push(findingFor(rule, start, end, m, text));
      }
    }
  }
  return dedupe(out);
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** One finding per rule per overlapping region; within a category, a stronger hit hides a weaker overlapping one. */
function dedupe(findings: SentenceFinding[]): SentenceFinding[] {
  findings.sort((a, b) => RANK[b.severity] - RANK[a.severity] || b.end - b.start - (a.end - a.start));
  const kept: SentenceFinding[] = [];
  for (const f of findings) {
    const clash = kept.some((k) => k.category === f.category && k.start < f.end && f.start < k.end);
    if (!clash) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Bits of one sentence that other sentences' conditions look at (cached by sentence text). */
const ACTION = 1;
const OWNS = 2;
const RESENDS = 4;
const DONE = 8;

function sentenceBits(text: string, cache?: Map<string, unknown>): number {
  const key = `b\u0000${text}`;
  const hit = cache?.get(key);
  if (typeof hit === 'number') return hit;
  const sample = text.length > MAX_SENTENCE_CHARS ? text.slice(0, MAX_SENTENCE_CHARS) : text;
  const bits =
    (AGENT_ACTION.test(sample) ? ACTION : 0) |
    (OWNERSHIP.test(sample) ? OWNS : 0) |
    (RESEND.test(sample) ? RESENDS : 0) |
    (COMPLETED_ACTION.test(sample) ? DONE : 0);
  cache?.set(key, bits);
  return bits;
}

/** Reply-level facts for each sentence, from cheap per-sentence regexes. */
function replyFacts(sentences: Sentence[], context: AnalysisContext, cache?: Map<string, unknown>): ReplyFacts[] {
  const bits = sentences.map((s) => sentenceBits(s.text, cache));
  // The customer reader knows a complaint from a happy "!"; without a message nothing reads as upset.
  const upset = context.customer.hasProblem === true || (context.customer.upset ?? 0) >= 0.25;
  const out: ReplyFacts[] = new Array(sentences.length);
  let actionAfter = false;
  let ownershipAfter = false;
  let resendAfter = false;
  const actionCount = bits.filter((b) => b & ACTION).length;
  for (let i = sentences.length - 1; i >= 0; i--) {
    out[i] = {
      offersAlternative: actionCount - (bits[i] & ACTION ? 1 : 0) > 0,
      actionAfter,
      ownershipAfter,
      resendAfter,
      fixBefore: i > 0 && (bits[i - 1] & DONE) !== 0,
      customerUpset: upset,
    };
    actionAfter ||= (bits[i] & ACTION) !== 0;
    ownershipAfter ||= (bits[i] & OWNS) !== 0;
    resendAfter ||= (bits[i] & RESENDS) !== 0;
  }
  return out;
}

function factsKey(f: ReplyFacts): string {
  return `${+f.offersAlternative}${+f.actionAfter}${+f.ownershipAfter}${+f.resendAfter}${+f.fixBefore}${+f.customerUpset}`;
}

const activeCache = new Map<string, ReadyRule[]>();

/** The enabled rules for these options, filtered once per distinct options. */
function activeRules(options: AnalyzeOptions): ReadyRule[] {
  const key = JSON.stringify([options.disabledRules ?? [], options.disabledCategories ?? [], options.customPhrases ?? []]);
  const hit = activeCache.get(key);
  if (hit) return hit;
  const disabledRules = new Set(options.disabledRules ?? []);
  const disabledCats = new Set(options.disabledCategories ?? []);
  const rules = [...builtIns, ...customPhraseRules(options.customPhrases)].filter(
    (r) => !disabledRules.has(r.rule.id) && !disabledCats.has(r.rule.category),
  );
  if (activeCache.size > 20) activeCache.clear();
  activeCache.set(key, rules);
  return rules;
}

/** 'low' keeps only errors; 'high' promotes borderline (info) hits to warnings. */
export function applySensitivity(findings: Finding[], sensitivity: AnalyzeOptions['sensitivity']): Finding[] {
  if (sensitivity === 'low') return findings.filter((f) => f.severity === 'error');
  if (sensitivity === 'high') return findings.map((f) => (f.severity === 'info' ? { ...f, severity: 'warning' as const } : f));
  return findings;
}

export function findPhraseIssues(draft: Draft, context: AnalysisContext, cache?: Map<string, unknown>): Finding[] {
  const rules = activeRules(context.options ?? {});
  const sentences = draft.sentences;
  const facts = replyFacts(sentences, context, cache);
  const findings: Finding[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const key = `p\u0000${factsKey(facts[i])}\u0000${s.text}`;
    let local = cache?.get(key) as SentenceFinding[] | undefined;
    if (!local) {
      local = matchSentence(s.text, rules, facts[i]);
      cache?.set(key, local);
    }
    for (const f of local) {
      const start = s.start + f.start;
      const end = s.start + f.end;
      findings.push({ ...f, start, end, text: draft.reply.slice(start, end) });
    }
  }
  return applySensitivity(findings, context.options?.sensitivity);
}

export type { Sentence };
