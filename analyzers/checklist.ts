// PLACEHOLDER (engine-context helper replaces this): the pre-send checklist (playbook part A).
import type { Draft } from './text/draft.ts';
import type { AnalysisContext } from './context.ts';
import type { ChecklistItem, Finding } from './types.ts';

export function buildChecklist(_draft: Draft, _context: AnalysisContext, _findings: Finding[]): ChecklistItem[] {
  return [];
}
