// The pre-send checklist: items the analysis ticks from the text, plus manual
// ticks for what text cannot show, and the "ready to send" verdict.
import type { Category, ChecklistStatus, Severity } from '../analyzers/types.ts';
import type { DraftResult, TextRange } from './messages.ts';
import { quotePhrase } from './ui-card-text.ts';
import { draftStage, type DraftStage } from './ui-draft-stage.ts';
import { groupFindings, shownFindings, type FindingGroup } from './ui-priority.ts';

/** Checks only the writer can confirm: the text looks the same whether or not they were done. */
export const MANUAL_CHECKS = [
  { id: 'manual:facts', label: "I checked the facts against the customer's order or account" },
  { id: 'manual:follow-through', label: 'What I promise (refund, callback, replacement) is actually set up' },
] as const;

export interface ChecklistRow {
  id: string;
  label: string;
  /** 'auto' rows come from the analysis; 'manual' rows are ticked by the writer. */
  source: 'auto' | 'manual';
  status: ChecklistStatus;
  rationale?: string;
}

export interface PreSendSummary {
  rows: ChecklistRow[];
  /** Open warning and error findings (info-level hints don't block sending). */
  openFlags: number;
  missing: number;
  ready: boolean;
}

const BLOCKING: readonly Severity[] = ['warning', 'error'];

/** Merges the analysis checklist with the writer's manual ticks. */
export function summarizePreSend(
  result: DraftResult,
  manualTicks: Readonly<Record<string, boolean>>,
  ignoredFindings: ReadonlySet<string> = new Set(),
): PreSendSummary {
  const auto: ChecklistRow[] = result.checklist.map((item) => ({
    id: item.id,
    label: item.label,
    source: 'auto',
    status: item.status,
    rationale: item.rationale,
  }));
  const manual: ChecklistRow[] = MANUAL_CHECKS.map((check) => ({
    id: check.id,
    label: check.label,
    source: 'manual',
    status: manualTicks[check.id] ? 'done' : 'missing',
  }));
  const rows = [...auto, ...manual];
  const openFlags = result.findings.filter((f) => BLOCKING.includes(f.severity) && !ignoredFindings.has(findingKey(f))).length;
  const missing = rows.filter((r) => r.status === 'missing').length;
  return { rows, openFlags, missing, ready: openFlags === 0 && missing === 0 };
}

/** Identifies a finding across re-analyses of the same text. */
export function findingKey(f: { ruleId: string; start: number; end: number }): string {
  return `${f.ruleId}@${f.start}-${f.end}`;
}

/** storage.session key of one draft's manual ticks. */
export function manualTicksKey(tabId: number, draftId: string): string {
  return `tactful:manual-ticks:${tabId}:${draftId}`;
}

/** Checklist items that a missing-piece finding already reports (with its severity judged against the customer's mood). */
const COVERED_BY_FINDING: Readonly<Record<string, Category>> = {
  empathy: 'missing_empathy',
  apology: 'missing_apology',
  'next-step': 'missing_next_step',
  solution: 'missing_next_step',
  'no-overpromise': 'overpromise',
};

export interface FixItem {
  groupKey: string;
  severity: Severity;
  /** Names the problem and where it is: "Shifts the blame: “That's not our fault”". */
  text: string;
  /** The first flagged words, to show in the page; none for a missing piece. */
  words?: TextRange;
}

export interface PreSendPlan {
  stage: DraftStage;
  /** Blocking: what to change in the draft, most important first. */
  fix: FixItem[];
  /** Not blocking: steps the reply could still take. */
  consider: ChecklistRow[];
  /** Blocking until ticked: what only the writer can confirm. */
  confirm: ChecklistRow[];
  ready: boolean;
}

/**
 * The popup's pre-send plan: "fix in the draft" names each blocking finding
 * (grouped by rule), "confirm before sending" holds the manual checks, and
 * the checklist steps nothing flags are suggestions, not blockers.
 */
export function preSendPlan(
  reply: string,
  result: DraftResult,
  manualTicks: Readonly<Record<string, boolean>>,
  ignoredFindings: ReadonlySet<string> = new Set(),
): PreSendPlan {
  const stage = draftStage(reply);
  const findings = shownFindings(
    reply,
    result.findings.filter((f) => !ignoredFindings.has(findingKey(f))),
  );
  const groups = groupFindings(reply, findings);
  const fix = groups
    .filter((g) => BLOCKING.includes(g.severity))
    .map((g) => ({ groupKey: g.key, severity: g.severity, text: fixText(reply, g), words: firstWords(reply, g) }));
  const flagged = new Set(findings.map((f) => f.category));
  const consider: ChecklistRow[] =
    stage === 'empty'
      ? []
      : result.checklist
          .filter((item) => item.status === 'missing' && !(COVERED_BY_FINDING[item.id] && flagged.has(COVERED_BY_FINDING[item.id])))
          .map((item) => ({ id: item.id, label: item.label, source: 'auto', status: item.status, rationale: item.rationale }));
  const confirm: ChecklistRow[] = MANUAL_CHECKS.map((check) => ({
    id: check.id,
    label: check.label,
    source: 'manual',
    status: manualTicks[check.id] ? 'done' : 'missing',
  }));
  const ready = stage === 'body' && fix.length === 0 && confirm.every((c) => c.status === 'done');
  return { stage, fix, consider, confirm, ready };
}

function firstWords(reply: string, g: FindingGroup): TextRange | undefined {
  const f = g.findings.find((x) => x.end > x.start);
  return f && { start: f.start, end: f.end, expected: reply.slice(f.start, f.end) };
}

function fixText(reply: string, g: FindingGroup): string {
  const first = g.findings[0];
  if (first.start === first.end) return g.title;
  if (g.findings.length > 1) return `${g.title}: ${g.findings.length} places, first “${quotePhrase(first.text ?? reply.slice(first.start, first.end), 40)}”`;
  return `${g.title}: “${quotePhrase(first.text ?? reply.slice(first.start, first.end), 48)}”`;
}
