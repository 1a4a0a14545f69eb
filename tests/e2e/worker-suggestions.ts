// Drafts reach pages without suggestions; tests that need them ask the worker the way the
// side panel does ('draft:suggestions' from an extension page, naming the draft's tab).
import type { Page } from 'playwright-core';
import type { Finding } from '../../analyzers/types.ts';
import type { DraftState, SuggestionsResponse } from '../../lib/messages.ts';

/** Every finding of `state` with its suggestions, from an extension page (`page`) of the running extension. */
export async function findingsWithSuggestions(page: Page, state: DraftState): Promise<Finding[]> {
  const findings = state.result.findings;
  if (!findings.length) return [];
  const message = { type: 'draft:suggestions', tabId: state.tabId, draftId: state.draftId, version: state.version, findings: findings.map(({ ruleId, start, end }) => ({ ruleId, start, end })) };
  const answer = (await page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message)) as SuggestionsResponse;
  if (!answer?.ok) throw new Error(`the worker gave no suggestions for version ${state.version}: ${JSON.stringify(answer)}`);
  return findings.map((f, i) => ({ ...f, suggestions: answer.suggestions[i] ?? [] }));
}
