// Sentence-aware rewrites for one phrase finding: the rule's static suggestion
// is a template on the match; here the whole sentence is rewritten (tense,
// person, agreement, no dangling "but", no double apology) and the change is
// expressed as a replacement of the finding's span when it fits inside it.
import type { AnalysisContext } from '../context.ts';
import type { Finding, Suggestion } from '../types.ts';
import { readDraft } from '../text/draft.ts';
import { containsFact, extractFacts } from '../facts.ts';
import { APOLOGY, NON_APOLOGY } from '../lexicon/agent-cues.ts';
import { removePhrase, rewriteSentence } from './sentence.ts';
import { lowerFirst } from './tidy.ts';
import { newPromises } from './invariants.ts';
import { gateSuggestions } from './gate.ts';

/** One label per option, so the side panel's buttons tell the options apart. */
const LABELS: Record<string, string[]> = {
  defensive: ['Drop the defensive framing', 'Restate neutrally', 'Offer to look into it'],
  blame: ['Say it without blame', 'Describe it from your side', 'Offer to help'],
  sarcasm: ['Say it sincerely', 'Drop the remark', 'Drop the remark'],
  dismissive: ['Acknowledge it', 'Keep the content only', 'Acknowledge the hassle'],
  non_apology: ['Apologize sincerely', 'Own the mistake', 'Apologize for the trouble'],
  policy_shield: ['Offer an alternative', 'Say what you can do', 'Drop the policy reference'],
  overpromise: ['Promise only what you can keep', 'Say what you are doing', 'Drop the promise'],
  shouting: ['Sentence case', 'Sentence case', 'Sentence case'],
  insult: ['Drop the label', 'Ask what they need', 'Drop the label'],
};

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

/** Longest sentence rewritten as a whole; longer ones are pasted logs or run-ons. */
const MAX_SENTENCE = 600;

/** Returns 1–3 replacements for reply.slice(finding.start, finding.end) that read naturally in the sentence. */
export function rewriteFinding(reply: string, finding: Finding, context: AnalysisContext): Suggestion[] {
  if (finding.start === finding.end || finding.category.startsWith('missing_')) return finding.suggestions;
  // The draft reader knows greetings and abbreviations; on pathological input (pasted logs) it is slow, so scan locally.
  const sentence =
    reply.length <= 5000
      ? readDraftOnce(reply).sentences.find((s) => finding.start >= s.start && finding.start < s.end)
      : sentenceAround(reply, finding.start, finding.end);
  // A run-on paragraph is no sentence to rewrite (and parsing it per finding costs seconds): offer the rule's wording.
  if (!sentence || sentence.end - sentence.start > MAX_SENTENCE) return gateSuggestions(reply, finding, finding.suggestions, context).slice(0, 3);
  const relStart = finding.start - sentence.start;
  const relEnd = Math.min(finding.end, sentence.end) - sentence.start;
  const elsewhere = (reply.slice(0, sentence.start) + '\n' + reply.slice(sentence.end)).toLowerCase().split(/(?<=[.!?])\s+|\n+/);
  const ctx = {
    problem: context.customer.problem,
    apologizedElsewhere: elsewhere.some((t) => APOLOGY.test(t) && !NON_APOLOGY.test(t)),
  };
  const candidates = rewriteSentence(sentence.text, relStart, relEnd, finding.category, ctx).filter((c) => c !== sentence.text && keepsFacts(sentence.text, c));
  if (candidates.length === 0) {
    const removed = removePhrase(sentence.text, relStart, relEnd);
    if (removed !== sentence.text && keepsFacts(sentence.text, removed)) candidates.push(removed);
  }
  // After "Hi Dana, " on the same line the sentence continues in lower case.
  if (/,[ \t]*$/.test(reply.slice(0, sentence.start)) && /^\p{Ll}/u.test(sentence.text)) candidates.forEach((c, i) => (candidates[i] = lowerFirst(c)));
  const toSg = (c: string, i: number) => toSuggestion(reply, finding, sentence.start, sentence.end, c, LABELS[finding.category]?.[i] ?? 'Rephrase');
  const out = gateSuggestions(reply, finding, candidates.map(toSg), context).slice(0, 3);
  if (out.length > 0) return out;
  // A second pass on each candidate catches a second move of the same kind ("I guarantee this will never happen again").
  const again = candidates
    .filter((c) => c !== '')
    .flatMap((c) => rewriteSentence(c, 0, c.length, finding.category, ctx))
    .filter((c, i, all) => c !== sentence.text && all.indexOf(c) === i && keepsFacts(sentence.text, c));
  const second = gateSuggestions(reply, finding, again.map(toSg), context).slice(0, 3);
  if (second.length > 0) return second;
  // The rule's own suggestions, when they pass the same gate.
  const fromRule = gateSuggestions(reply, finding, finding.suggestions, context);
  if (fromRule.length > 0) return fromRule.slice(0, 3);
  // Last resort: remove only the flagged phrase, when that loses no fact and reads as a sentence.
  const removed = removePhrase(sentence.text, relStart, relEnd);
  if (removed === sentence.text) return [];
  return gateSuggestions(reply, finding, [toSuggestion(reply, finding, sentence.start, sentence.end, removed, 'Remove this phrase')], context);
}
