// PLACEHOLDER (rewrites helper replaces this): sentence-aware rewrites for one finding.
import type { AnalysisContext } from '../context.ts';
import type { Finding, Suggestion } from '../types.ts';

/** Returns 1–3 replacements for reply.slice(finding.start, finding.end) that read naturally in the sentence. */
export function rewriteFinding(_reply: string, finding: Finding, _context: AnalysisContext): Suggestion[] {
  return finding.suggestions;
}
