// The card's suggestions, asked of the worker when the card opens: drafts come back
// without them (proving every rewrite of a long draft takes seconds, and underlines must
// not wait on that). Only the findings under the pointer are asked about.
import type { Finding } from '../../analyzers/types.ts';
import type { ContentToBackground, DraftFinding, DraftState, SuggestionsResponse } from '../messages.ts';

export interface CardFindings {
  /** The findings, in order, each with its suggestions (none when the worker could not say). */
  findings: Finding[];
  /** Why some have none: said on the card instead of leaving the user guessing. */
  problem?: string;
}

/** `findings` of `state` with their suggestions: carried by the state, else fetched for its version. */
export async function cardFindings(send: (m: ContentToBackground) => Promise<unknown>, draftId: string, state: DraftState, findings: readonly DraftFinding[]): Promise<CardFindings> {
  const missing = findings.filter((f) => !f.suggestions);
  let lists: (Finding['suggestions'] | null)[] = [];
  let problem: string | undefined;
  if (missing.length) {
    const refs = missing.map(({ ruleId, start, end }) => ({ ruleId, start, end }));
    const answer = (await send({ type: 'draft:suggestions', draftId, version: state.version, findings: refs }).catch(() => undefined)) as SuggestionsResponse | undefined;
    if (answer?.ok) lists = answer.suggestions;
    else problem = answer?.reason ?? 'Tactful could not reach its engine for suggestions; reload the page if this goes on.';
  }
  return { findings: findings.map((f) => (f.suggestions ? (f as Finding) : { ...f, suggestions: lists[missing.indexOf(f)] ?? [] })), problem };
}
