// One configuration per site: every selector Tactful relies on lives here.
import type { Channel } from '../../analyzers/types.ts';
import type { EditorKind } from '../messages.ts';

export interface SiteConfig {
  id: 'gmail' | 'zendesk' | 'upwork' | 'fiverr' | 'generic';
  channel: Channel;
  matchesHost(host: string): boolean;
  /** Candidate reply editors. */
  editorSelector: string;
  editorKind(editor: HTMLElement): EditorKind;
  /** Parts of the editor that are not the agent's words (signature, quoted history). */
  excludeSelector?: string;
  /** The customer's side of the visible thread this editor answers, oldest first ('' when unknown). */
  customerMessages(editor: HTMLElement): string[];
  /** False for editors that are mounted but not in front (Zendesk background tickets). */
  isActive?(editor: HTMLElement): boolean;
  /** True when the editor writes an internal note rather than a reply to the customer. */
  isInternalNote?(editor: HTMLElement): boolean;
}

/** Visible text of a host element, for customer messages (never rendered as HTML). */
export function plainText(el: Element | null | undefined, exclude?: string): string {
  if (!el) return '';
  if (!exclude) return ((el as HTMLElement).innerText ?? el.textContent ?? '').trim();
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
    else if (node instanceof Element && !node.matches(exclude)) {
      const block = /^(DIV|P|BR|LI|H\d|TR)$/.test(node.tagName);
      if (block) parts.push('\n');
      node.childNodes.forEach(walk);
    }
  };
  walk(el);
  return parts.join('').replace(/\n{3,}/g, '\n\n').trim();
}

/** Rendered (not display:none, not in a hidden subtree); structural fallback where layout is unavailable. */
export function isVisible(el: HTMLElement): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : !el.closest('[hidden], [aria-hidden="true"]');
}

/** Most earlier customer messages read beside the latest one. */
const EARLIER_MESSAGES = 4;
/** Characters of earlier messages read; the latest is always read in full. */
const EARLIER_CHARS = 6_000;

/**
 * One text for the engine: the latest customer message last and whole, preceded by a few
 * earlier ones (newest first until the budget runs out), so an earlier "I'm disputing the
 * charge" still counts while the latest message decides what the reply must answer.
 */
export function customerThread(messages: readonly string[]): string {
  const texts = messages.map((m) => m.trim()).filter(Boolean);
  const latest = texts.at(-1);
  if (latest === undefined) return '';
  const earlier: string[] = [];
  let budget = EARLIER_CHARS;
  for (const m of texts.slice(0, -1).reverse()) {
    if (earlier.length === EARLIER_MESSAGES || m.length > budget) break;
    earlier.unshift(m);
    budget -= m.length;
  }
  return [...earlier, latest].join('\n\n');
}
