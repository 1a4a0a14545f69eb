// AFINN scoring via the `sentiment` package, corrected for support language.
// We never pass `extras` to sentiment.analyze: the package merges them into its
// shared label table, which would silently change scores for every caller.
import Sentiment from 'sentiment';

const sentiment = new Sentiment();

/**
 * Words whose general-English AFINN polarity is wrong when a customer writes
 * about a service ("this is a joke" is contempt, not humour).
 */
const SUPPORT_OVERRIDES: Record<string, number> = {
  joke: -3,
  jokes: -2,
  kidding: -2,
  funny: 0,
  lol: 0,
  please: 0,
  help: 0,
  like: 0,
  want: 0,
  hurt: -1,
  pay: 0,
  paid: 0,
  charged: -1,
  broken: -2,
  cracked: -2,
  damaged: -2,
  crashes: -2,
  crashing: -2,
  buffering: -1,
  scam: -3,
  thieves: -4,
  incompetent: -3,
  useless: -3,
  unacceptable: -3,
  ridiculous: -3,
  disgraceful: -3,
  shambles: -3,
  fuming: -4,
  livid: -4,
  missing: -1,
  wrong: -2,
  late: -1,
  delayed: -1,
  refund: -1,
};

export interface AfinnScore {
  /** Sum of word scores (negation-aware, as sentiment does it). */
  score: number;
  /** Sum of negative word scores (<= 0). */
  negative: number;
  /** Sum of positive word scores (>= 0). */
  positive: number;
  tokens: number;
  words: string[];
}

export function afinn(text: string): AfinnScore {
  const r = sentiment.analyze(text);
  let score = 0;
  let negative = 0;
  let positive = 0;
  const words: string[] = [];
  // Re-score each matched word with our overrides, keeping sentiment's negation flip.
  const seen = new Map<string, number>();
  for (const entry of r.calculation) {
    for (const [word, value] of Object.entries(entry)) {
      words.push(word);
      seen.set(word, (seen.get(word) ?? 0) + 1);
      let v = value;
      if (word in SUPPORT_OVERRIDES) {
        const base = SUPPORT_OVERRIDES[word];
        // sentiment flipped the sign when a negator preceded: keep that flip.
        const flipped = Math.sign(value) !== 0 && Math.sign(value) !== Math.sign(baseAfinn(word));
        v = flipped ? -base : base;
      }
      score += v;
      if (v < 0) negative += v;
      else positive += v;
    }
  }
  // Support words AFINN lacks entirely.
  for (const t of r.tokens) {
    if (t in SUPPORT_OVERRIDES && !seen.has(t)) {
      const v = SUPPORT_OVERRIDES[t];
      score += v;
      if (v < 0) negative += v;
      else positive += v;
      words.push(t);
    }
  }
  return { score, negative, positive, tokens: r.tokens.length, words };
}

const baseCache = new Map<string, number>();
function baseAfinn(word: string): number {
  let v = baseCache.get(word);
  if (v === undefined) {
    v = sentiment.analyze(word).score;
    baseCache.set(word, v);
  }
  return v;
}
