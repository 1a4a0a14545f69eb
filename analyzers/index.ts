// The Tactful engine: pure TypeScript, no DOM, no browser APIs. Runs in Node
// (`npx tsx`), in the extension, and in tests.
import { capFindings } from './limits.ts';
import { LruMap } from './text/memo.ts';
import { readDraft, type Draft, type Sentence } from './text/draft.ts';
import { readCustomer } from './customer.ts';
import { applySensitivity, findPhraseIssues } from './phrases/index.ts';
import { rewriteContextKey, rewriteFinding } from './rewrite/finding.ts';
import { provenInReply } from './rewrite/verify.ts';
import { findMissingPieces } from './missing.ts';
import { buildChecklist } from './checklist.ts';
import { scorePoliteness } from './tone.ts';
import { combineWithModel, judgeMissingPieces } from './model/index.ts';
import type { AnalysisContext, CustomerReport } from './context.ts';
import type { AnalyzeInput, AnalyzeOptions, AnalyzeResult, Analyzer, Channel, Finding } from './types.ts';

export * from './types.ts';
export { readDraft } from './text/draft.ts';
export { readCustomer } from './customer.ts';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * A rewrite that throws must not cost the user the finding. An empty result is
 * an answer: no suggestion passed the quality gate (analyzers/rewrite/gate.ts),
 * and the rule's raw template, unchecked, would read worse than none.
 */
function safeRewrite(reply: string, finding: Finding, context: AnalysisContext): Finding['suggestions'] {
  try {
    const out = rewriteFinding(reply, finding, context);
    return Array.isArray(out) ? out.slice(0, 3) : [];
  } catch {
    return [];
  }
}

type Positioned = { start?: unknown; end?: unknown };

/** Moves any absolute start/end a rewrite attached to its suggestions by `delta`. */
function shiftSuggestions(suggestions: Finding['suggestions'], delta: number): Finding['suggestions'] {
  if (delta === 0) return suggestions;
  return suggestions.map((sg) => {
    const p = sg as typeof sg & Positioned;
    if (typeof p.start !== 'number' && typeof p.end !== 'number') return sg;
    const out = { ...sg } as typeof sg & Positioned;
    if (typeof p.start === 'number') out.start = p.start + delta;
    if (typeof p.end === 'number') out.end = p.end + delta;
    return out;
  });
}

/** The sentence holding `offset` (sentences are sorted and disjoint). */
function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * Sentence-aware rewrites are the costliest step of an update; they depend on
 * the finding, its sentence and a little of what surrounds it, so the
 * incremental analyzer caches them keyed by rule, the span's place in the
 * sentence, the sentence text and rewriteContextKey.
 */
function rewriteSuggestions(draft: Draft, finding: Finding, context: AnalysisContext, cache?: Map<string, unknown>): Finding['suggestions'] {
  const sentence = cache ? sentenceAt(draft.sentences, finding.start) : undefined;
  if (!cache || !sentence) return safeRewrite(draft.reply, finding, context);
  const key = `rw\u0000${finding.ruleId}\u0000${finding.start - sentence.start}\u0000${finding.end - sentence.start}\u0000${sentence.text}\u0000${rewriteContextKey(draft.reply, sentence.start, sentence.end)}`;
  const hit = cache.get(key) as Finding['suggestions'] | undefined;
  if (hit) return shiftSuggestions(hit, sentence.start);
  const fresh = safeRewrite(draft.reply, finding, context);
  cache.set(key, shiftSuggestions(fresh, -sentence.start));
  return fresh;
}

/**
 * How far beyond a suggestion's range provenInReply reads the reply: rewrite/verify.ts
 * re-analyzes REACH (350) characters either side, widened by up to 200 to a line or sentence
 * end. With a margin, the proof is a function of this much text around the finding.
 */
const PROOF_READS = 600;

/**
 * provenInReply, kept across keystrokes in an editor session: a keystroke elsewhere in a long
 * draft leaves the text the proof reads unchanged, and re-proving every finding's suggestions
 * on every keystroke re-analyzed two windows per finding. Keyed by that text and every offset
 * relative to it, so the answer is the one provenInReply gives.
 */
function provenSuggestions(reply: string, f: Finding, suggestions: Finding['suggestions'], context: AnalysisContext, cache?: Map<string, unknown>): Finding['suggestions'] {
  if (!cache || f.start === f.end || suggestions.length === 0) return provenInReply(reply, f, suggestions, context);
  const ranged = suggestions as (Finding['suggestions'][number] & Positioned)[];
  const a = Math.min(f.start, ...ranged.map((sg) => (typeof sg.start === 'number' ? sg.start : f.start)));
  const b = Math.max(f.end, ...ranged.map((sg) => (typeof sg.end === 'number' ? sg.end : f.end)));
  const from = Math.max(0, a - PROOF_READS);
  const to = Math.min(reply.length, b + PROOF_READS);
  const key = `pv\u0000${f.ruleId}\u0000${f.category}\u0000${f.start - from}\u0000${f.end - from}\u0000${from === 0}\u0000${to === reply.length}\u0000${JSON.stringify(shiftSuggestions(suggestions, -from))}\u0000${reply.slice(from, to)}`;
  const hit = cache.get(key) as Finding['suggestions'] | undefined;
  if (hit) return shiftSuggestions(hit, from);
  const fresh = provenInReply(reply, f, suggestions, context);
  cache.set(key, shiftSuggestions(fresh, -from));
  return fresh;
}

/**
 * A copy of the finding whose `suggestions` are rewritten and gated on first
 * read, then kept. Finding what is wrong is cheap; proving a rewrite reads well
 * re-analyzes each candidate, which costs several times the analysis itself.
 * The side panel and the card read them (as do JSON.stringify and message
 * passing); underlines, the checklist and the CLI's exit code never need them.
 */
function withLazySuggestions(f: Finding, draft: Draft, context: AnalysisContext, cache?: Map<string, unknown>): Finding {
  const out = { ...f };
  Object.defineProperty(out, 'suggestions', {
    enumerable: true,
    configurable: true,
    get(): Finding['suggestions'] {
      const value = provenSuggestions(draft.reply, f, rewriteSuggestions(draft, f, context, cache), context, cache);
      Object.defineProperty(out, 'suggestions', { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
    set(value: Finding['suggestions']) {
      Object.defineProperty(out, 'suggestions', { value, enumerable: true, configurable: true, writable: true });
    },
  });
  return out;
}

function run(
  reply: string,
  customer: CustomerReport,
  channel: Channel,
  options: AnalyzeOptions,
  cache?: Map<string, unknown>,
): AnalyzeResult {
  const draft = readDraft(reply);
  const context: AnalysisContext = { channel, customer, options };
  // Rule suggestions are templates on the match; the rewrites helper makes them fit the sentence.
  // A team's custom phrase keeps the team's own preferred wording.
  const engine = options.engine ?? 'combined';
  const rulePhrase = findPhraseIssues(draft, context, cache);
  const judged = combineWithModel(draft, context, rulePhrase, engine, cache);
  const phraseFindings = judged.map((f) => (f.ruleId.startsWith('custom/') ? f : withLazySuggestions(f, draft, context, cache)));
  const missing = judgeMissingPieces(draft, context, rulePhrase, phraseFindings, findMissingPieces(draft, context, phraseFindings), engine);
  const disabledCats = new Set(options.disabledCategories ?? []);
  const disabledRules = new Set(options.disabledRules ?? []);
  const findings = capFindings(sortFindings(
    applySensitivity(missing, options.sensitivity)
      .map((f) => withLazySuggestions(f, draft, context))
      .concat(phraseFindings)
      .filter((f) => !disabledCats.has(f.category) && !disabledRules.has(f.ruleId)),
  ));
  const { text: _text, facts: _facts, level: _level, problem: _problem, ...reading } = customer;
  return {
    findings,
    checklist: buildChecklist(draft, context, findings),
    tone: { politeness: scorePoliteness(draft) },
    customer: reading,
  };
}

/** Analyzes one reply draft (and the customer's message it answers, when known). */
export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): AnalyzeResult {
  const reply = typeof input?.reply === 'string' ? input.reply : '';
  return run(reply, readCustomer(input?.customer ?? ''), input?.channel ?? 'email', options);
}

/** Incremental cache entries kept at least; a long draft gets room for about one per two characters. */
const CACHE_ENTRIES = 5_000;

/**
 * An incremental session for editors: `update` returns what `analyze` would,
 * reusing per-sentence work for sentences that did not change and re-reading
 * the customer's message only when it changes.
 */
export function createAnalyzer(options: AnalyzeOptions & { channel?: Channel } = {}): Analyzer {
  let opts: AnalyzeOptions = options;
  const channel: Channel = options.channel ?? 'email';
  let customerText: string | undefined;
  let customer = readCustomer('');
  // Replaced, never cleared: a result handed out earlier may still fill in its
  // lazy suggestions, and must write them where the new customer or options can't see them.
  let cache = new LruMap<string, unknown>(CACHE_ENTRIES);
  return {
    update(reply: string, customerMessage?: string) {
      const text = customerMessage ?? '';
      if (text !== customerText) {
        customerText = text;
        customer = readCustomer(text);
        cache = new LruMap(CACHE_ENTRIES);
      }
      // Bound memory, least recently used first, with room for the whole draft: a wipe at a fixed size re-read every sentence of long drafts on each keystroke.
      cache.capacity = Math.max(CACHE_ENTRIES, (typeof reply === 'string' ? reply.length : 0) >> 1);
      return run(typeof reply === 'string' ? reply : '', customer, channel, opts, cache);
    },
    setOptions(next: AnalyzeOptions) {
      opts = next;
      cache = new LruMap(CACHE_ENTRIES);
    },
  };
}

export { suggestReply } from './rewrite/index.ts';
export type { SuggestedReply, ReplyEdit, SuggestOptions } from './rewrite/index.ts';
