// What the side panel puts first: a one-line verdict, the two or three things
// that matter most, and the findings grouped by rule, errors before warnings,
// with one "fix all" edit for a rule that fires more than once. Pure: no DOM.
import type { Severity } from '../analyzers/types.ts';
import type { DraftFinding, TextEdit } from './messages.ts';
import { editForAll } from './ui-diff.ts';
import { suggestionEdit } from './ui-suggestion.ts';
import { findingTitle, quotePhrase } from './ui-card-text.ts';
import { draftStage } from './ui-draft-stage.ts';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const isMissingPiece = (f: DraftFinding) => f.category.startsWith('missing_');

/** Pages get findings without suggestions (lib/messages.ts); the side panel fills in those it fetched. */
export interface FindingGroup<F extends DraftFinding = DraftFinding> {
  /** Stable id for the group (its rule), used to jump to it. */
  key: string;
  ruleId: string;
  severity: Severity;
  title: string;
  /** In text order. */
  findings: F[];
  /** Every occurrence fixed with its first suggestion, as one edit (one undo step); null when that is not safe. */
  fixAll: TextEdit | null;
}

/**
 * The findings to show for this draft: before the draft has a body, missing
 * pieces are left out (an empty reply lacks everything; saying so is noise).
 */
export function shownFindings<F extends DraftFinding>(reply: string, findings: readonly F[]): F[] {
  return draftStage(reply) === 'empty' ? findings.filter((f) => !isMissingPiece(f)) : [...findings];
}

/** One "fix all" edit: only when every occurrence has a suggestion (known already) and none of them overlap. */
function fixAllEdit(reply: string, findings: readonly DraftFinding[]): TextEdit | null {
  if (findings.length < 2 || findings.some((f) => !f.suggestions?.length || f.start === f.end)) return null;
  const edits = findings.map((f) => suggestionEdit(reply, f, f.suggestions![0]));
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end)) return null;
  if (sorted.some((e) => reply.slice(e.start, e.end) !== e.expected)) return null;
  return editForAll(reply, sorted);
}

/** Findings grouped by rule; errors first, then warnings, then hints; within a severity, the most frequent first, then text order. */
export function groupFindings<F extends DraftFinding>(reply: string, findings: readonly F[]): FindingGroup<F>[] {
  const byRule = new Map<string, F[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const groups: FindingGroup<F>[] = [...byRule.entries()].map(([ruleId, list]) => {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    const severity = sorted.reduce<Severity>((s, f) => (RANK[f.severity] < RANK[s] ? f.severity : s), 'info');
    return { key: ruleId, ruleId, severity, title: findingTitle(sorted[0]), findings: sorted, fixAll: fixAllEdit(reply, sorted) };
  });
  return groups.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      Number(isMissingPiece(a.findings[0])) - Number(isMissingPiece(b.findings[0])) ||
      b.findings.length - a.findings.length ||
      a.findings[0].start - b.findings[0].start,
  );
}

export interface TopItem {
  groupKey: string;
  severity: Severity;
  /** "Shifts the blame: “That's not our fault”" or "Sounds defensive (3×)". */
  text: string;
}

export interface Verdict {
  kind: 'start' | 'fix' | 'review' | 'good';
  /** One line: what state the reply is in. */
  text: string;
  /** The two or three things that matter most, most important first. */
  top: TopItem[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function panelVerdict(reply: string, groups: readonly FindingGroup<DraftFinding>[]): Verdict {
  const blocking = groups.filter((g) => g.severity !== 'info');
  const top = blocking.slice(0, 3).map((g): TopItem => {
    const first = g.findings[0];
    const phrase = first.start < first.end ? (first.text ?? reply.slice(first.start, first.end)) : '';
    const detail = g.findings.length > 1 ? ` (${g.findings.length}×)` : phrase ? `: “${quotePhrase(phrase, 48)}”` : '';
    return { groupKey: g.key, severity: g.severity, text: `${g.title}${detail}` };
  });
  if (draftStage(reply) === 'empty' && blocking.length === 0) {
    return { kind: 'start', text: 'Start writing: Tactful checks your reply as you type.', top: [] };
  }
  const errors = blocking.filter((g) => g.severity === 'error').reduce((n, g) => n + g.findings.length, 0);
  const warnings = blocking.filter((g) => g.severity === 'warning').reduce((n, g) => n + g.findings.length, 0);
  if (errors > 0) {
    const rest = warnings > 0 ? `, then ${plural(warnings, 'warning', 'warnings')}` : '';
    return { kind: 'fix', text: `Not ready: fix ${plural(errors, 'error', 'errors')} first${rest}.`, top };
  }
  if (warnings > 0) return { kind: 'review', text: `Almost there: ${plural(warnings, 'thing', 'things')} to soften.`, top };
  return { kind: 'good', text: 'Reads well: nothing to fix.', top: [] };
}
