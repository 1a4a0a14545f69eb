// The tone model beside the phrase rules. Rules keep their precise spans,
// messages and suggestions; the model (1) adds a finding where no rule of that
// category fired and its probability passes the category's threshold, and
// (2) drops a rule hit it is confident is harmless. Thresholds and vetoes were
// chosen on writers held out of training (scripts/train.ts), never on a blind set.
import modelFile from './weights.json' with { type: 'json' };
import { readDraft, type Draft, type Sentence } from '../text/draft.ts';
import type { AnalysisContext } from '../context.ts';
import type { Category, Finding } from '../types.ts';
import { AGENT_ACTION } from '../phrases/predicates.ts';
import { QuantizedModel, drivingWords, sigmoid, type LinearScorer, type ModelFile } from './classifier.ts';
import { GRATITUDE } from '../lexicon/customer-cues.ts';
import { featureSwitches, sentenceFeatures, type SentenceContext } from './features.ts';
import { MODEL_ADVICE } from './advice.ts';
import { findMissingPieces, missingPieceFinding, readReplyMoves } from '../missing.ts';
import { draftFeatures } from './draft-features.ts';
import { verifierFeatures } from './verifier-features.ts';

export type Engine = 'rules' | 'model' | 'combined';

export interface ModelSettings {
  scorer: LinearScorer;
  thresholds: Partial<Record<Category, number>>;
  veto: Partial<Record<Category, number>>;
}

export interface ShippedModel {
  sentence: ModelSettings;
  draft: ModelSettings;
  verifier: ModelSettings;
}

let loaded: ShippedModel | undefined;
/** The shipped model's heads, decoded on first use (the CLI's --help never pays for it). */
export function shippedModel(): ShippedModel {
  if (!loaded) {
    const file = modelFile as unknown as ModelFile;
    const head = (h: ModelFile['sentence']): ModelSettings => ({ scorer: new QuantizedModel(file, h), thresholds: h.thresholds, veto: h.veto });
    loaded = { sentence: head(file.sentence), draft: head(file.draft), verifier: head(file.verifier) };
  }
  return loaded;
}

/** The verifier's probability that a rule hit is right (cached per hit and sentence). */
function verifiedProbability(verifier: LinearScorer, k: number, hit: Finding, sentence: Sentence, context: SentenceContext, cache?: Map<string, unknown>): number {
  const key = `mv\u0000${hit.ruleId}\u0000${hit.start - sentence.start}\u0000${hit.end - sentence.start}\u0000${contextKey(context)}\u0000${sentence.text}`;
  const cached = cache?.get(key);
  if (typeof cached === 'number') return cached;
  const p = sigmoid(verifier.logits(verifierFeatures(sentence.text, context, hit, sentence.start))[k]);
  cache?.set(key, p);
  return p;
}

/** The context features of each body sentence. */
export function sentenceContexts(sentences: Sentence[], level: SentenceContext['customerLevel'], cache?: Map<string, unknown>): SentenceContext[] {
  const acts = sentences.map((s) => {
    const key = `ma\u0000${s.text}`;
    const hit = cache?.get(key);
    if (typeof hit === 'boolean') return hit;
    const value = AGENT_ACTION.test(s.text.slice(0, 2000));
    cache?.set(key, value);
    return value;
  });
  const total = acts.filter(Boolean).length;
  return sentences.map((_, i) => ({
    customerLevel: level,
    actionElsewhere: total - (acts[i] ? 1 : 0) > 0,
    first: i === 0,
    last: i === sentences.length - 1,
    previous: sentences[i - 1]?.text,
    next: sentences[i + 1]?.text,
  }));
}

function contextKey(c: SentenceContext): string {
  const base = `${c.customerLevel}${+c.actionElsewhere}${+c.first}${+c.last}`;
  return featureSwitches.neighbours ? `${base}\u0000${c.previous ?? ''}\u0000${c.next ?? ''}` : base;
}

/** Probability of each category for each sentence; unchanged sentences come from the cache. */
export function scoreSentences(scorer: LinearScorer, sentences: Sentence[], contexts: SentenceContext[], cache?: Map<string, unknown>): Float64Array[] {
  return sentences.map((s, i) => {
    const key = `mp\u0000${contextKey(contexts[i])}\u0000${s.text}`;
    const hit = cache?.get(key) as Float64Array | undefined;
    if (hit) return hit;
    const logits = scorer.logits(sentenceFeatures(s.text, contexts[i]));
    const probs = logits.map(sigmoid);
    cache?.set(key, probs);
    return probs;
  });
}

/** Clause boundaries of a sentence: commas, semicolons, dashes, and "but/because/so" joins. */
function clauses(text: string): [number, number][] {
  const cuts: number[] = [0];
  const re = /[,;:—–]\s+|\s+(?=\b(?:but|because|since|so|although|though|which|however)\b)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) cuts.push(m.index + m[0].length);
  cuts.push(text.length);
  const out: [number, number][] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    let a = cuts[i];
    let b = cuts[i + 1];
    while (b > a && /[\s,;:—–]/.test(text[b - 1])) b--;
    while (a < b && /\s/.test(text[a])) a++;
    if (b > a) out.push([a, b]);
  }
  // A clause of one or two words can't carry a move on its own: join it to the next.
  const merged: [number, number][] = [];
  for (const c of out) {
    const prev = merged[merged.length - 1];
    if (prev && text.slice(prev[0], prev[1]).split(/\s+/).length < 3) prev[1] = c[1];
    else merged.push([...c]);
  }
  return merged.length ? merged : [[0, text.length]];
}

/** The clause of the sentence that drives category k's score, and the words that weigh most there. */
function drivingClause(scorer: LinearScorer, k: number, sentence: Sentence, context: SentenceContext): { start: number; end: number; words: string[] } {
  let best: { start: number; end: number; z: number } | undefined;
  const parts = clauses(sentence.text);
  if (parts.length > 1) {
    for (const [a, b] of parts) {
      const z = scorer.logits(sentenceFeatures(sentence.text.slice(a, b), context))[k];
      if (!best || z > best.z) best = { start: a, end: b, z };
    }
  }
  const [a, b] = best ? [best.start, best.end] : [0, sentence.text.length];
  const words = drivingWords(scorer, k, sentenceFeatures(sentence.text.slice(a, b), context, true));
  return { start: sentence.start + a, end: sentence.start + b, words };
}

/** A sentence's probability for category k with its neighbours' words left out. */
function ownProbability(scorer: LinearScorer, k: number, sentence: Sentence, context: SentenceContext): number {
  return sigmoid(scorer.logits(sentenceFeatures(sentence.text, { ...context, previous: undefined, next: undefined }))[k]);
}

function modelFinding(category: Category, start: number, end: number, words: string[], reply: string): Finding {
  const advice = MODEL_ADVICE[category as keyof typeof MODEL_ADVICE] ?? MODEL_ADVICE.defensive;
  const quoted = words.map((w) => `“${w}”`).join(', ');
  return {
    ruleId: `model/${category}`,
    category,
    severity: 'warning',
    start,
    end,
    message: quoted ? `${advice.message} (the words that weigh most: ${quoted})` : advice.message,
    rationale: advice.rationale,
    suggestions: [],
    text: reply.slice(start, end),
  };
}

function sentenceIndexOf(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < sentences[mid].start) hi = mid - 1;
    else if (offset >= sentences[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Rule findings kept (minus vetoed ones) plus the model's own, for one draft.
 * `engine: 'rules'` returns the rule findings untouched; `'model'` ignores the
 * rules (team phrases aside) to measure the model alone.
 */
export function combineWithModel(
  draft: Draft,
  context: AnalysisContext,
  ruleFindings: Finding[],
  engine: Engine,
  cache?: Map<string, unknown>,
  model?: Pick<ShippedModel, 'sentence' | 'verifier'>,
): Finding[] {
  if (engine === 'rules' || draft.sentences.length === 0) return ruleFindings;
  const { sentence, verifier } = model ?? shippedModel();
  const { scorer, thresholds, veto } = sentence;
  const sentences = draft.sentences;
  const contexts = sentenceContexts(sentences, context.customer.level, cache);
  const probs = scoreSentences(scorer, sentences, contexts, cache);
  const sensitivity = context.options?.sensitivity;
  // 'low' reports only what is clearly wrong: the model's own findings are warnings, not errors.
  const scale = sensitivity === 'low' ? Infinity : sensitivity === 'high' ? 0.75 : 1;

  const covered = new Set<string>();
  const kept: Finding[] = [];
  for (const f of ruleFindings) {
    const team = f.ruleId.startsWith('custom/');
    if (engine === 'model' && !team) continue;
    const i = sentenceIndexOf(sentences, f.start);
    const k = scorer.categories.indexOf(f.category);
    if (!team && i >= 0 && k >= 0) {
      if (probs[i][k] < (veto[f.category] ?? 0)) continue;
      const floor = verifier.veto[f.category];
      if (floor !== undefined && verifiedProbability(verifier.scorer, k, f, sentences[i], contexts[i], cache) < floor) continue;
    }
    if (i >= 0) covered.add(`${i}:${f.category}`);
    kept.push(f);
  }
  for (let i = 0; i < sentences.length; i++) {
    for (let k = 0; k < scorer.categories.length; k++) {
      const category = scorer.categories[k];
      const threshold = thresholds[category];
      if (threshold === undefined || probs[i][k] < threshold * scale || covered.has(`${i}:${category}`)) continue;
      // The neighbours' words count a little; beside a sentence a rule already flags for the same
      // move, they must not carry the flag over ("You didn't attach it." before "Calm down, …"):
      // then the sentence has to earn it on its own words.
      if ((covered.has(`${i - 1}:${category}`) || covered.has(`${i + 1}:${category}`)) && ownProbability(scorer, k, sentences[i], contexts[i]) < threshold * scale) continue;
      // Hiding behind policy means a rule is the whole answer: not when the reply offers something else.
      if (category === 'policy_shield' && (contexts[i].actionElsewhere || AGENT_ACTION.test(sentences[i].text.slice(0, 2000)))) continue;
      const { start, end, words } = drivingClause(scorer, k, sentences[i], contexts[i]);
      kept.push(modelFinding(category, start, end, words, draft.reply));
    }
  }
  return kept;
}

/**
 * What the draft head reads: the rules' view of the draft (their phrase
 * findings, the moves and missing pieces they see). Training reads the same
 * (scripts/train.ts), so the head learns where the rules are right.
 */
export function rulesDraftVector(draft: Draft, context: AnalysisContext, rulePhrase: Finding[]) {
  const moves = readReplyMoves(draft, rulePhrase);
  const ruleMissing = findMissingPieces(draft, context, rulePhrase);
  return draftFeatures({ draft, customer: context.customer, channel: context.channel, moves, phraseFindings: rulePhrase, ruleMissing });
}

/**
 * The piece is there in the reply, as the rules read it: the model judges what
 * the customer needs, not whether a sentence the user just added counts — so a
 * piece the user wrote in makes the flag go away.
 */
function pieceWritten(category: Category, draft: Draft, phraseFindings: Finding[]): boolean {
  const moves = readReplyMoves(draft, phraseFindings);
  if (category === 'missing_empathy') return moves.empathy !== undefined;
  if (category === 'missing_apology') return moves.apology !== undefined;
  return moves.nextStep !== undefined;
}

/**
 * The missing pieces, judged with the draft head: a piece the rules raised
 * stays unless the head is confident it is not missing (below the veto); one
 * they did not raise is added when the head passes the threshold. A category
 * the head has no threshold for keeps the rules' verdict.
 */
export function judgeMissingPieces(
  draft: Draft,
  context: AnalysisContext,
  rulePhrase: Finding[],
  phraseFindings: Finding[],
  ruleMissing: Finding[],
  engine: Engine,
  settings?: ModelSettings,
): Finding[] {
  // An empty draft is not missing anything yet: the user has not started.
  if (engine === 'rules' || draft.sentences.length === 0) return ruleMissing;
  const { scorer, thresholds, veto } = settings ?? shippedModel().draft;
  const probs = scorer.logits(rulesDraftVector(draft, context, rulePhrase)).map(sigmoid);
  // Missing pieces are owed only for a problem or frustration: the model may not add one to a reply
  // to an unknown message or to thanks and praise the customer reader finds no problem in (it may
  // still keep or drop the rules' own). Neutral-looking questions stay open: many hide a complaint.
  const customer = context.customer;
  const customerShowsProblem = customer.text.trim() !== '' && !(customer.level === 'none' && GRATITUDE.test(customer.text));
  const out: Finding[] = [];
  scorer.categories.forEach((category, k) => {
    const rule = ruleMissing.find((f) => f.category === category);
    const threshold = thresholds[category];
    if (threshold === undefined) {
      if (rule) out.push(rule);
    } else if (rule) {
      if (probs[k] >= (veto[category] ?? 0)) out.push(rule);
    } else if (probs[k] >= threshold && customerShowsProblem && !pieceWritten(category, draft, phraseFindings)) out.push(missingPieceFinding(draft, context, phraseFindings, category));
  });
  return out.concat(ruleMissing.filter((f) => !scorer.categories.includes(f.category)));
}

/**
 * The sentence head's probability of each phrase category for a text, the
 * highest over its sentences: a score for ranking (eval:public), not a finding.
 */
export function toneScores(text: string, level: SentenceContext['customerLevel'] = 'none'): Partial<Record<Category, number>> {
  const draft = readDraft(text);
  const { scorer } = shippedModel().sentence;
  const probs = scoreSentences(scorer, draft.sentences, sentenceContexts(draft.sentences, level));
  const out: Partial<Record<Category, number>> = {};
  scorer.categories.forEach((c, k) => (out[c] = probs.reduce((m, p) => Math.max(m, p[k]), 0)));
  return out;
}
