// Politeness of the agent's own words, -1..1: AFINN (sentiment package,
// support-adjusted) plus politeness strategies per sentence (see
// lexicon/politeness-cues.ts). Cheap regexes only: it runs on every keystroke.
import type { Draft } from './text/draft.ts';
import { afinn } from './lexicon/afinn.ts';
import { POLITENESS_CUES } from './lexicon/politeness-cues.ts';
import { LruMap } from './text/memo.ts';

/** Per-sentence cache: tone is recomputed on every edit, sentences rarely change. */
const sentenceCache = new LruMap<string, number>(4000);

/** Politeness evidence in one sentence (unbounded; positive = polite). */
export function sentencePoliteness(text: string): number {
  const hit = sentenceCache.get(text);
  if (hit !== undefined) return hit;
  let score = 0;
  for (const cue of POLITENESS_CUES) if (cue.re.test(text)) score += cue.weight;
  const sentiment = afinn(text);
  // Lexical warmth counts, but less than the strategies: "great" can be sarcastic.
  score += Math.max(-1.5, Math.min(1.5, sentiment.score * 0.15));
  sentenceCache.set(text, score);
  return score;
}

export function scorePoliteness(draft: Draft): number {
  let total = 0;
  let n = 0;
  if (draft.greeting) {
    total += 0.5;
  }
  for (const s of draft.sentences) {
    total += sentencePoliteness(s.text);
    n++;
  }
  if (n === 0) return draft.greeting ? 0.2 : 0;
  // Average per sentence, with a little credit for a consistent tone across a longer reply.
  const mean = total / Math.sqrt(n * Math.max(1, n / 2));
  return Math.round(Math.tanh(mean) * 1000) / 1000;
}
