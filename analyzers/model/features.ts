// Turns one sentence of a reply, in its context, into the sparse feature
// vector the tone model scores. Shared by training (scripts/train.ts) and the
// engine, so a change here changes what the weights mean: retrain after it
// (FEATURE_VERSION guards against loading stale weights).
//
// Words carry most of the signal, but independent writers phrase the same
// move in endless ways, so the vector also has character n-grams (spelling
// and morphology: "blam-", "-n't"), the sentence's shape (second person,
// negation, imperative, capitals, scare quotes) and its context (how upset
// the customer is, whether the reply offers an action elsewhere, and weakly
// the words of the sentences before and after it).

export const FEATURE_VERSION = 4;
/** Hashed feature space: 2^16 buckets keeps the shipped weights under 1 MB. */
export const DIMENSION = 1 << 16;

export interface SentenceContext {
  /** The customer's upset level as the customer reader sees it. */
  customerLevel: 'none' | 'mild' | 'upset' | 'furious';
  /** Another sentence of the reply offers an action or alternative. */
  actionElsewhere: boolean;
  /** Position in the agent's body. */
  first: boolean;
  last: boolean;
  /** The sentences before and after in the body, when known (their words, weakly). */
  previous?: string;
  next?: string;
}

/** Switches for training experiments (scripts/training/experiment.ts); the engine uses the defaults. */
export const featureSwitches = { neighbours: true, neighbourWeight: 0.25 };

export interface FeatureVector {
  /** Hashed bucket of each feature (may repeat; values add). */
  ids: Int32Array;
  values: Float32Array;
  /** The readable name of each feature, kept only when explanations are asked for. */
  names?: string[];
}

/** FNV-1a, 32-bit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (DIMENSION - 1);
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[!?]+|["“”]|[.,;:]/gu;
const CHAR_NGRAM_SIZES = [3, 4, 5];
/** Only the first words matter for a sentence's move; a pasted log must not cost more. */
const MAX_CHARS = 400;

const NEGATION = /\b(?:not|no|never|nothing|nobody|none|cannot|can't|cant|won't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|shouldn't|wouldn't|couldn't|haven't|hasn't)\b|n['’]t\b/i;
const MODAL = /\b(?:should|must|have to|has to|need to|needs to|ought to|supposed to)\b/i;
const SECOND_PERSON_SUBJECT = /(?:^|[,;:]\s*|\b(?:and|but|because|since|as|if|when|so)\s+)you(?:['’](?:ve|d|re|ll))?\s+(?!(?:can|could|will|would|may|might)\s+(?:also\s+)?(?:get|receive|see|find|choose|keep|use|reach|contact|call|expect)\b)/i;
const FIRST_PERSON = /\b(?:I|we|I['’]m|we['’]re|I['’]ve|we['’]ve|I['’]ll|we['’]ll)\b/;
const APOLOGY_WORD = /\b(?:sorry|apolog\w*|regret)\b/i;
const SCARE_QUOTE = /["“'‘][\p{L}][\p{L}' -]{0,30}["”'’](?!\p{L})/u;
/** Verbs a sentence starts with when it gives an order (kept small: the n-grams do the rest). */
const IMPERATIVE_START = /^(?:please\s+)?(?:read|check|look|make|try|stop|send|see|go|refer|note|remember|understand|follow|use|contact|ask|keep|be|do|don't|just|calm|relax|wait|review|consult|learn|take|let)\b/i;
const ACRONYM = /^(?:[A-Z]{2,4}\d*|[A-Z]+-?\d+[A-Z0-9-]*)$/;

function lengthBucket(words: number): string {
  if (words <= 3) return 'xs';
  if (words <= 8) return 's';
  if (words <= 18) return 'm';
  if (words <= 35) return 'l';
  return 'xl';
}

/** Collects named features into a hashed vector. */
export class FeatureBuilder {
  private readonly ids: number[] = [];
  private readonly values: number[] = [];
  private readonly names: string[] = [];
  constructor(private readonly withNames = false) {}

  add(name: string, value: number): void {
    this.ids.push(hash(name));
    this.values.push(value);
    if (this.withNames) this.names.push(name);
  }

  /** Word unigrams and bigrams (and trigrams when asked) of a text, under a prefix, scaled so long texts don't outvote short ones. */
  addWords(prefix: string, text: string, trigrams: boolean, weight = 1): void {
    const words = ['<s>', ...wordTokens(text), '</s>'];
    const count = words.length * (trigrams ? 3 : 2) - 3;
    const scale = weight / Math.sqrt(Math.max(1, count));
    for (let i = 1; i < words.length - 1; i++) this.add(`${prefix}w:${words[i]}`, scale);
    for (let i = 0; i < words.length - 1; i++) this.add(`${prefix}b:${words[i]} ${words[i + 1]}`, scale);
    if (trigrams) for (let i = 0; i < words.length - 2; i++) this.add(`${prefix}t:${words[i]} ${words[i + 1]} ${words[i + 2]}`, scale);
  }

  build(): FeatureVector {
    return { ids: Int32Array.from(this.ids), values: Float32Array.from(this.values), names: this.withNames ? this.names : undefined };
  }
}

/** Lower-cased word and punctuation tokens, numbers folded to "0". */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\d+(?:[.,]\d+)*/g, '0').match(TOKEN) ?? [];
}

/** The features of one sentence. `withNames` keeps readable names for explanations. */
export function sentenceFeatures(sentence: string, context: SentenceContext, withNames = false): FeatureVector {
  const raw = sentence.length > MAX_CHARS ? sentence.slice(0, MAX_CHARS) : sentence;
  const tokens = wordTokens(raw);
  const features = new FeatureBuilder(withNames);
  const add = (name: string, value: number) => features.add(name, value);

  features.addWords('', raw, true);

  // Character n-grams within and across word boundaries.
  const padded = ` ${tokens.join(' ')} `;
  let charCount = 0;
  for (const n of CHAR_NGRAM_SIZES) charCount += Math.max(0, padded.length - n + 1);
  const charScale = 0.6 / Math.sqrt(Math.max(1, charCount));
  for (const n of CHAR_NGRAM_SIZES) for (let i = 0; i + n <= padded.length; i++) add(`c${n}:${padded.slice(i, i + n)}`, charScale);

  // Shape.
  const letterWords = raw.match(/[\p{L}]+(?:['’][\p{L}]+)*/gu) ?? [];
  const caps = letterWords.filter((w) => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase() && !ACRONYM.test(w) && w !== 'I');
  if (caps.length > 0) add('s:caps', Math.min(3, caps.length));
  if (caps.length >= 3 && caps.length >= letterWords.length * 0.6) add('s:all_caps', 1);
  if (/!{2,}|\?{2,}|[!?]{3,}/.test(raw)) add('s:stacked_marks', 1);
  if (raw.includes('!')) add('s:exclaim', 1);
  if (raw.trimEnd().endsWith('?')) add('s:question', 1);
  if (SCARE_QUOTE.test(raw)) add('s:quoted_words', 1);
  const negated = NEGATION.test(raw);
  const youSubject = SECOND_PERSON_SUBJECT.test(raw);
  const modal = MODAL.test(raw);
  if (negated) add('s:negation', 1);
  if (modal) add('s:modal', 1);
  if (youSubject) add('s:you_subject', 1);
  if (youSubject && negated) add('s:you_subject_neg', 1);
  if (youSubject && modal) add('s:you_subject_modal', 1);
  if (FIRST_PERSON.test(raw)) add('s:first_person', 1);
  if (APOLOGY_WORD.test(raw)) add('s:apology_word', 1);
  if (IMPERATIVE_START.test(raw.trimStart())) add('s:imperative', 1);
  add(`s:len_${lengthBucket(letterWords.length)}`, 1);
  if (context.first) add('s:first', 1);
  if (context.last) add('s:last', 1);

  if (featureSwitches.neighbours) {
    if (context.previous) features.addWords('p', context.previous.slice(0, MAX_CHARS), false, featureSwitches.neighbourWeight);
    if (context.next) features.addWords('n', context.next.slice(0, MAX_CHARS), false, featureSwitches.neighbourWeight);
  }

  // Context: the same words mean more to a furious customer; policy with an alternative is fine.
  add(`u:${context.customerLevel}`, 1);
  if (youSubject) add(`u:${context.customerLevel}&you`, 1);
  if (negated) add(`u:${context.customerLevel}&neg`, 1);
  add(context.actionElsewhere ? 'd:action_elsewhere' : 'd:no_action_elsewhere', 1);
  if (negated && !context.actionElsewhere) add('d:neg_no_action', 1);
  add('bias', 1);
  return features.build();
}
