// Features for the verifier head: is this phrase rule's hit right here? The
// sentence head asks "which move is this sentence making?"; the verifier
// learns from the rules' own hits on independent writers' drafts which rules
// misfire, and where ("this isn't a stupid question", a legal footer in
// capitals). It only ever removes a rule hit, never adds one.
import type { Finding } from '../types.ts';
import { FeatureBuilder, sentenceFeatures, type FeatureVector, type SentenceContext } from './features.ts';

export function verifierFeatures(sentence: string, context: SentenceContext, hit: Pick<Finding, 'ruleId' | 'category' | 'start' | 'end'>, sentenceStart: number): FeatureVector {
  const base = sentenceFeatures(sentence, context);
  const extra = new FeatureBuilder();
  extra.add(`rule:${hit.ruleId}`, 1);
  const matched = sentence.slice(Math.max(0, hit.start - sentenceStart), Math.max(0, hit.end - sentenceStart));
  extra.addWords('hit', matched, false, 0.7);
  // The few words before the hit carry negation and hedges ("not a stupid…", "if you…").
  extra.addWords('pre', sentence.slice(Math.max(0, hit.start - sentenceStart - 30), Math.max(0, hit.start - sentenceStart)), false, 0.5);
  const more = extra.build();
  return {
    ids: Int32Array.from([...base.ids, ...more.ids]),
    values: Float32Array.from([...base.values, ...more.values]),
  };
}
