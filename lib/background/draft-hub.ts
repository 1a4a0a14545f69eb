// The background's memory: one incremental analyzer per open draft, the latest
// DraftState of each, which draft was focused most recently in each window (a side
// panel belongs to one window) and anywhere, and the findings the user ignored
// (filtered here so overlay and side panel agree).
import { createAnalyzer } from '../../analyzers/index.ts';
import type { AnalyzeResult, Analyzer, Channel, Finding } from '../../analyzers/types.ts';
import type { ContentToBackground, DraftFinding, DraftState, FindingRef, SuggestionsResponse } from '../messages.ts';
import { DEFAULT_SETTINGS, toAnalyzeOptions, type Settings } from '../settings.ts';
import { siteEnabled } from '../ui-sites.ts';

type DraftUpdate = Extract<ContentToBackground, { type: 'draft:update' }>;

interface Entry {
  tabId: number;
  /** The browser window the tab is in (-1: unknown); a tab may be dragged to another. */
  windowId: number;
  analyzer: Analyzer;
  channel: Channel;
  input: DraftUpdate;
  /** The engine's result: its findings prove their suggestions on first read and keep them. */
  raw: AnalyzeResult;
  /** raw.findings by rule and span, built on the first request for suggestions. */
  byRef?: Map<string, Finding>;
  /** The first version whose text, customer and options are the current ones: older suggestions point at other text. */
  sameSince: number;
  state: DraftState;
  ignored: Set<string>;
}

export interface HubEffects {
  /** Tell extension pages (side panel, popup) of `windowId` what to show (undefined: every window's). */
  broadcast(state: DraftState | null, windowId?: number): void;
  /** Push a re-analysis to the content script that owns the draft. */
  pushToTab(tabId: number, draftId: string, state: DraftState): void;
  /** Keep a draft's ignored findings where a restarted worker finds them. */
  saveIgnored?(tabId: number, draftId: string, ignored: Iterable<string>): void;
  /** A draft (or, without draftId, a whole tab) is gone: forget what was kept for it. */
  forget?(tabId: number, draftId?: string): void;
}

const key = (tabId: number, draftId: string) => `${tabId}:${draftId}`;
const ignoreKey = (ruleId: string, text: string) => `${ruleId}\u0000${text}`;
const refKey = (f: FindingRef) => `${f.ruleId}\u0000${f.start}\u0000${f.end}`;

/**
 * The finding as pages get it: without suggestions not yet proved (reading them would prove every
 * one, seconds on a long draft), with those already known. Copies own keys, so no getter runs.
 */
function forPages(f: Finding): DraftFinding {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(f)) {
    if (k === 'suggestions' && !('value' in (Object.getOwnPropertyDescriptor(f, k) ?? {}))) continue;
    out[k] = (f as unknown as Record<string, unknown>)[k];
  }
  return out as DraftFinding;
}

export class DraftHub {
  private entries = new Map<string, Entry>();
  /** The focused draft anywhere (pages that follow the latest draft) and per window. */
  private focused: string | undefined;
  private focusedIn = new Map<number, string>();
  private settings: Settings = DEFAULT_SETTINGS;

  constructor(
    private effects: HubEffects,
    /** Ignored findings an earlier run of the worker kept for a draft. */
    private restoreIgnored: (tabId: number, draftId: string) => Iterable<string> = () => [],
    /** The draft a window showed before the worker restarted: it takes focus back when its page re-sends it. */
    private rememberedFocus: (windowId: number) => { tabId: number; draftId: string } | null = () => null,
  ) {}

  /** Windows whose remembered focus was already given back (or overtaken by a newer focus). */
  private focusRestored = new Set<number>();
  /** A draft that asked for focus before the hub had its text. */
  private pendingFocus: string | undefined;

  update(tabId: number, input: DraftUpdate, windowId = -1): DraftState {
    const k = key(tabId, input.draftId);
    let entry = this.entries.get(k);
    if (!entry || entry.channel !== input.channel) {
      const analyzer = createAnalyzer({ ...toAnalyzeOptions(this.settings), channel: input.channel });
      entry = { tabId, windowId, analyzer, channel: input.channel, input, raw: undefined as never, sameSince: 0, state: undefined as never, ignored: entry?.ignored ?? new Set(this.restoreIgnored(tabId, input.draftId)) };
      this.entries.set(k, entry);
    }
    entry.windowId = windowId;
    entry.input = input;
    this.analyze(entry);
    if (!this.focused || !this.entries.has(this.focused)) this.focused = k;
    const inWindow = this.focusedIn.get(windowId);
    const remembered = this.focusRestored.has(windowId) ? null : this.rememberedFocus(windowId);
    if (remembered && remembered.tabId === tabId && remembered.draftId === input.draftId) {
      this.focusRestored.add(windowId);
      this.focusedIn.set(windowId, k);
      this.focused = k;
    } else if (this.pendingFocus === k) {
      this.pendingFocus = undefined;
      this.focusRestored.add(windowId);
      this.focusedIn.set(windowId, k);
      this.focused = k;
    } else if (!inWindow || !this.entries.has(inWindow)) this.focusedIn.set(windowId, k);
    if (this.focusedIn.get(windowId) === k || this.focused === k) this.effects.broadcast(entry.state, windowId);
    return entry.state;
  }

  /**
   * Only a draft the hub knows can take focus: an unknown id must not blank the panel. A draft
   * not analyzed yet (a background ticket brought forward) takes focus when its text arrives.
   */
  focus(tabId: number, draftId: string, windowId?: number): void {
    const k = key(tabId, draftId);
    const entry = this.entries.get(k);
    if (!entry) {
      this.pendingFocus = k;
      return;
    }
    if (windowId !== undefined) entry.windowId = windowId;
    this.focused = k;
    this.focusedIn.set(entry.windowId, k);
    this.focusRestored.add(entry.windowId);
    this.effects.broadcast(entry.state, entry.windowId);
  }

  closed(tabId: number, draftId: string): void {
    const k = key(tabId, draftId);
    this.entries.delete(k);
    this.effects.forget?.(tabId, draftId);
    this.refocus();
  }

  tabClosed(tabId: number): void {
    for (const [k, e] of this.entries) if (e.tabId === tabId) this.entries.delete(k);
    this.effects.forget?.(tabId);
    this.refocus();
  }

  ignore(tabId: number, draftId: string, ruleId: string, start: number, end: number): DraftState | undefined {
    const entry = this.entries.get(key(tabId, draftId));
    if (!entry) return undefined;
    entry.ignored.add(ignoreKey(ruleId, entry.state.reply.slice(start, end)));
    this.effects.saveIgnored?.(tabId, draftId, entry.ignored);
    entry.state = this.stateOf(entry, entry.raw, entry.state.version + 1);
    this.effects.pushToTab(tabId, draftId, entry.state);
    const k = key(tabId, draftId);
    if (this.focused === k || this.focusedIn.get(entry.windowId) === k) this.effects.broadcast(entry.state, entry.windowId);
    return entry.state;
  }

  /**
   * The suggestions of some findings of the analysis `version` of a draft, proved now if no one asked
   * before. Answered from the latest analysis when the draft's text, customer and options are still
   * those of `version`; otherwise stale (a newer state is already on its way to the asker).
   */
  suggestions(tabId: number, draftId: string, version: number, refs: readonly FindingRef[]): SuggestionsResponse {
    const entry = this.entries.get(key(tabId, draftId));
    if (!entry) return { ok: false, stale: true, reason: 'Tactful is reading this draft again; try once more in a moment.' };
    if (version < entry.sameSince || version > entry.state.version) return { ok: false, stale: true, reason: 'The draft changed since; its suggestions are being updated.' };
    entry.byRef ??= new Map(entry.raw.findings.map((f) => [refKey(f), f]));
    const byRef = entry.byRef;
    // Plain copies: the lazy finding stays in the worker.
    const suggestions = refs.map((r) => byRef.get(refKey(r))?.suggestions.map((s) => ({ ...s })) ?? null);
    return { ok: true, version: entry.state.version, suggestions };
  }

  /** The user's analysis options (rephrase judges a selection as the draft is judged). */
  analyzeOptions() {
    return toAnalyzeOptions(this.settings);
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    // Nothing to re-analyze (a worker that just started): a null broadcast would blank an open panel.
    if (this.entries.size === 0) return;
    for (const entry of this.entries.values()) {
      entry.analyzer.setOptions?.(toAnalyzeOptions(settings));
      this.analyze(entry, true);
      this.effects.pushToTab(entry.tabId, entry.input.draftId, entry.state);
    }
    for (const windowId of this.focusedIn.keys()) this.effects.broadcast(this.current(windowId), windowId);
  }

  /** Whether a content script on `host` may send drafts: Tactful is on and the user turned the site on. */
  allows(host: string): boolean {
    return this.settings.enabled !== false && siteEnabled(this.settings.sites ?? {}, host);
  }

  /** The draft a page of `windowId` shows; without a window, the latest focused anywhere. */
  current(windowId?: number): DraftState | null {
    const k = windowId === undefined ? this.focused : this.focusedIn.get(windowId);
    return (k && this.entries.get(k)?.state) || null;
  }

  get(tabId: number, draftId: string): DraftState | undefined {
    return this.entries.get(key(tabId, draftId))?.state;
  }

  /** After a draft went away: each window whose focused draft is gone falls back to its most recent one. */
  private refocus(): void {
    const latestIn = new Map<number, Entry>();
    let latest: Entry | undefined;
    for (const e of this.entries.values()) {
      if (!latest || e.state.updatedAt > latest.state.updatedAt) latest = e;
      const w = latestIn.get(e.windowId);
      if (!w || e.state.updatedAt > w.state.updatedAt) latestIn.set(e.windowId, e);
    }
    if (!this.focused || !this.entries.has(this.focused)) this.focused = latest ? key(latest.tabId, latest.input.draftId) : undefined;
    for (const [windowId, k] of [...this.focusedIn]) {
      if (this.entries.has(k)) continue;
      const next = latestIn.get(windowId);
      if (next) this.focusedIn.set(windowId, key(next.tabId, next.input.draftId));
      else this.focusedIn.delete(windowId);
      this.effects.broadcast(this.current(windowId), windowId);
    }
  }

  /** `optionsChanged`: settings changed, so suggestions of earlier versions may differ even for the same text. */
  private analyze(entry: Entry, optionsChanged = false): void {
    const { reply, customer, internalNote } = entry.input;
    const previous = entry.state;
    const raw = entry.analyzer.update(reply, customer);
    // An internal note is not written to the customer: no tone findings, no checklist.
    entry.raw = internalNote ? { ...raw, findings: [], checklist: [] } : raw;
    entry.byRef = undefined;
    entry.state = this.stateOf(entry, entry.raw, (previous?.version ?? 0) + 1);
    const same = previous && !optionsChanged && previous.reply === reply && previous.customer === customer && previous.internalNote === internalNote;
    if (!same) entry.sameSince = entry.state.version;
  }

  private stateOf(entry: Entry, raw: AnalyzeResult, version: number): DraftState {
    const { input } = entry;
    const visible = (f: Finding) => !entry.ignored.has(ignoreKey(f.ruleId, input.reply.slice(f.start, f.end)));
    return {
      tabId: entry.tabId,
      draftId: input.draftId,
      site: input.site,
      editorKind: input.editorKind,
      channel: input.channel,
      internalNote: input.internalNote,
      reply: input.reply,
      customer: input.customer,
      result: { ...raw, findings: raw.findings.filter(visible).map(forPages) },
      version,
      updatedAt: Date.now(),
      ...(input.truncated ? { truncated: true } : {}),
    };
  }
}
