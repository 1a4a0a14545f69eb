// The background's memory: one incremental analyzer per open draft, the latest
// DraftState of each, which draft was focused most recently (across tabs), and
// the findings the user ignored (filtered here so overlay and side panel agree).
import { createAnalyzer } from '../../analyzers/index.ts';
import type { AnalyzeResult, Analyzer, Channel, Finding } from '../../analyzers/types.ts';
import type { ContentToBackground, DraftState } from '../messages.ts';
import { DEFAULT_SETTINGS, toAnalyzeOptions, type Settings } from '../settings.ts';

type DraftUpdate = Extract<ContentToBackground, { type: 'draft:update' }>;

interface Entry {
  tabId: number;
  analyzer: Analyzer;
  channel: Channel;
  input: DraftUpdate;
  raw: AnalyzeResult;
  state: DraftState;
  ignored: Set<string>;
}

export interface HubEffects {
  /** Tell extension pages (side panel, popup) what to show. */
  broadcast(state: DraftState | null): void;
  /** Push a re-analysis to the content script that owns the draft. */
  pushToTab(tabId: number, draftId: string, state: DraftState): void;
}

const key = (tabId: number, draftId: string) => `${tabId}:${draftId}`;
const ignoreKey = (ruleId: string, text: string) => `${ruleId}\u0000${text}`;

export class DraftHub {
  private entries = new Map<string, Entry>();
  private focused: string | undefined;
  private settings: Settings = DEFAULT_SETTINGS;

  constructor(private effects: HubEffects) {}

  update(tabId: number, input: DraftUpdate): DraftState {
    const k = key(tabId, input.draftId);
    let entry = this.entries.get(k);
    if (!entry || entry.channel !== input.channel) {
      const analyzer = createAnalyzer({ ...toAnalyzeOptions(this.settings), channel: input.channel });
      entry = { tabId, analyzer, channel: input.channel, input, raw: undefined as never, state: undefined as never, ignored: entry?.ignored ?? new Set() };
      this.entries.set(k, entry);
    }
    entry.input = input;
    this.analyze(entry);
    if (!this.focused || !this.entries.has(this.focused)) this.focused = k;
    if (this.focused === k) this.effects.broadcast(entry.state);
    return entry.state;
  }

  focus(tabId: number, draftId: string): void {
    const k = key(tabId, draftId);
    this.focused = k;
    const entry = this.entries.get(k);
    if (entry) this.effects.broadcast(entry.state);
  }

  closed(tabId: number, draftId: string): void {
    const k = key(tabId, draftId);
    this.entries.delete(k);
    if (this.focused === k) this.refocus();
  }

  tabClosed(tabId: number): void {
    for (const [k, e] of this.entries) if (e.tabId === tabId) this.entries.delete(k);
    if (this.focused && !this.entries.has(this.focused)) this.refocus();
  }

  ignore(tabId: number, draftId: string, ruleId: string, start: number, end: number): DraftState | undefined {
    const entry = this.entries.get(key(tabId, draftId));
    if (!entry) return undefined;
    entry.ignored.add(ignoreKey(ruleId, entry.state.reply.slice(start, end)));
    entry.state = this.stateOf(entry, entry.raw, entry.state.version + 1);
    this.effects.pushToTab(tabId, draftId, entry.state);
    if (this.focused === key(tabId, draftId)) this.effects.broadcast(entry.state);
    return entry.state;
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    for (const entry of this.entries.values()) {
      entry.analyzer.setOptions?.(toAnalyzeOptions(settings));
      this.analyze(entry);
      this.effects.pushToTab(entry.tabId, entry.input.draftId, entry.state);
    }
    this.effects.broadcast(this.current());
  }

  current(): DraftState | null {
    return (this.focused && this.entries.get(this.focused)?.state) || null;
  }

  get(tabId: number, draftId: string): DraftState | undefined {
    return this.entries.get(key(tabId, draftId))?.state;
  }

  private refocus(): void {
    let latest: Entry | undefined;
    for (const e of this.entries.values()) if (!latest || e.state.updatedAt > latest.state.updatedAt) latest = e;
    this.focused = latest ? key(latest.tabId, latest.input.draftId) : undefined;
    this.effects.broadcast(this.current());
  }

  private analyze(entry: Entry): void {
    const { reply, customer, internalNote } = entry.input;
    const raw = entry.analyzer.update(reply, customer);
    // An internal note is not written to the customer: no tone findings, no checklist.
    entry.raw = internalNote ? { ...raw, findings: [], checklist: [] } : raw;
    entry.state = this.stateOf(entry, entry.raw, (entry.state?.version ?? 0) + 1);
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
      result: { ...raw, findings: raw.findings.filter(visible) },
      version,
      updatedAt: Date.now(),
      ...(input.truncated ? { truncated: true } : {}),
    };
  }
}
