// The extension's message contract between content scripts, the background
// (where the engine runs) and the extension pages (side panel, popup).
// Content scripts stay thin: they send draft text, draw what comes back.
import type { AnalyzeResult, Channel, Finding, Suggestion } from '../analyzers/types.ts';

export type EditorKind = 'contenteditable' | 'ckeditor' | 'prosemirror' | 'textarea';

/**
 * A finding as pages receive it. Proving a suggestion re-analyzes the rewritten text, which costs
 * several times the analysis itself, so underlines never wait on them: a card or the side panel asks
 * for the suggestions of the findings it shows ('draft:suggestions'). Suggestions already at hand
 * (a team phrase's own wording, a full analysis a page hands over) travel with the finding.
 */
export type DraftFinding = Omit<Finding, 'suggestions'> & { suggestions?: Suggestion[] };

/** An analysis as sent to pages: findings without their suggestions unless already known. */
export type DraftResult = Omit<AnalyzeResult, 'findings'> & { findings: DraftFinding[] };

/** Names one finding of one analysis: its rule and span. */
export interface FindingRef {
  ruleId: string;
  start: number;
  end: number;
}

/** Most findings one 'draft:suggestions' request may name (the engine keeps at most 200 per draft). */
export const MAX_SUGGESTION_REFS = 200;

/**
 * The answer to 'draft:suggestions': one list per requested finding, in order (null: that analysis
 * has no such finding). `stale`: the draft changed since that version; a new state is on its way,
 * and the old suggestions would point at text that is no longer there.
 */
export type SuggestionsResponse = { ok: true; version: number; suggestions: (Suggestion[] | null)[] } | { ok: false; stale: boolean; reason: string };

/** Everything the UI needs to show one draft. */
export interface DraftState {
  tabId: number;
  /** Stable per editor element within a tab. */
  draftId: string;
  site: string; // 'gmail' | 'zendesk' | 'upwork' | 'fiverr' | 'generic'
  editorKind: EditorKind;
  channel: Channel;
  /** Zendesk internal note: not a reply to the customer, so not analyzed for tone. */
  internalNote: boolean;
  reply: string;
  customer: string;
  result: DraftResult;
  /** Increases with every analysis of this draft; an Apply names the version it was computed from. */
  version: number;
  updatedAt: number;
  /** The draft was longer than the analysis cap; only its start was checked. */
  truncated?: boolean;
}

export type ContentToBackground =
  | {
      type: 'draft:update';
      draftId: string;
      site: string;
      editorKind: EditorKind;
      channel: Channel;
      internalNote: boolean;
      reply: string;
      customer: string;
      /** True when `reply` was cut at the analysis cap. */
      truncated?: boolean;
    }
  | { type: 'draft:focus'; draftId: string }
  /** Ignore from the in-page card (the tab is the sender's). */
  | { type: 'draft:ignore'; draftId: string; ruleId: string; start: number; end: number }
  | { type: 'draft:closed'; draftId: string }
  /** The suggestions of the findings a card shows, from the analysis `version` of this tab's draft. */
  | { type: 'draft:suggestions'; draftId: string; version: number; findings: FindingRef[] }
  /** Sent on a user gesture in the page (card button); background calls sidePanel.open synchronously. */
  | { type: 'panel:open' }
  /** Rephrase selection: the styles of reply.slice(start, end) that pass the gate (the tab is the sender's). */
  | { type: 'draft:rephrase'; reply: string; customer: string; channel: Channel; start: number; end: number };

export type PageToBackground =
  /** The draft to show in `windowId`'s side panel (none: the latest focused anywhere). */
  | { type: 'panel:get'; windowId?: number }
  /** From the popup's button; the popup also opens the panel itself, since the gesture doesn't travel with a message. */
  | { type: 'panel:open' }
  | { type: 'draft:apply'; tabId: number; draftId: string; edit: TextEdit }
  /** The suggestions of the findings the side panel shows (or, for Fix all, every one of a rule). */
  | { type: 'draft:suggestions'; tabId: number; draftId: string; version: number; findings: FindingRef[] }
  | { type: 'draft:ignore'; tabId: number; draftId: string; ruleId: string; start: number; end: number }
  /** "Show in the draft": scroll the page to these words and highlight them (text unchanged). */
  | { type: 'draft:reveal'; tabId: number; draftId: string; range: TextRange };

/** Words in a draft: reply.slice(start, end) was `expected` when the range was computed. */
export interface TextRange {
  start: number;
  end: number;
  expected: string;
}

/** A replacement of reply.slice(start, end); `expected` is that slice when the edit was computed. */
export interface TextEdit {
  start: number;
  end: number;
  expected: string;
  replacement: string;
}

export type BackgroundToContent =
  | { type: 'draft:apply'; draftId: string; edit: TextEdit }
  | { type: 'draft:ignore'; draftId: string; ruleId: string; start: number; end: number }
  | { type: 'draft:reveal'; draftId: string; range: TextRange }
  /** A re-analysis not triggered by the page (settings changed, a finding ignored). */
  | { type: 'draft:state'; draftId: string; state: DraftState }
  /** From the popup: does this page show a reply box Tactful recognises? */
  | { type: 'page:status' }
  /** Context menu "Tactful suggestions here": the card for the words at the caret (a right-click puts it there). */
  | { type: 'card:open-at-caret' }
  /** Context menu / shortcut "Tactful: rephrase": the rephrase card for the selection. */
  | { type: 'card:rephrase-selection' };

/** The content script's answer to 'page:status'. */
export interface PageStatus {
  enabled: boolean;
  /** Reply boxes found on the page (0: none recognisable). */
  editors: number;
}

export type ApplyResponse = { ok: true } | { ok: false; reason: string };

/** Broadcast to extension pages whenever the most recently focused draft changes or is re-analyzed. */
export type BackgroundBroadcast = { type: 'panel:state'; state: DraftState | null };
