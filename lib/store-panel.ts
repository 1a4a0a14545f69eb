// Side panel state: the draft being shown, what the user ignored or
// dismissed, the pending placeholder confirmation, and apply results.
import { createStore } from 'zustand/vanilla';
import type { ApplyResponse, DraftFinding, DraftState, PageToBackground, TextEdit } from './messages.ts';
import { placeholdersIn } from './ui-diff.ts';
import { findingKey } from './ui-checklist.ts';
import type { Finding } from '../analyzers/types.ts';

export type SendToBackground = (message: PageToBackground) => Promise<unknown>;

export interface PendingApply {
  edit: TextEdit;
  /** What the button said, for the dialog ("Accept all", "Apply …"). */
  label: string;
  placeholders: string[];
}

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface PanelState {
  draft: DraftState | null;
  /** findingKey()s ignored per draft id, hidden at once (the background re-analyzes afterwards). */
  ignored: Record<string, string[]>;
  /** The draft text for which the user dismissed the suggested reply; it comes back when the text changes. */
  dismissedFor: string | null;
  pending: PendingApply | null;
  notice: Notice | null;
  busy: boolean;
  setDraft(draft: DraftState | null): void;
  /** Applies at once, or asks first when the new text holds an unfilled placeholder. */
  requestApply(edit: TextEdit, label: string): Promise<void>;
  confirmPending(): Promise<void>;
  cancelPending(): void;
  ignore(finding: DraftFinding): Promise<void>;
  dismissSuggestion(): void;
  clearNotice(): void;
  /** Scrolls the page to the finding's words and highlights them; a notice when the page cannot. */
  reveal(finding: Finding): Promise<void>;
}

export function createPanelStore(send: SendToBackground) {
  return createStore<PanelState>()((set, get) => {
    async function apply(edit: TextEdit) {
      const draft = get().draft;
      if (!draft) return;
      set({ busy: true, notice: null });
      let response: ApplyResponse;
      try {
        response = ((await send({ type: 'draft:apply', tabId: draft.tabId, draftId: draft.draftId, edit })) as ApplyResponse | undefined) ?? {
          ok: false,
          reason: 'The page did not answer. Reload the tab and try again.',
        };
      } catch (error) {
        response = { ok: false, reason: `Could not reach the page: ${(error as Error).message}` };
      }
      set({
        busy: false,
        notice: response.ok ? { kind: 'ok', text: 'Applied. Undo in the editor (Ctrl+Z) restores the previous text.' } : { kind: 'error', text: `Not applied: ${response.reason}` },
      });
    }
    return {
      draft: null,
      ignored: {},
      dismissedFor: null,
      pending: null,
      notice: null,
      busy: false,
      setDraft(draft) {
        const previous = get().draft;
        const sameDraft = previous && draft && previous.tabId === draft.tabId && previous.draftId === draft.draftId;
        set({ draft, ...(sameDraft ? {} : { pending: null, notice: null }) });
      },
      async requestApply(edit, label) {
        const placeholders = placeholdersIn(edit.replacement);
        if (placeholders.length) set({ pending: { edit, label, placeholders } });
        else await apply(edit);
      },
      async confirmPending() {
        const pending = get().pending;
        set({ pending: null });
        if (pending) await apply(pending.edit);
      },
      cancelPending: () => set({ pending: null }),
      async ignore(finding) {
        const draft = get().draft;
        if (!draft) return;
        const key = findingKey(finding);
        const ignored = get().ignored;
        set({ ignored: { ...ignored, [draft.draftId]: [...(ignored[draft.draftId] ?? []), key] } });
        try {
          await send({ type: 'draft:ignore', tabId: draft.tabId, draftId: draft.draftId, ruleId: finding.ruleId, start: finding.start, end: finding.end });
        } catch {
          // Hidden here regardless; the page may have gone away.
        }
      },
      dismissSuggestion: () => set({ dismissedFor: get().draft?.reply ?? null }),
      clearNotice: () => set({ notice: null }),
      async reveal(finding) {
        const draft = get().draft;
        if (!draft || finding.end <= finding.start) return;
        const range = { start: finding.start, end: finding.end, expected: draft.reply.slice(finding.start, finding.end) };
        const shown = await send({ type: 'draft:reveal', tabId: draft.tabId, draftId: draft.draftId, range }).catch(() => false);
        if (shown !== true) set({ notice: { kind: 'error', text: 'Could not find these words in the page: the draft changed or its tab was closed.' } });
      },
    };
  });
}

/** The findings still to show: not ignored in this panel. */
export function visibleFindings(state: Pick<PanelState, 'draft' | 'ignored'>): DraftFinding[] {
  if (!state.draft) return [];
  const ignored = new Set(state.ignored[state.draft.draftId] ?? []);
  return state.draft.result.findings.filter((f) => !ignored.has(findingKey(f)));
}
