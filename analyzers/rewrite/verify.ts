// The last check before a user sees a suggestion: applied to the whole reply
// and analyzed again, its finding must be gone and nothing else may be flagged
// that was not flagged before. The sentence-local gate (gate.ts) cannot see
// this: dropping a sentence changes how its neighbours read, a rewritten
// promise may have been the reply's only next step, and the tone model reads
// each sentence in its context. Not cached with the rewrites (they are keyed by
// sentence): it reads the whole reply, through an incremental session.
import type { AnalysisContext } from '../context.ts';
import type { Finding, Suggestion } from '../types.ts';
import { newFindings, reanalyze } from './reanalyze.ts';

/** Why a suggestion fails in the whole reply ([] when it is proved clean). */
export function problemsInReply(reply: string, finding: Finding, sg: Suggestion, context: AnalysisContext): string[] {
  const a = sg.start ?? finding.start;
  const b = sg.end ?? finding.end;
  if (a < 0 || b > reply.length || a > b) return ['range outside the reply'];
  const applied = reply.slice(0, a) + sg.replacement + reply.slice(b);
  const before = reanalyze(reply, context);
  const after = reanalyze(applied, context);
  const end = a + sg.replacement.length;
  const problems: string[] = [];
  if (finding.start === finding.end) {
    if (after.missing.some((f) => f.category === finding.category)) problems.push(`still ${finding.category}`);
  } else {
    for (const f of after.phrase) if (f.category === finding.category && f.start < Math.max(end, a + 1) && f.end > a) problems.push(`still ${f.category} "${applied.slice(f.start, f.end)}"`);
  }
  for (const f of newFindings(before, after, a, b, sg.replacement.length - (b - a))) problems.push(`new ${f.category}${f.start < f.end ? ` "${applied.slice(f.start, f.end)}"` : ''}`);
  return problems;
}

/** The suggestions that read clean in the whole reply, in order. A missing piece's insertions are proved where they are built (missing-piece.ts). */
export function provenInReply(reply: string, finding: Finding, suggestions: Suggestion[], context: AnalysisContext): Suggestion[] {
  if (finding.start === finding.end || suggestions.length === 0) return suggestions;
  try {
    return suggestions.filter((sg) => problemsInReply(reply, finding, sg, context).length === 0);
  } catch {
    return [];
  }
}
