// PLACEHOLDER (engine-core helper replaces this): phrase rules from rules/ matched per sentence.
import type { Draft, Sentence } from '../text/draft.ts';
import type { AnalysisContext } from '../context.ts';
import type { Finding } from '../types.ts';

/** Per-sentence results, cached by the incremental analyzer keyed on sentence text + context key. */
export type SentenceCache = Map<string, Omit<Finding, 'start' | 'end'>[] & { offsets?: [number, number][] }>;

export function findPhraseIssues(_draft: Draft, _context: AnalysisContext, _cache?: Map<string, unknown>): Finding[] {
  return [];
}
export type { Sentence };
