// What a text would be flagged for in the analysis context a suggestion came
// from: the analyzer itself (rules, the tone model beside them, missing pieces,
// the user's sensitivity and switched-off rules), so a suggestion is proved
// clean against exactly what the user will see. One incremental session per
// context: candidates for the same reply share every unchanged sentence.
import { createAnalyzer } from '../index.ts';
import type { AnalysisContext } from '../context.ts';
import type { Analyzer, Finding } from '../types.ts';
import { readDraft } from '../text/draft.ts';
import { applySensitivity, findPhraseIssues } from '../phrases/index.ts';
import { combineWithModel } from '../model/index.ts';

export interface Reading {
  phrase: Finding[];
  missing: Finding[];
}

/**
 * Sessions by what the analysis depends on besides the text (channel, options, customer), so
 * one survives from keystroke to keystroke and re-reads only the sentences that changed.
 */
const sessions = new Map<string, { session: Analyzer; recent: Map<string, Reading>; cache: Map<string, unknown> }>();
const MAX_SESSIONS = 4;

function sessionFor(context: AnalysisContext) {
  const key = `${context.channel}\u0000${JSON.stringify(context.options ?? {})}\u0000${context.customer.text}`;
  let entry = sessions.get(key);
  if (!entry) {
    if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
    entry = { session: createAnalyzer({ ...context.options, channel: context.channel }), recent: new Map(), cache: new Map() };
    sessions.set(key, entry);
  }
  return entry;
}

export function reanalyze(text: string, context: AnalysisContext): Reading {
  const entry = sessionFor(context);
  // The reply itself is asked about once per candidate: keep the last few readings.
  const hit = entry.recent.get(text);
  if (hit) return hit;
  const findings = entry.session.update(text, context.customer.text).findings;
  const reading = { phrase: findings.filter((f) => f.start !== f.end), missing: findings.filter((f) => f.start === f.end) };
  if (entry.recent.size >= 4) entry.recent.delete(entry.recent.keys().next().value as string);
  entry.recent.set(text, reading);
  return reading;
}

/**
 * The phrase findings for a sentence, as analyzers/index.ts judges them (rules, then the tone model
 * beside them, then the user's switches), without the draft-level work: the gate asks this of every
 * candidate. What it misses, verify.ts catches through the analyzer itself.
 */
export function judgePhrases(text: string, context: AnalysisContext): Finding[] {
  const entry = sessionFor(context);
  const draft = readDraft(text);
  const options = context.options ?? {};
  const judged = applySensitivity(combineWithModel(draft, context, findPhraseIssues(draft, context, entry.cache), options.engine ?? 'combined', entry.cache), options.sensitivity);
  const offCategories = new Set(options.disabledCategories ?? []);
  const offRules = new Set(options.disabledRules ?? []);
  if (entry.cache.size > 20_000) entry.cache.clear();
  return judged.filter((f) => !offCategories.has(f.category) && !offRules.has(f.ruleId));
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
