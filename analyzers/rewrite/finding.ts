// Sentence-aware rewrites for one phrase finding: the rule's static suggestion
// is a template on the match; here the whole sentence is rewritten (tense,
// person, agreement, no dangling "but", no double apology) and the change is
// expressed as a replacement of the finding's span when it fits inside it.
import type { AnalysisContext } from '../context.ts';
import type { Finding, Suggestion } from '../types.ts';
import { readDraft } from '../text/draft.ts';
import { containsFact, extractFacts } from '../facts.ts';
import { APOLOGY, NON_APOLOGY } from '../lexicon/agent-cues.ts';
import { removePhrase, rewriteSentence, softenStatement } from './sentence.ts';
import { lowerFirst } from './tidy.ts';
import { newPromises } from './invariants.ts';
import { gateSuggestions } from './gate.ts';
import { describeRewrite, distinctLabels } from './labels.ts';
import { fitMissingPiece } from './missing-piece.ts';
import { problemsInReply } from './verify.ts';

function keepsFacts(before: string, after: string): boolean {
  return extractFacts(before).every((f) => containsFact(after, f)) && newPromises(before, after).length === 0;
}

/** Turns a sentence rewrite into a suggestion: within the span when possible, else with an explicit range. */
function toSuggestion(reply: string, finding: Finding, sStart: number, sEnd: number, rewritten: string, label: string): Suggestion {
  const old = reply.slice(sStart, sEnd);
  let a = 0;
  while (a < old.length && a < rewritten.length && old[a] === rewritten[a]) a++;
  let endOld = old.length;
  let endNew = rewritten.length;
  while (endOld > a && endNew > a && old[endOld - 1] === rewritten[endNew - 1]) {
    endOld--;
    endNew--;
  }
  let start = sStart + a;
  let end = sStart + endOld;
  let mid = rewritten.slice(a, endNew);
  if (rewritten === '') {
    // Dropping the whole sentence takes one neighbouring space with it.
    start = sStart;
    end = sEnd;
    if (/[ \t]/.test(reply[end] ?? '')) end++;
    else if (/[ \t]/.test(reply[start - 1] ?? '')) start--;
    mid = '';
  }
  if (start >= finding.start && end <= finding.end) {
    return { label, replacement: reply.slice(finding.start, start) + mid + reply.slice(end, finding.end) };
  }
  if (rewritten === '') return { label, replacement: '', start, end };
  // Reaching past the finding: offer the whole rewritten sentence, which reads on its own in the panel
  // (a minimal diff would show fragments like "Y" for "As I said, you…" → "You…").
  return { label, replacement: rewritten, start: sStart, end: sEnd };
}

/** The orchestrator asks once per finding of the same reply: read it once. */
let lastDraft: ReturnType<typeof readDraft> | undefined;
function readDraftOnce(reply: string): ReturnType<typeof readDraft> {
  if (lastDraft?.reply !== reply) lastDraft = readDraft(reply);
  return lastDraft;
}

/**
 * The sentence holding [start, end), found by scanning outwards to a line break
 * or a closing mark followed by a space. Local on purpose: re-reading the whole
 * draft for every finding would cost as much as the analysis itself.
 */
function sentenceAround(reply: string, start: number, end: number): { text: string; start: number; end: number } | undefined {
  let s = start;
  while (s > 0 && reply[s - 1] !== '\n' && !(/\s/.test(reply[s - 1]) && /[.!?…]/.test(reply[s - 2] ?? ''))) s--;
  let e = Math.max(end, start);
  while (e < reply.length && reply[e] !== '\n' && !(/[.!?…]/.test(reply[e - 1] ?? '') && /\s/.test(reply[e]) && e > start)) e++;
  while (s < e && /\s/.test(reply[s])) s++;
  while (e > s && /\s/.test(reply[e - 1])) e--;
  return e > s ? { text: reply.slice(s, e), start: s, end: e } : undefined;
}

/** The reply's sentence-like segments that apologize for real, read once per reply. */
let lastApologies: { reply: string; spans: [number, number][] } | undefined;
function apologySpans(reply: string): [number, number][] {
  if (lastApologies?.reply === reply) return lastApologies.spans;
  const spans: [number, number][] = [];
  const lower = reply.toLowerCase();
  for (const m of lower.matchAll(/[^\n]+?(?:[.!?](?=\s)|$)/gm)) {
    const t = m[0];
    if (APOLOGY.test(t) && !NON_APOLOGY.test(t)) spans.push([m.index ?? 0, (m.index ?? 0) + t.length]);
  }
  lastApologies = { reply, spans };
  return spans;
}

/** Whether the reply apologizes outside [start, end): a rewrite then need not apologize again. */
function apologizedOutside(reply: string, start: number, end: number): boolean {
  return apologySpans(reply).some(([a, b]) => b <= start || a >= end);
}

/** How far back from a sentence the rewrite and its gate look (greeting on the line, seams, the gate's 160-character window). */
const LOOK_BEHIND = 200;

/**
 * Everything outside the sentence that rewriteFinding reads, as a string: the
 * analyzer caches suggestions by sentence and must key them on this too, or a
 * cached rewrite goes stale when only its surroundings change.
 */
export function rewriteContextKey(reply: string, start: number, end: number): string {
  let from = Math.max(0, start - LOOK_BEHIND);
  const lineStart = reply.lastIndexOf('\n', start - 1) + 1;
  if (lineStart > from) from = lineStart;
  return `${reply.length <= MAX_DRAFT_READ ? 'd' : 's'}${apologizedOutside(reply, start, end) ? 'A' : '-'}${reply.slice(from, start)}\u0000${reply.slice(end, end + 2)}`;
}

/** Replies up to this length are split by the draft reader; longer ones are scanned locally. */
const MAX_DRAFT_READ = 5000;

/** Longest sentence rewritten as a whole; longer ones are pasted logs or run-ons. */
const MAX_SENTENCE = 600;

/** Returns 1–3 replacements for reply.slice(finding.start, finding.end) that read naturally in the sentence. */
export function rewriteFinding(reply: string, finding: Finding, context: AnalysisContext): Suggestion[] {
  if (finding.category.startsWith('missing_')) return fitMissingPiece(reply, finding, context);
  if (finding.start === finding.end) return finding.suggestions;
  // The draft reader knows greetings and abbreviations; on pathological input (pasted logs) it is slow, so scan locally.
  const sentence =
    reply.length <= MAX_DRAFT_READ
      ? readDraftOnce(reply).sentences.find((s) => finding.start >= s.start && finding.start < s.end)
      : sentenceAround(reply, finding.start, finding.end);
  // A run-on paragraph is no sentence to rewrite (and parsing it per finding costs seconds): offer the rule's wording.
  if (!sentence || sentence.end - sentence.start > MAX_SENTENCE) return distinctLabels(gateSuggestions(reply, finding, finding.suggestions, context).slice(0, 3));
  // The gate judges the draft only up to the end of this sentence: the analyzer caches these suggestions by
  // sentence, so a verdict that read the next line ("Best,\nMarco" typed after it) would go stale.
  const full = reply;
  const cut = Math.max(sentence.end, finding.end);
  reply = reply.slice(0, cut) + (/[ \t]/.test(reply[cut] ?? '') ? reply[cut] : '');
  const relStart = finding.start - sentence.start;
  const relEnd = Math.min(finding.end, sentence.end) - sentence.start;
  const ctx = {
    problem: context.customer.problem,
    apologizedElsewhere: apologizedOutside(full, sentence.start, sentence.end),
  };
  const candidates = rewriteSentence(sentence.text, relStart, relEnd, finding.category, ctx).filter((c) => c !== sentence.text && keepsFacts(sentence.text, c));
  if (candidates.length === 0) {
    const removed = removePhrase(sentence.text, relStart, relEnd);
    if (removed !== sentence.text && keepsFacts(sentence.text, removed)) candidates.push(removed);
  }
  // Only deletions on offer for a statement ("The page was approved last week"): keep it, softened, instead.
  if (!candidates.some((c) => c !== '')) {
    const soft = softenStatement(sentence.text, finding.category).filter((c) => c !== sentence.text && keepsFacts(sentence.text, c));
    // A softened statement that passes replaces the deletion; the deletion stays only when none does.
    const passing = gateSuggestions(reply, finding, soft.map((c) => toSuggestion(reply, finding, sentence.start, sentence.end, c, '')), context);
    if (passing.length > 0) candidates.splice(0, candidates.length, ...soft);
  }
  // What a third party reports ("the driver says he knocked and nobody answered") is the customer's information: never dropped whole.
  // (The gate sees the draft only up to this sentence, so it cannot judge that seam itself.)
  // A sentence that continues "Hi Tom, " on its line is not dropped either: the next one would read "Hi Tom, It's…".
  const afterGreeting = /,[ \t]*$/.test(reply.slice(0, sentence.start));
  const keepWhole = afterGreeting || (finding.category === 'blame' && /\b(?:says|said|reports|reported|claims|claimed|confirms|confirmed)\b/i.test(sentence.text));
  if (keepWhole) for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i] === '') candidates.splice(i, 1);
  // After "Hi Dana, " on the same line the sentence continues in lower case.
  if (/,[ \t]*$/.test(reply.slice(0, sentence.start)) && /^\p{Ll}/u.test(sentence.text)) candidates.forEach((c, i) => (candidates[i] = lowerFirst(c)));
  // Each label says what its option does to the sentence, not where it sits in the list.
  const lower = /,[ \t]*$/.test(reply.slice(0, sentence.start)) && /^\p{Ll}/u.test(sentence.text);
  const toSg = (raw: string) => {
    const c = lower ? lowerFirst(raw) : raw;
    return toSuggestion(reply, finding, sentence.start, sentence.end, c, describeRewrite(sentence.text, c, finding.category));
  };
  // A second pass on each candidate catches a second move of the same kind ("I guarantee this will never happen again").
  const again = () =>
    candidates
      .filter((c) => c !== '')
      .flatMap((c) => rewriteSentence(c, 0, c.length, finding.category, ctx))
      .filter((c, i, all) => c !== sentence.text && all.indexOf(c) === i && keepsFacts(sentence.text, c))
      .map(toSg);
  // Last resorts: the statement softened, then only the flagged phrase removed, when that loses no fact and reads as a sentence.
  const softened = () => softenStatement(sentence.text, finding.category).filter((c) => c !== sentence.text && keepsFacts(sentence.text, c)).map(toSg);
  const removed = () => {
    const r = removePhrase(sentence.text, relStart, relEnd);
    return r === sentence.text || (r === '' && keepWhole) ? [] : [toSg(r)];
  };
  const ruleTemplates = () => finding.suggestions;
  const pools: (() => Suggestion[])[] = [() => candidates.map(toSg), again, ruleTemplates, softened, removed];
  // Pools in order of preference. The sentence-local gate passes a candidate; the reply then proves it
  // (verify.ts: the flag goes, nothing new is flagged, read in the whole reply as the tone model reads it).
  // A candidate the gate passes but the reply does not is not the last word: the next pools may hold one
  // that both pass, and those come first. The analyzer proves them again against the current reply.
  // A deletion from a later pool is offered only when no rewrite is: the first pool's deletions are the
  // families' own answer ("Honestly, …" goes), a later one only a way out.
  const gated: Suggestion[] = [];
  const proven: Suggestion[] = [];
  const laterDeletions: Suggestion[] = [];
  const seen = new Set<string>();
  pools.forEach((pool, p) => {
    if (proven.length >= 3) return;
    // The rule's templates know nothing of the sentence ("…, so let's fix it together version for your OS"),
    // and a bare cut can strand words the gate misses ("The migration is complete downtime…"): both are
    // consulted only when no rewrite of the sentence passed the gate, as before.
    if ((pool === ruleTemplates || pool === removed) && gated.length > 0) return;
    for (const sg of gateSuggestions(reply, finding, pool(), context)) {
      const key = `${sg.start ?? ''}:${sg.end ?? ''}:${sg.replacement}`;
      if (seen.has(key)) continue;
      seen.add(key);
      gated.push(sg);
      if (!provesInReply(full, finding, sg, context)) continue;
      if (p > 0 && sg.replacement.trim() === '') laterDeletions.push(sg);
      else proven.push(sg);
    }
  });
  if (proven.length === 0) proven.push(...laterDeletions);
  const ordered = [...proven, ...gated.filter((sg) => !proven.includes(sg) && !laterDeletions.includes(sg))];
  return distinctLabels(ordered.slice(0, 3));
}

/** Whether a suggestion reads clean in the whole reply; a proof that throws proves nothing. */
function provesInReply(reply: string, finding: Finding, sg: Suggestion, context: AnalysisContext): boolean {
  try {
    return problemsInReply(reply, finding, sg, context).length === 0;
  } catch {
    return false;
  }
}
