// The side panel's suggestions, fetched from the worker for the findings it shows (drafts
// arrive without them: proving every rewrite of a long draft takes seconds, and the flags
// must not wait on that). Fetched a few at a time in the order the panel lists them, so the
// first groups fill in first and a new version of the draft stops the rest.
import { useEffect, useRef, useState } from 'react';
import type { Finding, Suggestion } from '../analyzers/types.ts';
import type { DraftFinding, DraftState, FindingRef, PageToBackground, SuggestionsResponse } from '../lib/messages.ts';

/** Stands for suggestions not fetched yet (compared by identity): the list shows "finding a better wording". */
export const PENDING_SUGGESTIONS: Suggestion[] = Object.freeze([]) as unknown as Suggestion[];

/** Findings per request: the first answer comes quickly, and the worker reads drafts in between. */
const CHUNK = 12;

const RANK = { error: 0, warning: 1, info: 2 } as const;
const refKey = (f: FindingRef) => `${f.ruleId}\u0000${f.start}\u0000${f.end}`;
const draftKey = (d: DraftState) => `${d.tabId}:${d.draftId}:${d.version}`;

export type Send = (message: PageToBackground) => Promise<unknown>;

/**
 * `findings` in the order the panel shows them, each with its suggestions: carried by the state,
 * fetched, or PENDING_SUGGESTIONS while on their way (none when the worker could not answer).
 */
export function useFindingSuggestions(draft: DraftState | null, findings: readonly DraftFinding[], send: Send): Finding[] {
  const [fetched, setFetched] = useState<{ key: string; byRef: Map<string, Suggestion[]> }>({ key: '', byRef: new Map() });
  const key = draft ? draftKey(draft) : '';
  const known = fetched.key === key ? fetched.byRef : undefined;
  // Errors first, then in text order: roughly the order the panel lists them.
  const missing = draft ? findings.filter((f) => !f.suggestions && !known?.has(refKey(f))).sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start) : [];
  const wanted = missing.map(refKey).join('\n');

  // What was asked for this draft version: a finding is asked about once, and a newer version stops the rest.
  const asked = useRef({ key: '', refs: new Set<string>() });

  useEffect(() => {
    if (!draft || !missing.length) return;
    if (asked.current.key !== key) asked.current = { key, refs: new Set() };
    const mine = asked.current;
    const refs: FindingRef[] = missing.filter((f) => !mine.refs.has(refKey(f))).map(({ ruleId, start, end }) => ({ ruleId, start, end }));
    for (const r of refs) mine.refs.add(refKey(r));
    const store = (chunk: FindingRef[], lists: (Suggestion[] | null)[]) =>
      setFetched((prev) => {
        const byRef = new Map(prev.key === key ? prev.byRef : []);
        chunk.forEach((r, i) => byRef.set(refKey(r), lists[i] ?? []));
        return { key, byRef };
      });
    void (async () => {
      for (let i = 0; i < refs.length && asked.current === mine; i += CHUNK) {
        const chunk = refs.slice(i, i + CHUNK);
        const message: PageToBackground = { type: 'draft:suggestions', tabId: draft.tabId, draftId: draft.draftId, version: draft.version, findings: chunk };
        const answer = (await send(message).catch(() => undefined)) as SuggestionsResponse | undefined;
        if (asked.current !== mine) return;
        // Stale or unanswered: no buttons rather than a spinner forever; the newer state fetches again.
        store(chunk, answer?.ok ? answer.suggestions : []);
      }
    })();
    // `wanted` names the missing findings; `key` the draft version they belong to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, wanted]);

  return findings.map((f) => (f.suggestions ? (f as Finding) : { ...f, suggestions: known?.get(refKey(f)) ?? PENDING_SUGGESTIONS }));
}
