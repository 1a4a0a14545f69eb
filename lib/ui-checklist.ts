// The pre-send checklist: items the analysis ticks from the text, plus manual
// ticks for what text cannot show, and the "ready to send" verdict.
import type { AnalyzeResult, ChecklistStatus, Severity } from '../analyzers/types.ts';

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
  result: AnalyzeResult,
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
