// What every suggested reply (rule-based or on-device AI) must satisfy before a
// user sees it (issue 4): facts kept, nothing invented, no new promise, and no
// error-level finding when it is analyzed again.
import { analyze } from '../index.ts';
import { inventedFacts, lostFacts } from '../facts.ts';
import type { AnalyzeInput, AnalyzeOptions } from '../types.ts';

const PROMISE = /\b(?:guarantee[ds]?|promise[ds]?|never (?:\w+ )?(?:happen|occur)s? again|won'?t (?:ever )?happen again|100 ?%|always will|without fail)\b/gi;

export interface InvariantReport {
  ok: boolean;
  lostFacts: string[];
  inventedFacts: string[];
  newPromises: string[];
  errorFindings: string[];
  placeholders: string[];
}

function promises(text: string): string[] {
  return (text.match(PROMISE) ?? []).map((p) => p.toLowerCase());
}

/** Promise words in `after` beyond those already in `before`. */
export function newPromises(before: string, after: string): string[] {
  const had = promises(before);
  const out: string[] = [];
  for (const p of promises(after)) {
    const i = had.indexOf(p);
    if (i >= 0) had.splice(i, 1);
    else out.push(p);
  }
  return out;
}

export function placeholdersIn(text: string): string[] {
  return text.match(/\[[a-z][a-z ]*\]/g) ?? [];
}

export function checkReply(input: AnalyzeInput, suggested: string, options: AnalyzeOptions = {}): InvariantReport {
  const draft = input.reply;
  const lost = lostFacts(draft, suggested);
  const invented = inventedFacts(suggested, [draft, input.customer ?? '']);
  const promisesAdded = newPromises(draft, suggested);
  const errors = analyze({ ...input, reply: suggested }, options)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.ruleId}${f.text ? `: "${f.text}"` : ''}`);
  return {
    ok: lost.length === 0 && invented.length === 0 && promisesAdded.length === 0 && errors.length === 0,
    lostFacts: lost,
    inventedFacts: invented,
    newPromises: promisesAdded,
    errorFindings: errors,
    placeholders: placeholdersIn(suggested),
  };
}
