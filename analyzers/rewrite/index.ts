// The whole suggested reply (issue 4): every phrase finding rewritten in its
// sentence, the missing pieces inserted where they belong, greeting, sign-off
// and quoted history untouched. Works sentence by sentence and re-analyzes its
// own output, so what it hands back has no error-level finding.
import { createAnalyzer } from '../index.ts';
import { readDraft, type Sentence } from '../text/draft.ts';
import { readCustomer } from '../customer.ts';
import { containsFact, extractFacts } from '../facts.ts';
import { APOLOGY, NON_APOLOGY } from '../lexicon/agent-cues.ts';
import type { AnalyzeInput, AnalyzeOptions, Category, Finding } from '../types.ts';
import { rewriteSentence, removePhrase, softenStatement, type SentenceContext } from './sentence.ts';
import { capitalizeFirst, lowerFirst } from './tidy.ts';
import { newPromises } from './invariants.ts';
import { apologySentence, empathySentence, experienceApologySentence, followUpSentence, hashText, nextStepSentence, type InsertionContext, type Voice } from './insertions.ts';
import { defendsPoint } from './defence.ts';
import { readsWhole } from './reads-whole.ts';
import { newMechanicalProblems } from './mechanical.ts';

export interface ReplyEdit {
  start: number;
  end: number;
  replacement: string;
  reason: string;
}
export interface SuggestedReply {
  text: string;
  edits: ReplyEdit[];
}
export interface SuggestOptions extends AnalyzeOptions {
  voice?: 'formal' | 'warm';
}

const MAX_PASSES = 8;
/**
 * Sentences either side of a flagged one that are analyzed with it when a candidate is scored. Two keep
 * every sentence whose reading can change (the candidate's neighbours, whose tone features read the
 * sentences beside them) inside the window with its own neighbours, so a candidate costs the same in a
 * 2,000- or an 8,000-character reply. The reply's start (greeting, lead) or end (tail, sign-off) joins the
 * window when it reaches the first or last sentence.
 */
const SCORE_NEIGHBOURS = 2;
/** Analyses remembered by text within one suggestReply call (the same window is scored again and again). */
const MEMO_ENTRIES = 512;
/** Variants of an inserted sentence tried before settling for the first. */
const VARIANTS = 6;

const REASONS: Record<Category, string> = {
  defensive: 'Drop the defensive framing, keep the content',
  blame: 'Say what happened without blaming',
  sarcasm: 'Remove the sarcasm',
  dismissive: 'Acknowledge instead of minimizing',
  non_apology: 'Make the apology sincere',
  policy_shield: 'Offer an alternative, not only the policy',
  overpromise: 'Promise only what you can keep',
  shouting: 'Sentence case, one punctuation mark',
  insult: 'Remove the label',
  missing_empathy: 'Acknowledge how this affects them',
  missing_apology: 'Apologize for their experience',
  missing_next_step: 'Say what happens next and when',
};

interface Piece {
  sentence: Sentence;
  current: string;
  reasons: Set<string>;
  /** Categories already rewritten in this sentence. */
  handled: Set<Category>;
  /** How many times a finding survived a rewrite of this sentence: escalates to plain removal. */
  attempts: number;
  /** The writer's own bracketed note ("[Internal: refund approved by Sam]"): kept as written, never rewritten or dropped. */
  note: boolean;
  /** Facts of the reply inside the original sentence: every rewrite of it keeps them. */
  facts: string[];
}

/** A bracketed note the writer left in the draft; our own placeholders ("[date]") are lower-case words only. */
const NOTE = /\[(?![a-z][a-z ]*\])[^\]\n]+\]/;

interface Layout {
  text: string;
  /** [start, end) of each piece's current text in `text` (end === start when dropped). */
  ranges: [number, number][];
}

function layout(reply: string, pieces: Piece[], lead: string, tail: string): Layout {
  let text = '';
  let cursor = 0;
  const ranges: [number, number][] = [];
  // Laid out as the user will read it (every analysis judges this): a lead after "Hi Elif, " continues
  // the greeting's sentence in lower case, and the first sentence after a lead starts with a capital.
  let capitalize = false;
  pieces.forEach((p, i) => {
    let gap = reply.slice(cursor, p.sentence.start);
    if (i === 0 && lead) {
      gap += `${/,[ \t]*$/.test(gap) ? lowerFirst(lead) : lead} `;
      capitalize = true;
    }
    // A dropped sentence takes its leading space with it (not a paragraph break).
    if (p.current === '' && /^[ \t]*$/.test(gap) && i > 0) gap = '';
    text += gap;
    ranges.push([text.length, text.length + p.current.length]);
    text += capitalize && p.current ? capitalizeFirst(p.current) : p.current;
    if (p.current) capitalize = false;
    cursor = p.sentence.end;
    if (i === pieces.length - 1 && tail) text += `${p.current === '' && /\S$/.test(text) ? ' ' : p.current === '' ? '' : ' '}${tail}`;
  });
  text += reply.slice(cursor);
  return { text: text.replace(/[ \t]+\n/g, (m) => (m.length > 1 ? '\n' : m)), ranges };
}

function sentenceFacts(s: string): string[] {
  return extractFacts(s);
}

/** A candidate is safe when it keeps every fact of the sentence and adds no promise. */
/**
 * A candidate is safe when it keeps every fact of the sentence — including those only the whole
 * reply shows to be facts ("Ireland" opening a sentence after "Hi Siobhan, ") — and adds no promise.
 */
function safe(before: string, after: string, known: string[] = []): boolean {
  return [...sentenceFacts(before), ...known].every((f) => containsFact(after, f)) && newPromises(before, after).length === 0;
}

function apologizesElsewhere(pieces: Piece[], except: number, lead: string): boolean {
  if (APOLOGY.test(lead.toLowerCase())) return true;
  return pieces.some((p, i) => i !== except && APOLOGY.test(p.current.toLowerCase()) && !NON_APOLOGY.test(p.current.toLowerCase()));
}

/** The analyzer's own suggestions for `f` that lie within this sentence, as whole-sentence candidates. */
function provenCandidates(before: string, f: Finding, s: number, e: number): string[] {
  const out: string[] = [];
  for (const sg of f.suggestions) {
    const a = sg.start ?? f.start;
    const b = sg.end ?? f.end;
    if (a >= s && b <= e) out.push((before.slice(0, a - s) + sg.replacement + before.slice(b - s)).trim());
    else if (sg.replacement.trim() === '' && a <= s && b >= e && b - a <= e - s + 2) out.push('');
  }
  return out;
}

/**
 * How badly piece `i` reads with `candidate` as its text, laid out in the whole reply and analyzed
 * again: the warnings left in its own sentence, plus twice each new one elsewhere (dropping or
 * rewording a sentence changes how its neighbours read). Lower is better.
 */
type Score = (i: number, candidate: string) => number;

/**
 * Rewrites one flagged sentence. Every candidate the engine can build — the analyzer's proven
 * suggestions, the family rewrites, the phrase cut, the statement softened, and dropping a sentence
 * that holds no fact — is scored in the reply; the one that leaves the fewest warnings wins (ties keep
 * that order), so a rewrite the tone model still reads as flagged loses to one it does not. Only when
 * none improves on the sentence as it stands does the older order decide. A candidate that loses a
 * fact, adds a promise or reads as a broken sentence ("The description is accurate and has been.") is
 * never considered.
 */
function fixOne(piece: Piece, i: number, f: Finding, range: [number, number], ctx: SentenceContext, familyOnly: boolean, score: Score, droppable: boolean, readsInReply: (i: number, candidate: string) => boolean): void {
  const before = piece.current;
  const [s, e] = range;
  const relStart = f.start - s;
  const relEnd = Math.min(f.end, e) - s;
  // Checked and built only when reached (the checks parse sentences): once a candidate leaves no warning,
  // the rest are never looked at. The same candidates in the same order as checking them all up front.
  const checked = new Map<string, boolean>();
  const ok = (c: string) => {
    let v = checked.get(c);
    if (v === undefined) checked.set(c, (v = c !== before && safe(before, c, piece.facts) && (c === '' || readsWhole(c, before)) && readsInReply(i, c)));
    return v;
  };
  const makers: (() => string[])[] = [
    () => provenCandidates(before, f, s, e),
    () => (piece.attempts < 2 ? rewriteSentence(before, relStart, relEnd, f.category, ctx) : []),
    () => [removePhrase(before, relStart, relEnd), ...softenStatement(before, f.category)],
    () => (droppable ? [''] : []),
  ];
  const pools: (string[] | undefined)[] = [];
  const pool = (k: number): string[] => (pools[k] ??= makers[k]());
  pool(0);
  let best: string | undefined;
  let bestScore = score(i, before);
  const seen = new Set<string>();
  for (let k = 0; k < makers.length && bestScore > 0; k++)
    for (const c of pool(k)) {
      if (bestScore === 0) break;
      if (seen.has(c) || !ok(c)) continue;
      seen.add(c);
      const n = score(i, c);
      if (n < bestScore) [best, bestScore] = [c, n];
    }
  let next = best;
  if (next === undefined) {
    // Nothing reads cleaner: the older order (proven, family, cut, softened), so the sentence still moves on.
    next = pool(0).find(ok) ?? pool(1).find(ok);
    if (next === undefined && familyOnly) {
      piece.attempts = 3;
      return;
    }
    next ??= pool(2).find(ok) ?? before;
  }
  if (next === before) piece.attempts = 3;
  piece.current = next;
  piece.reasons.add(REASONS[f.category]);
  piece.handled.add(f.category);
}

/** Minimal changed range between two strings, widened to whole words. */
function diffRange(a: string, b: string): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  while (start > 0 && /\S/.test(a[start - 1])) start--;
  while (endA < a.length && endB < b.length && /\S/.test(a[endA])) {
    endA++;
    endB++;
  }
  return { start, endA, endB };
}

function buildEdits(reply: string, pieces: Piece[], lead: string, leadReason: string, tail: string, tailReason: string): ReplyEdit[] {
  const edits: ReplyEdit[] = [];
  pieces.forEach((p, i) => {
    const { sentence } = p;
    if (p.current === sentence.text) return;
    const reason = [...p.reasons].join('; ');
    if (p.current === '') {
      // Remove the sentence and the space before it (or after it, for the first one).
      let start = sentence.start;
      let end = sentence.end;
      if (i > 0 && /[ \t]$/.test(reply.slice(0, start))) while (start > 0 && /[ \t]/.test(reply[start - 1])) start--;
      else while (end < reply.length && /[ \t]/.test(reply[end])) end++;
      edits.push({ start, end, replacement: '', reason });
      return;
    }
    const d = diffRange(sentence.text, p.current);
    edits.push({ start: sentence.start + d.start, end: sentence.start + d.endA, replacement: p.current.slice(d.start, d.endB), reason });
  });
  if (lead && pieces.length > 0) edits.push({ start: pieces[0].sentence.start, end: pieces[0].sentence.start, replacement: `${lead} `, reason: leadReason });
  if (tail && pieces.length > 0) {
    const last = pieces[pieces.length - 1];
    const allDropped = pieces.every((p) => p.current === '');
    edits.push({ start: last.sentence.end, end: last.sentence.end, replacement: `${allDropped ? '' : ' '}${tail}`, reason: tailReason });
  }
  return mergeEdits(reply, edits);
}

/** Sorted, non-overlapping: touching edits merge into one so applying them in order is unambiguous. */
function mergeEdits(reply: string, edits: ReplyEdit[]): ReplyEdit[] {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: ReplyEdit[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    if (prev && e.start <= prev.end) {
      prev.replacement += reply.slice(prev.end, e.start) + e.replacement;
      prev.end = Math.max(prev.end, e.end);
      prev.reason = [...new Set([...prev.reason.split('; '), ...e.reason.split('; ')])].join('; ');
    } else out.push({ ...e });
  }
  return out;
}

export function applyEdits(reply: string, edits: ReplyEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const e of edits) {
    out += reply.slice(cursor, e.start) + e.replacement;
    cursor = e.end;
  }
  return out + reply.slice(cursor);
}

export function suggestReply(input: AnalyzeInput, options: SuggestOptions = {}): SuggestedReply {
  const reply = typeof input?.reply === 'string' ? input.reply : '';
  const draft = readDraft(reply);
  if (draft.sentences.length === 0) return { text: reply, edits: [] };
  const channel = input.channel ?? 'email';
  const customer = readCustomer(input.customer ?? '');
  const voice: Voice = options.voice ?? 'warm';
  const seed = hashText(`${channel}\n${input.customer ?? ''}\n${reply}`);
  const { voice: _voice, ...analyzeOptions } = options;
  // An incremental session: each pass re-analyzes only the sentences that changed.
  const session = createAnalyzer({ ...analyzeOptions, channel });
  const analyzeAgain = (text: string) => session.update(text, input.customer ?? '').findings;
  // The same text comes back often (the sentence as it stands is the baseline of every candidate):
  // analyzed once. The analysis is a function of the text, so this changes no result.
  const memo = new Map<string, Finding[]>();
  const analyzeMemo = (text: string): Finding[] => {
    let found = memo.get(text);
    if (!found) {
      if (memo.size >= MEMO_ENTRIES) memo.clear();
      found = analyzeAgain(text);
      memo.set(text, found);
    }
    return found;
  };

  const replyFacts = extractFacts(reply);
  const pieces: Piece[] = draft.sentences.map((s) => ({
    sentence: s,
    current: s.text,
    reasons: new Set(),
    handled: new Set(),
    attempts: 0,
    note: NOTE.test(s.text),
    facts: replyFacts.filter((f) => containsFact(s.text, f)),
  }));
  let lead = '';
  let tail = '';
  const leadReasons: string[] = [];
  const tailReasons: string[] = [];
  const insertion: InsertionContext = { customer, channel, voice, seed };
  /** The sentences inserted for missing pieces, with the makers of their variants: settled again at the end. */
  const inserted: { sentence: string; where: 'lead' | 'tail'; makers: ((seed: number) => string)[] }[] = [];

  // Warnings inside piece i and elsewhere in its window (SCORE_NEIGHBOURS sentences either side), with
  // `candidate` as its text. The window, not the whole reply: the cost of scoring a candidate does not
  // grow with the reply's length (findings × candidates × length made long drafts take minutes).
  const warningsWith = (i: number, candidate: string): [number, number] => {
    const saved = pieces[i].current;
    pieces[i].current = candidate;
    const trial = layout(reply, pieces, lead, tail);
    pieces[i].current = saved;
    const last = pieces.length - 1;
    const from = i - SCORE_NEIGHBOURS <= 0 ? 0 : trial.ranges[i - SCORE_NEIGHBOURS][0];
    const to = i + SCORE_NEIGHBOURS >= last ? trial.text.length : trial.ranges[i + SCORE_NEIGHBOURS][1];
    const s = trial.ranges[i][0] - from;
    const e = trial.ranges[i][1] - from;
    let own = 0;
    let elsewhere = 0;
    for (const g of analyzeMemo(trial.text.slice(from, to))) {
      if (g.start === g.end || g.severity === 'info') continue;
      if (e > s && g.start < e && g.end > s) own++;
      else elsewhere++;
    }
    return [own, elsewhere];
  };
  const score: Score = (i, candidate) => {
    const [, elsewhereNow] = warningsWith(i, pieces[i].current);
    const [own, elsewhere] = warningsWith(i, candidate);
    return own + 2 * Math.max(0, elsewhere - elsewhereNow);
  };
  // No fault the reply did not have: a rewrite that repeats a neighbour ("I understand the delay is
  // frustrating." twice), a closing mark then a comma, a lower-case start, across sentence borders.
  const readsInReply = (i: number, candidate: string): boolean => {
    const saved = pieces[i].current;
    const now = layout(reply, pieces, lead, tail).text;
    pieces[i].current = candidate;
    const trial = layout(reply, pieces, lead, tail).text;
    pieces[i].current = saved;
    return newMechanicalProblems(now, trial).length === 0;
  };
  // A sentence may go whole only when it holds no fact, is no note, and does not continue "Hi Dana, " on its line.
  const droppable = (i: number): boolean => {
    const p = pieces[i];
    return !p.note && p.facts.length === 0 && extractFacts(p.sentence.text).length === 0 && !/,[ \t]*$/.test(reply.slice(0, p.sentence.start));
  };

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { text, ranges } = layout(reply, pieces, lead, tail);
    const findings = analyzeAgain(text);
    let changed = false;
    const touched = new Set<number>();
    // One finding per sentence per pass: a rewrite moves the offsets of the others.
    for (const f of findings) {
      if (f.category.startsWith('missing_')) continue;
      const i = ranges.findIndex(([s, e]) => f.start >= s && f.start < e);
      if (i < 0 || touched.has(i) || pieces[i].note) continue;
      touched.add(i);
      const piece = pieces[i];
      // A sentence already rewritten keeps its rewrite unless something error-level is left:
      // a warning on "…, but I can [alternative]" is not worth losing the content over.
      // A warning re-raised on a sentence already rewritten for it may only get another family rewrite, not removal.
      const familyOnly = piece.handled.has(f.category) && f.severity !== 'error';
      const [s, e] = ranges[i];
      const ctx: SentenceContext = { problem: customer.problem, apologizedElsewhere: apologizesElsewhere(pieces, i, lead) };
      const prev = piece.current;
      if (pass > 0 && piece.attempts < 3) piece.attempts++;
      fixOne(piece, i, f, [s, e], ctx, familyOnly, score, droppable(i), readsInReply);
      changed ||= piece.current !== prev;
    }
    // Missing pieces only once the phrase fixes have settled: a repaired apology may already cover one.
    if (changed) continue;
    // Empathy and apology open the reply, the next step and follow-up close it. Each is the first
    // variant the analysis accepts in place: the piece no longer reads as missing and no sentence
    // is flagged that was not flagged before.
    const missing = new Set(findings.filter((f) => f.category.startsWith('missing_')).map((f) => f.category));
    // Where the draft argued the customer's point ("exactly the size you approved"), no inserted sentence
    // names it as a fault ("sorry about the wrong size", "I'll handle the wrong size"), even once the
    // defence itself is rewritten or dropped: conceding it is the agent's call, not the engine's.
    const disputed = defendsPoint(pieces.map((p) => p.sentence.text), customer.problem);
    if (disputed) insertion.customer = { ...customer, problem: undefined };
    const flagsNow = findings.filter((f) => !f.category.startsWith('missing_') && f.severity !== 'info').length;
    // What a placement leaves: the piece still missing (or flagged) counts one, each flag beyond those there now one more.
    const cost = (category: Category, nextLead: string, nextTail: string): number => {
      const trial = analyzeAgain(layout(reply, pieces, nextLead, nextTail).text);
      const flags = trial.filter((f) => !f.category.startsWith('missing_') && f.severity !== 'info').length;
      return (trial.some((f) => f.category === category) ? 1 : 0) + Math.max(0, flags - flagsNow);
    };
    // Variants of the first maker, then of the fallbacks (a pool with fewer assumptions), until one is
    // accepted; failing that, the one that leaves the least (an apology the analysis reads as a
    // non-apology is no better than none).
    const choose = (category: Category, makers: ((seed: number) => string)[], place: (sentence: string) => [string, string]): string | undefined => {
      const seen = new Set<string>();
      let best: string | undefined;
      let bestCost = Infinity;
      for (const make of makers)
        for (let k = 0; k < VARIANTS; k++) {
          const sentence = make(insertion.seed + k);
          if (seen.has(sentence)) continue;
          seen.add(sentence);
          const c = cost(category, ...place(sentence));
          if (c === 0) return sentence;
          if (c < bestCost) [best, bestCost] = [sentence, c];
        }
      return best;
    };
    if (missing.has('missing_empathy') && !leadReasons.includes(REASONS.missing_empathy)) {
      // A deadline or health line first; failing that, the general pool (no stakes assumed).
      const makers = [(seed: number) => empathySentence({ ...insertion, seed }), (seed: number) => empathySentence({ ...insertion, customer: { ...insertion.customer, stakes: [] }, seed })];
      const sentence = choose('missing_empathy', makers, (x) => [[x, lead].filter(Boolean).join(' '), tail]);
      if (sentence) lead = [sentence, lead].filter(Boolean).join(' ');
      if (sentence) inserted.push({ sentence, where: 'lead', makers });
      leadReasons.push(REASONS.missing_empathy);
      changed = true;
    }
    if (missing.has('missing_apology') && !leadReasons.includes(REASONS.missing_apology)) {
      // Beside a sentence that still argues the same point ("the files are exactly the size you approved"),
      // an apology naming the problem ("sorry about the wrong size") contradicts it: apologize for the experience.
      const defended = insertion.customer.problem === undefined && disputed;
      const make = (seed: number) => (defended ? experienceApologySentence({ ...insertion, seed }) : apologySentence({ ...insertion, seed }));
      const makers = [make, (seed: number) => experienceApologySentence({ ...insertion, seed })];
      const sentence = choose('missing_apology', makers, (x) => [[lead, x].filter(Boolean).join(' '), tail]);
      if (sentence) lead = [lead, sentence].filter(Boolean).join(' ');
      if (sentence) inserted.push({ sentence, where: 'lead', makers });
      leadReasons.push(REASONS.missing_apology);
      changed = true;
    }
    if (missing.has('missing_next_step') && !tailReasons.includes(REASONS.missing_next_step)) {
      const make = (seed: number) => `${nextStepSentence({ ...insertion, seed })} ${followUpSentence({ ...insertion, seed })}`;
      const sentence = choose('missing_next_step', [make], (x) => [lead, x]);
      if (sentence) tail = sentence;
      if (sentence) inserted.push({ sentence, where: 'tail', makers: [make] });
      tailReasons.push(REASONS.missing_next_step);
      changed = true;
    }
    if (!changed) break;
  }

  // An inserted sentence was chosen against the reply as it stood then; the rewrites after it change how
  // the tone model reads it ("I'm sorry you've had to deal with this." beside a softened policy reads as a
  // non-apology). Each flagged one is chosen again against the final reply, or dropped when the reply reads
  // better without it; whichever leaves the fewest warnings, the piece's own "missing" warning included.
  const warningsAround = (l: string, t: string) => analyzeAgain(layout(reply, pieces, l, t).text).filter((f) => f.severity !== 'info').length;
  for (const part of inserted) {
    const swap = (x: string): [string, string] => {
      const within = (whole: string) => whole.replace(part.sentence, x).replace(/ {2,}/g, ' ').trim();
      return part.where === 'lead' ? [within(lead), tail] : [lead, within(tail)];
    };
    let fewest = warningsAround(lead, tail);
    if (fewest === 0) break;
    let best: string | undefined;
    const tried = new Set([part.sentence]);
    for (const make of part.makers)
      for (let k = 0; k < VARIANTS && fewest > 0; k++) {
        const x = make(insertion.seed + k);
        if (tried.has(x)) continue;
        tried.add(x);
        const n = warningsAround(...swap(x));
        if (n < fewest) [best, fewest] = [x, n];
      }
    if (fewest > 0 && warningsAround(...swap('')) < fewest) best = '';
    if (best !== undefined) [lead, tail] = swap(best);
  }
  // After "Hi Elif, " on the same line the lead continues the greeting's sentence: "Hi Elif, you have every right…".
  if (lead && pieces.length > 0 && /,[ \t]*$/.test(reply.slice(0, pieces[0].sentence.start))) lead = lowerFirst(lead);

  // The first sentence now follows the inserted lead: it starts with a capital. Without a lead, a
  // sentence that continued "Hi Dana, …" in lower case keeps doing so.
  const first = pieces.find((p) => p.current !== '');
  if (first && lead) first.current = capitalizeFirst(first.current);
  else if (first && /,[ \t]*$/.test(reply.slice(0, first.sentence.start)) && /^\p{Ll}/u.test(first.sentence.text)) first.current = lowerFirst(first.current);
  const edits = buildEdits(reply, pieces, lead, leadReasons.join('; '), tail, tailReasons.join('; '));
  return { text: applyEdits(reply, edits), edits };
}
