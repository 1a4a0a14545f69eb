// The extension's message contract between content scripts, the background
// (where the engine runs) and the extension pages (side panel, popup).
// Content scripts stay thin: they send draft text, draw what comes back.
import type { AnalyzeResult, Channel } from '../analyzers/types.ts';

export type EditorKind = 'contenteditable' | 'ckeditor' | 'prosemirror' | 'textarea';

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
  result: AnalyzeResult;
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
  /** Sent on a user gesture in the page (card button); background calls sidePanel.open synchronously. */
  | { type: 'panel:open' };

export type PageToBackground =
  /** The draft to show in `windowId`'s side panel (none: the latest focused anywhere). */
  | { type: 'panel:get'; windowId?: number }
  /** From the popup's button; the popup also opens the panel itself, since the gesture doesn't travel with a message. */
  | { type: 'panel:open' }
  | { type: 'draft:apply'; tabId: number; draftId: string; edit: TextEdit }
  | { type: 'draft:ignore'; tabId: number; draftId: string; ruleId: string; start: number; end: number };

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
  /** A re-analysis not triggered by the page (settings changed, a finding ignored). */
  | { type: 'draft:state'; draftId: string; state: DraftState }
  /** From the popup: does this page show a reply box Tactful recognises? */
  | { type: 'page:status' }
  /** Context menu "Tactful suggestions here": the card for the words at the caret (a right-click puts it there). */
  | { type: 'card:open-at-caret' };

/** The content script's answer to 'page:status'. */
export interface PageStatus {
  enabled: boolean;
  /** Reply boxes found on the page (0: none recognisable). */
  editors: number;
}

export type ApplyResponse = { ok: true } | { ok: false; reason: string };

/** Broadcast to extension pages whenever the most recently focused draft changes or is re-analyzed. */
export type BackgroundBroadcast = { type: 'panel:state'; state: DraftState | null };
