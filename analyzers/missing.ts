// PLACEHOLDER (engine-context helper replaces this): missing empathy / apology / next step.
import type { Draft } from './text/draft.ts';
import type { AnalysisContext } from './context.ts';
import type { Finding } from './types.ts';

export function findMissingPieces(_draft: Draft, _context: AnalysisContext, _phraseFindings: Finding[]): Finding[] {
  return [];
}
