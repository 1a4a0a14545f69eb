// Whether a rewritten sentence still reads as a whole sentence: the suggested
// reply may only swap a flagged sentence for one that does. A cut can leave a
// clause without its participle ("The description is accurate and has been.")
// or a splice a run of grammar problems the original did not have.
import { grammarProblems } from './gate.ts';

/** A clause cut off after its auxiliary or an article: "…and has been.", "…that we will.", "…apologize for the." */
const CUT_SHORT = /\b(?:has|have|had|been|being|will|would|can|could|should|must|shall|may|might|the|a|an)\s*[.!?…]["'’”)]*\s*$/i;

export function readsWhole(candidate: string, original: string): boolean {
  if (CUT_SHORT.test(candidate) && !CUT_SHORT.test(original)) return false;
  const had = new Set(grammarProblems(original, '', false));
  return grammarProblems(candidate, '', false).every((p) => had.has(p));
}
