// The last check before a user sees a suggestion: applied to the reply (up to
// REACH characters either side of the edit, for long drafts) and analyzed
// again, its finding must be gone and nothing else may be flagged that was not
// flagged before. The sentence-local gate (gate.ts) cannot see
// this: dropping a sentence changes how its neighbours read, a rewritten
// promise may have been the reply's only next step, and the tone model reads
// each sentence in its context. Not cached with the rewrites (they are keyed by
// sentence): it reads the whole reply, through an incremental session.
import type { AnalysisContext } from '../context.ts';
import type { Finding, Suggestion } from '../types.ts';
import { newFindings, reanalyze } from './reanalyze.ts';

/**
 * How far either side of an edit the check reads. A neighbour's reading can change with the edit; a
 * sentence a page away does not, and re-reading a 5,000-word draft for every suggestion would cost
 * seconds. Short replies are read whole.
 */
const REACH = 350;

/** [start, end) of the text around [a, b) the check reads, cut at a line break or sentence end when one is near. */
function windowAround(reply: string, a: number, b: number): [number, number] {
  let ws = Math.max(0, a - REACH);
  if (ws > 0) {
    const line = reply.lastIndexOf('\n', ws);
    const stop = reply.slice(Math.max(0, ws - 200), ws).search(/[.!?…]\s+\S*$/);
    ws = line >= ws - 200 && line >= 0 ? line + 1 : stop >= 0 ? Math.max(0, ws - 200) + stop + 1 : ws;
    while (ws < a && /\S/.test(reply[ws - 1] ?? ' ')) ws++;
  }
  let we = Math.min(reply.length, b + REACH);
  if (we < reply.length) {
    const line = reply.indexOf('\n', we);
    const stop = /[.!?…](?=\s)/.exec(reply.slice(we, we + 200));
    we = line >= 0 && line <= we + 200 ? line : stop ? we + stop.index + 1 : we;
    while (we > b && /\S/.test(reply[we] ?? ' ')) we--;
  }
  return [ws, we];
}

/** Why a suggestion fails in its reply ([] when it is proved clean). */
export function problemsInReply(full: string, finding: Finding, sg: Suggestion, context: AnalysisContext): string[] {
  const fa = sg.start ?? finding.start;
  const fb = sg.end ?? finding.end;
  if (fa < 0 || fb > full.length || fa > fb) return ['range outside the reply'];
  const [ws, we] = windowAround(full, fa, fb);
  const reply = full.slice(ws, we);
  const a = fa - ws;
  const b = fb - ws;
  const missingPiece = finding.start === finding.end;
  const applied = reply.slice(0, a) + sg.replacement + reply.slice(b);
  const before = reanalyze(reply, context);
  const after = reanalyze(applied, context);
  const end = a + sg.replacement.length;
  const problems: string[] = [];
  if (missingPiece) {
    if (after.missing.some((f) => f.category === finding.category)) problems.push(`still ${finding.category}`);
  } else {
    // A neighbour's own finding that a deletion brings up against the edit ("" then "Data outages are normal…") is not this one left.
    const delta = sg.replacement.length - (b - a);
    const neighbours = new Set(before.phrase.filter((f) => f.start >= b || f.end <= a).map((f) => `${f.ruleId}@${f.start}-${f.end}`));
    const neighbour = (f: Finding) => (f.start >= end ? neighbours.has(`${f.ruleId}@${f.start - delta}-${f.end - delta}`) : f.end <= a && neighbours.has(`${f.ruleId}@${f.start}-${f.end}`));
    for (const f of after.phrase) if (f.category === finding.category && f.start < Math.max(end, a + 1) && f.end > a && !neighbour(f)) problems.push(`still ${f.category} "${applied.slice(f.start, f.end)}"`);
  }
  for (const f of newFindings(before, after, a, b, sg.replacement.length - (b - a))) problems.push(`new ${f.category}${f.start < f.end ? ` "${applied.slice(f.start, f.end)}"` : ''}`);
  return problems;
}

/** The suggestions that read clean in their reply, in order. A missing piece's insertions are proved where they are built (missing-piece.ts). */
export function provenInReply(reply: string, finding: Finding, suggestions: Suggestion[], context: AnalysisContext): Suggestion[] {
  if (finding.start === finding.end || suggestions.length === 0) return suggestions;
  try {
    return suggestions.filter((sg) => problemsInReply(reply, finding, sg, context).length === 0);
  } catch {
    return [];
  }
}
