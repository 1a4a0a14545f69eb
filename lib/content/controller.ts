// The content script's brain: finds reply editors (per-site config), sends their
// text to the background (debounced, never on the input path), draws the
// findings that come back and applies edits. Plain DOM, no React, no engine.
import type { Finding } from '../../analyzers/types.ts';
import type { ApplyResponse, BackgroundToContent, ContentToBackground, DraftFinding, DraftState, PageStatus, TextEdit } from '../messages.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../settings.ts';
import { OPT_OUT_SELECTOR, siteForHost, type SiteConfig } from '../sites/index.ts';
import { customerThread } from '../sites/types.ts';
import { siteEnabled } from '../ui-sites.ts';
import { applyEdit } from './apply.ts';
import { Overlay } from './overlay.ts';
import { domRange, extractText, relocate, type TextMap } from './text-map.ts';
import { measureTextarea, type TextareaMeasurer } from './textarea-mirror.ts';
import { visibleArea } from './visible-area.ts';
import { caretOffset, restoreSelection, saveSelection, type SavedSelection } from './caret.ts';
import { suggestionEdit } from '../ui-suggestion.ts';
import { spanEdit } from '../ui-diff.ts';
import { badgeCount } from '../ui-badge.ts';
import { cardFindings } from './card-suggestions.ts';
import { boundingRect, scrollIntoViewport } from './reveal.ts';
import { selectionOffsets } from './selection-offsets.ts';
import { badgeCandidates, chooseSpot, coversPageControl, textRectsIn, type Spot } from './badge-place.ts';

/** Longest draft analyzed; beyond it only the start is checked (and the UI says so). */
export const MAX_ANALYZED_CHARS = 100_000;
const DEBOUNCE_MS = 150;
const HOVER_MS = 600;
const SCAN_MS = 200;
const LAYOUT_CHECK_MS = 300;
/** Opens the card for the flag at the caret (documented in the README; no target site binds it). */
const isCardShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyF';
/** Rephrases the selected words: kinder, more formal, shorter (also in the context menu). */
const isRephraseShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyR';

export interface Messenger {
  send(message: ContentToBackground): Promise<unknown>;
  onMessage(handler: (message: BackgroundToContent) => Promise<unknown> | undefined): void;
  loadSettings(): Promise<Settings>;
  onSettingsChanged(handler: (s: Settings) => void): void;
  /** Called when the worker stopped and forgot this page's drafts (it stops when idle). */
  onWorkerLost?(handler: () => void): void;
  /** Adds a rule to the user's disabled rules ("Turn off this rule" on the card). */
  disableRule?(ruleId: string): Promise<void>;
}

interface Placed {
  /** As the worker sent it: suggestions are asked for when its card opens. */
  finding: DraftFinding;
  start: number;
  end: number;
  rects: DOMRect[];
}

/** The card on screen: the words it is about (it closes when they change) and where keyboard focus goes back to. */
interface OpenCard {
  draft: Draft;
  start: number;
  end: number;
  phrase: string;
  returnTo?: SavedSelection;
}

interface Draft {
  id: string;
  el: HTMLElement;
  observer: MutationObserver;
  /** A resized editor (drag handle, page layout) rewraps its text: underlines follow. */
  resized: ResizeObserver;
  timer?: ReturnType<typeof setTimeout>;
  sentKey?: string;
  state?: DraftState;
  /** Last known isActive (Zendesk: ticket in front). */
  active?: boolean;
  placed: Placed[];
  /** Where the editor and its visible area were at the last redraw. */
  layoutKey?: string;
  /** The badge's last spot and what it was chosen for (layout, text, badge size): unchanged, it is not chosen again. */
  badgeAt?: { key: string; spot: Spot | undefined };
  onChange: () => void;
  onFocus: () => void;
}

export class TactfulContent {
  private site: SiteConfig;
  private overlay?: Overlay;
  private drafts = new Map<HTMLElement, Draft>();
  private nextId = 1;
  /** Random per page load: draft ids (and the checklist ticks keyed by them) never carry over to another page's draft. */
  private pageId = crypto.randomUUID().slice(0, 8);
  /** The worker stopped (it does when idle) and forgot this page's drafts: the next send re-sends them all. */
  private workerLost = false;
  private enabled = false;
  private pageObserver?: MutationObserver;
  private layoutTimer?: ReturnType<typeof setInterval>;
  private scanQueued = false;
  private redrawQueued = false;
  private hoverTimer?: ReturnType<typeof setTimeout>;
  private card?: OpenCard;
  /** The card being opened (its suggestions on their way): a newer open elsewhere or a close drops it. */
  private cardAsked?: { key: string };
  /** The rephrase request waiting for its answer: a newer one, Escape or a card closing drops it. */
  private rephraseAsked?: object;

  constructor(private messenger: Messenger, host = location.hostname) {
    this.site = siteForHost(host);
  }

  async start(): Promise<void> {
    this.messenger.onMessage((m) => this.handleMessage(m));
    this.messenger.onWorkerLost?.(() => {
      this.workerLost = true;
    });
    this.messenger.onSettingsChanged((s) => this.applySettings(s));
    this.applySettings(await this.messenger.loadSettings());
  }

  private applySettings(s: Settings): void {
    const on = s.enabled && siteEnabled(s.sites ?? {}, location.hostname);
    if (on && !this.enabled) this.enable();
    else if (!on && this.enabled) this.disable();
    else if (on) for (const d of this.drafts.values()) this.schedule(d, 0, true);
  }

  private enable(): void {
    this.enabled = true;
    this.overlay ??= new Overlay();
    this.overlay.ensureAttached();
    this.pageObserver = new MutationObserver(() => this.queueScan());
    // Layout can move an editor with no event on it (a panel above opens, a container stops scrolling).
    this.layoutTimer = setInterval(this.redrawMoved, LAYOUT_CHECK_MS);
    this.pageObserver.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'class', 'style', 'data-channel', 'contenteditable'] });
    addEventListener('scroll', this.queueRedraw, { capture: true, passive: true });
    addEventListener('resize', this.queueRedraw, { passive: true });
    document.addEventListener('click', this.onClick, true);
    document.addEventListener('mousemove', this.onMouseMove, { capture: true, passive: true });
    document.addEventListener('keydown', this.onKeydown, true);
    this.scan();
  }

  private disable(): void {
    this.enabled = false;
    this.pageObserver?.disconnect();
    clearInterval(this.layoutTimer);
    removeEventListener('scroll', this.queueRedraw, { capture: true });
    removeEventListener('resize', this.queueRedraw);
    document.removeEventListener('click', this.onClick, true);
    document.removeEventListener('mousemove', this.onMouseMove, { capture: true });
    document.removeEventListener('keydown', this.onKeydown, true);
    for (const d of [...this.drafts.values()]) this.detach(d);
    this.closeCard(false);
  }

  private queueScan(): void {
    if (this.scanQueued) return;
    this.scanQueued = true;
    // Busy pages (Gmail) mutate constantly: rescan at most every SCAN_MS.
    setTimeout(() => {
      this.scanQueued = false;
      if (this.enabled) this.scan();
    }, SCAN_MS);
  }

  private queueRedraw = (): void => {
    if (this.redrawQueued) return;
    this.redrawQueued = true;
    requestAnimationFrame(() => {
      this.redrawQueued = false;
      for (const d of this.drafts.values()) this.redraw(d);
    });
  };

  /** Redraws the drafts whose editor moved or whose visible part changed since they were drawn. */
  private redrawMoved = (): void => {
    for (const d of this.drafts.values()) if (d.state && d.layoutKey !== layoutKey(d.el)) this.redraw(d);
  };

  /** Picks up compose windows created later and lets go of removed ones. */
  scan(): void {
    const found = new Set<HTMLElement>();
    for (const el of document.querySelectorAll<HTMLElement>(this.site.editorSelector)) {
      if (el.closest(OPT_OUT_SELECTOR)) continue;
      if (el.parentElement?.closest(this.site.editorSelector)) continue; // nested editable inside an editor
      if (el instanceof HTMLTextAreaElement && (el.readOnly || el.disabled)) continue;
      found.add(el);
      if (!this.drafts.has(el)) this.attach(el);
    }
    for (const d of [...this.drafts.values()]) {
      if (!found.has(d.el)) {
        this.detach(d);
        continue;
      }
      const active = this.site.isActive?.(d.el) ?? true;
      if (!active) this.overlay?.clear(d.id);
      // A ticket brought to the front is the one the agent now works on.
      else if (d.active === false) d.onFocus();
      else this.schedule(d, DEBOUNCE_MS);
      d.active = active;
    }
  }

  private attach(el: HTMLElement): void {
    const draft: Draft = {
      id: `${this.pageId}-d${this.nextId++}`,
      el,
      placed: [],
      observer: new MutationObserver(() => draft.onChange()),
      resized: new ResizeObserver(() => this.queueRedraw()),
      onChange: () => {
        this.closeCardIfStale(draft);
        this.queueRedraw();
        this.schedule(draft, DEBOUNCE_MS);
      },
      onFocus: () => {
        void this.messenger.send({ type: 'draft:focus', draftId: draft.id }).catch(() => {});
        this.schedule(draft, 0, true);
      },
    };
    draft.observer.observe(el, { childList: true, subtree: true, characterData: true });
    draft.resized.observe(el);
    el.addEventListener('input', draft.onChange);
    el.addEventListener('focus', draft.onFocus);
    this.drafts.set(el, draft);
    if (document.activeElement === el || el.contains(document.activeElement)) draft.onFocus();
    else if (this.textOf(draft).text.trim()) this.schedule(draft, DEBOUNCE_MS);
  }

  private detach(d: Draft): void {
    d.observer.disconnect();
    d.resized.disconnect();
    d.el.removeEventListener('input', d.onChange);
    d.el.removeEventListener('focus', d.onFocus);
    clearTimeout(d.timer);
    this.drafts.delete(d.el);
    this.overlay?.clear(d.id);
    if (d.state) void this.messenger.send({ type: 'draft:closed', draftId: d.id }).catch(() => {});
  }

  private textOf(d: Draft): TextMap {
    return extractText(d.el, this.site.excludeSelector);
  }

  /** Debounced: typing never waits for analysis. */
  private schedule(d: Draft, delay: number, force = false): void {
    clearTimeout(d.timer);
    if (force) d.sentKey = undefined;
    if (this.workerLost) {
      // A restarted worker knows none of this page's drafts: send them all again.
      this.workerLost = false;
      for (const other of this.drafts.values()) if (other !== d) this.schedule(other, delay, true);
      d.sentKey = undefined;
    }
    d.timer = setTimeout(() => void this.sendDraft(d), delay);
  }

  private async sendDraft(d: Draft): Promise<void> {
    if (!this.enabled || !d.el.isConnected) return;
    if (this.site.isActive && !this.site.isActive(d.el)) return;
    const full = this.textOf(d).text;
    const truncated = full.length > MAX_ANALYZED_CHARS;
    const reply = truncated ? full.slice(0, MAX_ANALYZED_CHARS) : full;
    const customer = customerThread(this.site.customerMessages(d.el)).slice(-MAX_ANALYZED_CHARS); // the latest message is last
    const internalNote = this.site.isInternalNote?.(d.el) ?? false;
    const key = JSON.stringify([reply, customer, internalNote]);
    if (key === d.sentKey) return;
    d.sentKey = key;
    const state = (await this.messenger
      .send({ type: 'draft:update', draftId: d.id, site: this.site.id, editorKind: this.site.editorKind(d.el), channel: this.site.channel, internalNote, reply, customer, truncated })
      .catch(() => undefined)) as DraftState | undefined;
    if (state && d.sentKey === key) this.setState(d, state);
  }

  private setState(d: Draft, state: DraftState): void {
    d.state = state;
    this.overlay?.showNotice(state.truncated ? `Tactful checks only the first ${MAX_ANALYZED_CHARS.toLocaleString('en')} characters of this draft.` : '');
    this.redraw(d);
  }

  private redraw(d: Draft): void {
    if (!this.overlay || !d.state) return;
    if ((this.site.isActive && !this.site.isActive(d.el)) || !d.el.isConnected) {
      d.placed = [];
      this.overlay.clear(d.id);
      return;
    }
    const map = this.textOf(d);
    const placed: Placed[] = [];
    const textarea = map.textarea && measureTextarea(map.textarea, this.overlay.root);
    for (const f of d.state.result.findings) {
      if (f.end <= f.start) continue; // missing pieces live in the side panel
      const phrase = f.text ?? d.state.reply.slice(f.start, f.end);
      const at = relocate(map.text, f.start, f.end, phrase);
      if (!at) continue;
      const rects = textarea ? textarea.rects(at.start, at.end) : [...(domRange(map, at.start, at.end)?.getClientRects() ?? [])];
      placed.push({ finding: f, ...at, rects: mergeLineRects(rects) });
    }
    d.placed = placed;
    d.layoutKey = layoutKey(d.el);
    const area = visibleArea(d.el);
    this.overlay.draw(d.id, placed, area);
    const blocking = badgeCount(d.state.reply, d.state.result.findings);
    const worst = d.state.result.findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
    this.overlay.drawBadge(d.id, blocking, area, worst, () => {
      void this.messenger.send({ type: 'draft:focus', draftId: d.id }).catch(() => {});
      void this.messenger.send({ type: 'panel:open' }).catch(() => {});
    }, (w, h) => this.badgeSpot(d, area, w, h, map, textarea || undefined));
    textarea?.dispose();
  }

  /** A corner of the editor where the badge covers none of its words (signature and quotes too) and no site control. */
  private badgeSpot(d: Draft, area: DOMRect, w: number, h: number, map: TextMap, mirror?: TextareaMeasurer): Spot | undefined {
    const overlay = this.overlay!;
    // Same layout, same text, same badge: the same spot (a state update that moved nothing costs nothing).
    const key = [d.layoutKey, area.x, area.y, area.width, area.height, w, h, map.text.length, d.state?.version].join();
    if (d.badgeAt?.key === key) return d.badgeAt.spot;
    const candidates = badgeCandidates(area, w, h);
    // Only the text near the candidates matters: measuring a long draft whole would cost every redraw.
    const region = new DOMRect(area.right - w - 12, area.top - h - 12, w + 2 * w + 24, area.height + 2 * h + 24);
    let text: DOMRect[];
    if (d.el instanceof HTMLTextAreaElement) {
      // The mirror redraw already built; only the characters on the lines inside the region are measured.
      const m = mirror ?? measureTextarea(d.el, overlay.root);
      const [from, to] = offsetsBetween(m, d.el.value.length, region.top, region.bottom);
      text = m.rects(from, to).filter((r) => r.width > 0 && r.bottom > region.top && r.top < region.bottom && r.right > region.left);
      if (!mirror) m.dispose();
    } else {
      const walker = document.createTreeWalker(d.el, NodeFilter.SHOW_TEXT);
      const nodes: Node[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      text = textRectsIn(nodes, region);
    }
    const spot = chooseSpot(candidates, w, h, text, (r) => coversPageControl(r, d.el, overlay.host), new DOMRect(0, 0, innerWidth, innerHeight));
    d.badgeAt = { key, spot };
    return spot;
  }

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.overlay?.cardOpen) {
      // Consumed: the page should not also act on it (e.g. close the compose window).
      e.stopPropagation();
      this.closeCard(true);
    } else if (e.key === 'Escape' && this.rephraseAsked) {
      this.rephraseAsked = undefined; // the answer on its way opens nothing
    } else if (isCardShortcut(e) && this.openCardAtCaret()) {
      e.preventDefault();
      e.stopPropagation();
    } else if (isRephraseShortcut(e) && this.rephraseSelection(true)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  /** Keyboard access: the card for the flag under the caret, with focus on its first button. */
  private openCardAtCaret(): boolean {
    const active = document.activeElement;
    const draft = [...this.drafts.values()].find((d) => d.el === active || d.el.contains(active));
    if (!draft || !this.overlay) return false;
    const caret = caretOffset(draft.el, this.textOf(draft));
    if (caret === undefined) return false;
    const hits = draft.placed.filter((p) => p.start <= caret && caret <= p.end && p.rects.length);
    if (!hits.length) return false;
    const returnTo = saveSelection(draft.el);
    void this.showCard(draft, hits, hits[0].rects[0], returnTo);
    return true;
  }

  /** Closes the card when the words it is about changed (typing): its suggestions no longer fit. */
  private closeCardIfStale(d: Draft): void {
    const card = this.card;
    if (!card || card.draft !== d) return;
    if (this.textOf(d).text.slice(card.start, card.end) !== card.phrase) this.closeCard(false);
  }

  /** `restoreFocus`: the card had keyboard focus, so it goes back to the editor at the same caret. */
  private closeCard(restoreFocus: boolean): void {
    const card = this.card;
    const hadFocus = !!this.overlay?.cardHasFocus;
    this.card = undefined;
    this.cardAsked = undefined;
    this.rephraseAsked = undefined;
    this.overlay?.closeCard();
    if (restoreFocus && card && hadFocus) restoreSelection(card.draft.el, card.returnTo);
  }

  /** Resting the pointer on flagged text opens its card too (not while the card is open). */
  private onMouseMove = (e: MouseEvent): void => {
    clearTimeout(this.hoverTimer);
    if (!this.overlay || this.overlay.cardOpen) return;
    this.hoverTimer = setTimeout(() => {
      if (!this.overlay?.cardOpen) this.openCardAt(e, false);
    }, HOVER_MS);
  };

  /** A click on flagged text opens its card; a click elsewhere closes it. */
  private onClick = (e: MouseEvent): void => {
    if (!this.overlay) return;
    if (e.target === this.overlay.host) return;
    clearTimeout(this.hoverTimer);
    this.openCardAt(e, true);
  };

  private openCardAt(e: MouseEvent, closeOnMiss: boolean): void {
    if (!this.overlay) return;
    const target = e.target as Node;
    const draft = [...this.drafts.values()].find((d) => d.el === target || d.el.contains(target));
    const under = (r: DOMRect) => e.clientX >= r.left - 1 && e.clientX <= r.right + 1 && e.clientY >= r.top - 2 && e.clientY <= r.bottom + 2;
    // Findings can share words (a blame that is also defensive): the card shows each of them.
    const hits = draft?.placed.filter((p) => p.rects.some(under)) ?? [];
    if (!draft || !hits.length) {
      if (closeOnMiss) this.closeCard(false);
      return;
    }
    const anchor = hits[0].rects.find((r) => e.clientY >= r.top - 2 && e.clientY <= r.bottom + 2) ?? hits[0].rects[0];
    void this.showCard(draft, hits, anchor);
  }

  /** `returnTo` set: opened from the keyboard, so focus moves into the card. */
  private async showCard(draft: Draft, hits: Placed[], anchor: DOMRect, returnTo?: SavedSelection): Promise<void> {
    const state = draft.state;
    if (!this.overlay || !state) return;
    // A second click on the same words while their suggestions are on the way waits for the same answer.
    const key = `${draft.id}\u0000${state.version}\u0000${hits.map((h) => `${h.finding.ruleId}@${h.start}`).join()}`;
    if (this.cardAsked?.key === key) return;
    const asked = (this.cardAsked = { key });
    const { findings, problem } = await cardFindings((m) => this.messenger.send(m), draft.id, state, hits.map((h) => h.finding));
    // Closed, or another card asked for, meanwhile; or the words changed under it (the card would be stale at once).
    if (this.cardAsked !== asked || !this.overlay || !draft.el.isConnected) return;
    this.cardAsked = undefined;
    const text = this.textOf(draft).text;
    if (hits.some((h) => text.slice(h.start, h.end) !== (h.finding.text ?? state.reply.slice(h.finding.start, h.finding.end)))) return;
    // Suggestions are offsets into the analyzed text; the words may have moved since (relocated into `hits`).
    const analyzed = state.reply;
    const first = hits[0];
    const hitOf = (finding: Finding) => hits[findings.indexOf(finding)] ?? first;
    this.overlay.openCard(findings, anchor, {
      apply: async (finding, suggestion) => {
        const hit = hitOf(finding);
        const shift = hit.start - finding.start;
        const edit = suggestionEdit(analyzed, finding, suggestion);
        return this.applyTo(draft, { ...edit, start: edit.start + shift, end: edit.end + shift });
      },
      ignore: (finding) => {
        void this.messenger.send({ type: 'draft:ignore', draftId: draft.id, ruleId: finding.ruleId, start: finding.start, end: finding.end }).catch(() => {});
        draft.placed = draft.placed.filter((p) => p.finding !== hitOf(finding).finding);
        this.overlay?.draw(draft.id, draft.placed, visibleArea(draft.el));
      },
      openPanel: () => {
        void this.messenger.send({ type: 'draft:focus', draftId: draft.id }).catch(() => {});
        void this.messenger.send({ type: 'panel:open' }).catch(() => {});
      },
      disableRule: this.messenger.disableRule
        ? (finding) => {
            void this.messenger.disableRule!(finding.ruleId).catch(() => {});
            // Gone at once; the settings change re-analyzes every draft without it.
            draft.placed = draft.placed.filter((p) => p.finding.ruleId !== finding.ruleId);
            this.overlay?.draw(draft.id, draft.placed, visibleArea(draft.el));
          }
        : undefined,
    }, { focus: !!returnTo });
    const status = this.overlay.root.querySelector('.card .status');
    if (problem && status) status.textContent = problem;
    const start = Math.min(...hits.map((h) => h.start));
    const end = Math.max(...hits.map((h) => h.end));
    this.card = { draft, start, end, phrase: this.textOf(draft).text.slice(start, end), returnTo };
  }

  /** Side panel "show in the draft": the words scrolled into view, flashed, the caret put before them. */
  private reveal(d: Draft, start: number, end: number, expected: string): boolean {
    if (!this.overlay) return false;
    const at = relocate(this.textOf(d).text, start, end, expected);
    if (!at) return false;
    const rectsNow = (): DOMRect[] => {
      const map = this.textOf(d);
      if (map.textarea) {
        const m = measureTextarea(map.textarea, this.overlay!.root);
        const rects = m.rects(at.start, at.end);
        m.dispose();
        return mergeLineRects(rects);
      }
      return mergeLineRects([...(domRange(map, at.start, at.end)?.getClientRects() ?? [])]);
    };
    scrollIntoViewport(d.el, () => boundingRect(rectsNow()));
    // Caret at the words' start, without scrolling again or selecting (typing must not replace them).
    restoreSelection(d.el, caretAt(d.el, this.textOf(d), at.start));
    this.overlay.flash(d.id, rectsNow(), visibleArea(d.el));
    this.redraw(d);
    return true;
  }

  /**
   * The rephrase card for the words selected in the focused editor: the worker's options
   * (each passed the suggestion gate), applied through applyTo as one undo step.
   */
  private rephraseSelection(fromKeyboard: boolean): boolean {
    const active = document.activeElement;
    const draft = [...this.drafts.values()].find((d) => d.el === active || d.el.contains(active));
    if (!draft || !this.overlay) return false;
    const map = this.textOf(draft);
    const sel = selectionOffsets(draft.el, map);
    if (!sel) return false;
    const reply = map.text.slice(0, MAX_ANALYZED_CHARS);
    if (sel.end > reply.length) return false;
    const expected = reply.slice(sel.start, sel.end);
    const whole = map.text;
    const returnTo = saveSelection(draft.el);
    const textarea = map.textarea && measureTextarea(map.textarea, this.overlay.root);
    const rects = textarea ? textarea.rects(sel.start, sel.end) : [...(domRange(map, sel.start, sel.end)?.getClientRects() ?? [])];
    textarea?.dispose();
    const anchor = rects.at(-1) ?? draft.el.getBoundingClientRect();
    const customer = customerThread(this.site.customerMessages(draft.el)).slice(-MAX_ANALYZED_CHARS);
    if (this.overlay.cardOpen) this.closeCard(false);
    const asked = (this.rephraseAsked = {});
    void this.messenger
      .send({ type: 'draft:rephrase', reply, customer, channel: this.site.channel, start: sel.start, end: sel.end })
      .then((answer) => {
        // Only the latest request, and only while the user is still where they asked from:
        // a late answer must not take focus from someone typing, or offer a rewrite of words that moved.
        if (this.rephraseAsked !== asked) return;
        this.rephraseAsked = undefined;
        if (!this.overlay || !draft.el.isConnected) return;
        const focusNow = document.activeElement;
        if (!(focusNow === draft.el || draft.el.contains(focusNow))) return; // clicked or tabbed away
        const nowMap = this.textOf(draft);
        if (nowMap.text !== whole || nowMap.text.slice(sel.start, sel.end) !== expected) return; // typed since
        const selNow = selectionOffsets(draft.el, nowMap);
        if (!selNow || selNow.start !== sel.start || selNow.end !== sel.end) return; // selection moved
        const result = (answer as { options?: { style: string; label: string; replacement: string }[]; problem?: string } | undefined) ?? { options: [], problem: 'Tactful could not rephrase this now. Try again.' };
        // Only the changed characters are replaced: a link or bold word left as it was keeps its markup.
        const apply = async (replacement: string): Promise<ApplyResponse> => {
          const edit = spanEdit(expected, replacement);
          if (!edit) return { ok: true };
          return this.applyTo(draft, { ...edit, start: edit.start + sel.start, end: edit.end + sel.start });
        };
        this.overlay.openRephraseCard({ options: result.options ?? [], problem: result.problem }, anchor, apply, { focus: fromKeyboard && focusNow === active });
        this.card = { draft, start: sel.start, end: sel.end, phrase: expected, returnTo };
      })
      .catch(() => {});
    return true;
  }

  /** The one way any suggestion or suggested reply reaches the editor: card, panel, Accept all and keyboard alike. */
  private applyTo(d: Draft, edit: TextEdit): ApplyResponse {
    const res = applyEdit(d.el, this.site.editorKind(d.el), this.site.excludeSelector, edit);
    if (res.ok) this.schedule(d, 0);
    return res;
  }

  private handleMessage(m: BackgroundToContent): Promise<unknown> | undefined {
    if (m.type === 'page:status') return Promise.resolve({ enabled: this.enabled, editors: this.enabled ? this.drafts.size : 0 } satisfies PageStatus);
    if (m.type === 'card:open-at-caret') return Promise.resolve(this.openCardAtCaret());
    if (m.type === 'card:rephrase-selection') return Promise.resolve(this.rephraseSelection(false));
    const draft = [...this.drafts.values()].find((d) => d.id === m.draftId);
    if (!draft) return m.type === 'draft:apply' ? Promise.resolve({ ok: false, reason: 'That draft is no longer open.' }) : undefined;
    if (m.type === 'draft:apply') return Promise.resolve(this.applyTo(draft, m.edit));
    if (m.type === 'draft:reveal') return Promise.resolve(this.reveal(draft, m.range.start, m.range.end, m.range.expected));
    if (m.type === 'draft:state') {
      this.setState(draft, m.state);
      return undefined;
    }
    if (m.type === 'draft:ignore') {
      this.schedule(draft, 0, true);
      return undefined;
    }
    return undefined;
  }
}

/** A collapsed selection at text offset `at`, in the form restoreSelection takes. */
function caretAt(el: HTMLElement, map: TextMap, at: number): SavedSelection | undefined {
  if (map.textarea) return { textarea: map.textarea, start: at, end: at, direction: 'none' };
  const range = domRange(map, at, at);
  return range ? { range } : undefined;
}

/**
 * [from, to) covering every character whose line reaches into [top, bottom) of the viewport: two binary
 * searches over the mirror (text offsets run top to bottom), about 2·log2(length) one-character measurements.
 */
function offsetsBetween(m: TextareaMeasurer, len: number, top: number, bottom: number): [number, number] {
  const rectAt = (i: number): DOMRect | undefined => {
    for (let k = i; k < Math.min(len, i + 16); k++) {
      const r = m.rects(k, k + 1).find((x) => x.height > 0);
      if (r) return r;
    }
    return undefined;
  };
  // First offset whose line ends below `top`; first whose line starts at or below `bottom`.
  const firstWhere = (test: (r: DOMRect) => boolean): number => {
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = rectAt(mid);
      if (r && test(r)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = firstWhere((r) => r.bottom > top);
  const to = firstWhere((r) => r.top >= bottom);
  // A line's first characters can sit before `from` (the search lands inside a line): a margin of a long line each side.
  return [Math.max(0, from - 400), Math.min(len, to + 400)];
}

function layoutKey(el: HTMLElement): string {
  const r = el.getBoundingClientRect();
  const v = visibleArea(el);
  return [r.x, r.y, r.width, r.height, v.x, v.y, v.width, v.height, el.scrollTop, el.scrollLeft].join();
}

/** Joins per-node rects on the same line so each underline is one element per line. */
function mergeLineRects(rects: DOMRect[]): DOMRect[] {
  const out: DOMRect[] = [];
  for (const r of rects) {
    if (r.width < 0.5) continue;
    const last = out.at(-1);
    if (last && Math.abs(last.top - r.top) < 2 && Math.abs(last.bottom - r.bottom) < 2 && r.left <= last.right + 2) {
      out[out.length - 1] = new DOMRect(last.left, last.top, Math.max(last.right, r.right) - last.left, last.height);
    } else out.push(r);
  }
  return out;
}
