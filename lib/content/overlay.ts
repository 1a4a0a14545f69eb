// <tactful-overlay>: an element on <html> with an OPEN shadow root holding one
// positioned element per underline, and the card. Open for now: the closed root
// (so a page cannot read a card's text through host.shadowRoot) was reverted
// until the e2e suite is green with it; tests already reach the root over the
// DevTools protocol (tests/e2e/harness.ts inOverlay), which works either way.
// Nothing is ever inserted into the host editor; draft text is set as textContent only.
import type { Finding, Severity, Suggestion } from '../../analyzers/types.ts';
import { intersect } from './visible-area.ts';
import type { Spot } from './badge-place.ts';
import { cardButtonText, cardHeading, whyAdvice } from '../ui-card-text.ts';

export interface DrawnUnderline {
  /** Suggestions are fetched when the card opens, not with the underline. */
  finding: Omit<Finding, 'suggestions'>;
  /** Where the flagged words are in the editor's current text (test hook: data-start / data-end). */
  start: number;
  end: number;
  rects: DOMRect[];
}

/** How long a "show in the draft" highlight stays (it fades over its last 40%). */
const FLASH_MS = 2400;

const COLORS: Record<Severity, string> = { error: '#d93025', warning: '#e37400', info: '#1a73e8' };

const STYLE = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.underline { position: fixed; pointer-events: none; box-sizing: border-box; border-bottom: 2px solid var(--c); background: color-mix(in srgb, var(--c) 10%, transparent); }
.underline[data-severity="info"] { border-bottom-style: dashed; }
.card section + section { margin-top: 10px; padding-top: 8px; border-top: 1px solid #e8eaed; }
.card button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.card { position: fixed; pointer-events: auto; z-index: 2147483647; max-width: 360px; min-width: 240px; background: #fff; color: #202124;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 10px 12px; border-top: 3px solid var(--c); max-height: 60vh; overflow: auto; }
.card .title { font-weight: 700; margin-bottom: 2px; }
.card .msg { margin-bottom: 4px; }
.card .why-label { font-weight: 600; }
.card .label { font-weight: 600; }
.card .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.card button.rule-off { color: #5f6368; }
.card .why { color: #5f6368; margin-bottom: 8px; }
.card .actions { display: flex; flex-wrap: wrap; gap: 6px; }
.card button { font: inherit; border: 1px solid #dadce0; background: #f8f9fa; border-radius: 4px; padding: 4px 8px; cursor: pointer; text-align: left; }
.card button.apply { background: #e8f0fe; border-color: #aecbfa; }
.card button:hover { filter: brightness(.95); }
.card .status { margin-top: 6px; color: #d93025; }
.card .status:empty { display: none; }
.notice { position: fixed; right: 12px; bottom: 12px; pointer-events: none; background: #202124; color: #fff; font: 12px system-ui, sans-serif; padding: 6px 10px; border-radius: 6px; }
.notice:empty { display: none; }
.badge { position: fixed; pointer-events: auto; z-index: 2147483645; min-width: 22px; height: 22px; padding: 0 6px; box-sizing: border-box; border-radius: 11px;
  border: 2px solid #fff; background: var(--c); color: #fff; font: 700 12px/18px system-ui, sans-serif; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.flash { position: fixed; pointer-events: none; box-sizing: border-box; border-radius: 3px; outline: 3px solid #fbbc04; background: rgba(251, 188, 4, .35);
  animation: tactful-flash 2.4s ease-out forwards; }
@keyframes tactful-flash { 0%, 60% { opacity: 1; } 100% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; } }
.badge:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
`;

export interface CardActions {
  apply(finding: Finding, suggestion: Suggestion): Promise<{ ok: true } | { ok: false; reason: string }>;
  ignore(finding: Finding): void;
  /** Opens the side panel (must run inside the click: the browser requires a user gesture). */
  openPanel(): void;
  /** Turns the finding's rule off in the settings ("Turn off this rule"); absent: the card offers no such button. */
  disableRule?(finding: Finding): void;
}

export class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  private layer: HTMLElement;
  private cardEl: HTMLElement | null = null;
  private notice: HTMLElement;
  private flashTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    // Not a registered custom element (content scripts have no customElements);
    // a valid custom-element name still allows a shadow root.
    this.host = document.createElement('tactful-overlay');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.layer = document.createElement('div');
    this.layer.className = 'layer';
    this.notice = document.createElement('div');
    this.notice.className = 'notice';
    this.root.append(style, this.layer, this.notice);
    document.documentElement.append(this.host);
  }

  ensureAttached(): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  /**
   * Replaces the underlines of one draft. `clip` is the part of the page where
   * the editor's text is visible (see visibleArea): underlines are cut to it,
   * so words scrolled out of a container lose their underline too.
   */
  draw(draftId: string, underlines: DrawnUnderline[], clip: DOMRect): void {
    this.ensureAttached();
    for (const el of [...this.layer.querySelectorAll(`[data-draft="${draftId}"]`)]) el.remove();
    const frag = document.createDocumentFragment();
    for (const { finding, start, end, rects } of underlines) {
      for (const word of rects) {
        const r = intersect(word, clip);
        if (!r || r.width < 1 || r.height < 1) continue;
        const el = document.createElement('div');
        el.className = 'underline';
        el.dataset.draft = draftId;
        el.dataset.category = finding.category;
        el.dataset.ruleId = finding.ruleId;
        el.dataset.severity = finding.severity;
        el.dataset.start = String(start);
        el.dataset.end = String(end);
        el.style.setProperty('--c', COLORS[finding.severity]);
        el.style.left = `${r.left}px`;
        el.style.top = `${r.top}px`;
        el.style.width = `${r.width}px`;
        el.style.height = `${r.height}px`;
        frag.append(el);
      }
    }
    this.layer.append(frag);
  }

  clear(draftId: string): void {
    this.draw(draftId, [], new DOMRect());
    this.drawBadge(draftId, 0, new DOMRect(), 'info', () => {});
  }

  /**
   * The badge by the editor's visible area: how many things block sending; a click
   * opens the side panel. None when nothing blocks. `place` picks where a w × h badge
   * covers no text or site control (undefined: nowhere, so no badge); without it,
   * the bottom-right corner inside the area.
   */
  drawBadge(draftId: string, count: number, area: DOMRect, severity: Severity, open: () => void, place?: (w: number, h: number) => Spot | undefined): void {
    this.root.querySelector(`.badge[data-draft="${draftId}"]`)?.remove();
    if (count <= 0 || area.width < 60 || area.height < 30) return;
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'badge';
    b.dataset.draft = draftId;
    b.textContent = String(count);
    b.setAttribute('aria-label', `Tactful: ${count} ${count === 1 ? 'thing' : 'things'} to fix. Open the side panel`);
    b.title = 'Tactful: open the side panel';
    b.style.setProperty('--c', COLORS[severity]);
    b.style.left = `${area.right - 30}px`;
    b.style.top = `${area.bottom - 28}px`;
    b.addEventListener('mousedown', (e) => e.stopPropagation());
    b.addEventListener('click', () => open());
    this.root.append(b);
    if (!place) return;
    const spot = place(b.offsetWidth, b.offsetHeight);
    if (!spot) return b.remove();
    b.style.left = `${spot.left}px`;
    b.style.top = `${spot.top}px`;
  }

  /**
   * Briefly highlights words the side panel asked to see (test hook: .flash[data-flash-draft]).
   * Removed after the fade; a new flash replaces the last one.
   */
  flash(draftId: string, rects: DOMRect[], clip: DOMRect): void {
    this.ensureAttached();
    for (const el of [...this.layer.querySelectorAll('.flash')]) el.remove();
    clearTimeout(this.flashTimer);
    for (const word of rects) {
      const r = intersect(word, clip);
      if (!r) continue;
      const el = document.createElement('div');
      el.className = 'flash';
      el.dataset.flashDraft = draftId; // not data-draft: redrawing the underlines must not take it away
      el.style.left = `${r.left - 2}px`;
      el.style.top = `${r.top - 1}px`;
      el.style.width = `${r.width + 4}px`;
      el.style.height = `${r.height + 2}px`;
      this.layer.append(el);
    }
    this.flashTimer = setTimeout(() => {
      for (const el of [...this.layer.querySelectorAll('.flash')]) el.remove();
    }, FLASH_MS);
  }

  showNotice(text: string): void {
    this.notice.textContent = text;
  }

  /**
   * Opens the card for every finding under one spot (findings can share words).
   * With `focus`, keyboard focus moves to the card's first button.
   */
  openCard(findings: Finding[], anchor: DOMRect, actions: CardActions, options: { focus?: boolean } = {}): void {
    this.closeCard();
    if (!findings.length) return;
    const card = document.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', 'Tactful suggestions');
    card.dataset.ruleId = findings[0].ruleId;
    card.dataset.category = findings[0].category;
    card.style.setProperty('--c', COLORS[findings[0].severity]);
    const status = document.createElement('div');
    status.className = 'status';
    status.setAttribute('role', 'status');
    for (const finding of findings) card.append(this.findingSection(finding, actions, status));
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'panel';
    more.textContent = 'Side panel';
    more.title = 'All findings, the checklist and a suggested reply';
    more.addEventListener('click', () => actions.openPanel());
    const footer = document.createElement('div');
    footer.className = 'actions';
    footer.append(more);
    card.append(footer, status);
    this.showCard(card, anchor, options);
  }

  /** Shows a card below its words (above them when there is no room), inside the viewport. */
  private showCard(card: HTMLElement, anchor: DOMRect, options: { focus?: boolean }): void {
    // Keep the host page from treating clicks in the card as clicks elsewhere.
    card.addEventListener('mousedown', (e) => e.stopPropagation());
    this.root.append(card);
    const w = card.offsetWidth;
    const h = card.offsetHeight;
    const left = Math.max(8, Math.min(anchor.left, innerWidth - w - 8));
    const below = anchor.bottom + 6;
    const top = below + h > innerHeight - 8 ? Math.max(8, anchor.top - h - 6) : below;
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
    this.cardEl = card;
    if (options.focus) card.querySelector<HTMLButtonElement>('button')?.focus();
  }

  private findingSection(finding: Finding, actions: CardActions, status: HTMLElement): HTMLElement {
    const section = document.createElement('section');
    section.className = 'finding';
    section.dataset.ruleId = finding.ruleId;
    section.dataset.category = finding.category;
    section.dataset.start = String(finding.start);
    // Plain words: a title naming the words, the message, and one sentence of advice (no playbook references).
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = cardHeading(finding);
    const msg = document.createElement('div');
    msg.className = 'msg';
    msg.textContent = finding.message;
    const why = document.createElement('div');
    why.className = 'why';
    const whyLabel = document.createElement('span');
    whyLabel.className = 'why-label';
    whyLabel.textContent = 'Why: ';
    why.append(whyLabel, whyAdvice(finding));
    const buttons = document.createElement('div');
    buttons.className = 'actions';
    for (const s of finding.suggestions) buttons.append(this.applyButton(finding, s, actions, status));
    const ignore = document.createElement('button');
    ignore.type = 'button';
    ignore.className = 'ignore';
    ignore.textContent = 'Ignore here';
    ignore.title = 'Not here: hide this flag at this spot only';
    ignore.addEventListener('click', () => {
      actions.ignore(finding);
      this.closeCard();
    });
    buttons.append(ignore);
    if (actions.disableRule) {
      const off = document.createElement('button');
      off.type = 'button';
      off.className = 'rule-off';
      off.textContent = 'Turn off this rule';
      off.title = 'Stop flagging this kind of wording everywhere (turn it back on in Tactful settings)';
      off.addEventListener('click', () => {
        actions.disableRule!(finding);
        this.closeCard();
      });
      buttons.append(off);
    }
    section.append(title, msg, why, buttons);
    return section;
  }

  private applyButton(finding: Finding, s: Suggestion, actions: CardActions, status: HTMLElement): HTMLButtonElement {
    const b = document.createElement('button');
    b.className = 'apply';
    b.type = 'button';
    // The label plus the new words (whole, not cut mid-sentence); "Apply:" is for screen readers.
    const text = cardButtonText(finding, s);
    const verb = document.createElement('span');
    verb.className = 'vh';
    verb.textContent = 'Apply: ';
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = text.label;
    b.append(verb, label, text.kind === 'remove' ? ` — ${text.change}` : ` → “${text.change}”`);
    b.title = s.replacement || text.change;
    const placeholder = s.replacement.match(/\[[^\]\n]{1,40}\]/)?.[0];
    let confirmed = !placeholder;
    b.addEventListener('click', async () => {
      // A placeholder ("[time]") is a fact only the agent knows: ask before inserting it.
      if (!confirmed) {
        confirmed = true;
        status.textContent = `This wording has a placeholder, ${placeholder}, that you need to fill in. Click Apply again to insert it.`;
        return;
      }
      const res = await actions.apply(finding, s);
      if (res.ok) this.closeCard();
      else status.textContent = res.reason;
    });
    return b;
  }

  /**
   * The rephrase card for a selection: one button per style that passed the gate
   * (label plus the new words), or the plain reason there is none. With `focus`,
   * keyboard focus moves to its first button.
   */
  openRephraseCard(result: { options: { style: string; label: string; replacement: string }[]; problem?: string }, anchor: DOMRect, apply: (replacement: string) => Promise<{ ok: true } | { ok: false; reason: string }>, options: { focus?: boolean } = {}): void {
    this.closeCard();
    const card = document.createElement('div');
    card.className = 'card rephrase';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', 'Tactful: rephrase the selection');
    card.style.setProperty('--c', COLORS.info);
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = 'Rephrase the selection';
    const status = document.createElement('div');
    status.className = 'status';
    status.setAttribute('role', 'status');
    const buttons = document.createElement('div');
    buttons.className = 'actions';
    for (const o of result.options) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'apply';
      b.dataset.style = o.style;
      const verb = document.createElement('span');
      verb.className = 'vh';
      verb.textContent = 'Apply: ';
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = o.label;
      b.append(verb, label, ` → “${o.replacement.trim()}”`);
      b.addEventListener('click', async () => {
        const res = await apply(o.replacement);
        if (res.ok) this.closeCard();
        else status.textContent = res.reason;
      });
      buttons.append(b);
    }
    card.append(title);
    if (!result.options.length) {
      const msg = document.createElement('div');
      msg.className = 'msg';
      msg.textContent = result.problem ?? 'No rephrasing passed the checks.';
      card.append(msg);
    }
    card.append(buttons, status);
    this.showCard(card, anchor, options);
  }

  closeCard(): void {
    this.cardEl?.remove();
    this.cardEl = null;
  }

  get cardOpen(): boolean {
    return !!this.cardEl;
  }

  cardContains(target: EventTarget | null): boolean {
    return !!this.cardEl && target === this.host;
  }

  /** Keyboard focus is on one of the card's buttons. */
  get cardHasFocus(): boolean {
    return !!this.cardEl && this.cardEl.contains(this.root.activeElement);
  }
}

