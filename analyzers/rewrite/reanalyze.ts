// What a text would be flagged for in the analysis context a suggestion came
// from: the same phrase judges and missing-piece checks the analyzer runs, so
// a suggestion is proved clean against what the user will actually see.
import type { AnalysisContext } from '../context.ts';
import type { Finding } from '../types.ts';
import { readDraft, type Draft } from '../text/draft.ts';
import { findPhraseIssues } from '../phrases/index.ts';
import { findMissingPieces } from '../missing.ts';
import { combineWithModel } from '../model/index.ts';

export interface Reading {
  phrase: Finding[];
  missing: Finding[];
}

/** The phrase findings the analyzer shows for a draft: the rules, judged beside the tone model (as in analyzers/index.ts). */
export function judgePhrases(draft: Draft, context: AnalysisContext, cache?: Map<string, unknown>): Finding[] {
  return combineWithModel(draft, context, findPhraseIssues(draft, context, cache), context.options?.engine ?? 'combined', cache);
}

export function reanalyze(text: string, context: AnalysisContext): Reading {
  const draft = readDraft(text);
  const phrase = judgePhrases(draft, context);
  return { phrase, missing: findMissingPieces(draft, context, phrase) };
}

/**
 * Findings of `after` that `before` did not have, where `after` is `before`
 * with [a, b) replaced by a text `delta` characters longer. Away from the edit
 * a phrase finding is matched by rule and (shifted) place; on the new words, by
 * a finding of the same rule on the old ones; missing pieces by category.
 */
export function newFindings(before: Reading, after: Reading, a: number, b: number, delta: number): Finding[] {
  const old = new Set(before.phrase.map((f) => `${f.ruleId}@${f.start}-${f.end}`));
  const oldAtEdit = new Set(before.phrase.filter((f) => f.start < Math.max(b, a + 1) && f.end > a).map((f) => f.ruleId));
  const oldMissing = new Set(before.missing.map((f) => f.category));
  const out = after.missing.filter((f) => !oldMissing.has(f.category));
  const editEnd = b + delta;
  for (const f of after.phrase) {
    const away = f.end <= a || f.start >= editEnd;
    const [s, e] = f.start >= editEnd ? [f.start - delta, f.end - delta] : [f.start, f.end];
    if (away ? !old.has(`${f.ruleId}@${s}-${e}`) : !oldAtEdit.has(f.ruleId)) out.push(f);
  }
  return out;
}
