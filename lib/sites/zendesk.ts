// Zendesk Agent Workspace. Selectors follow what public userscripts and extensions
// select on the live product (see tests/fixtures/zendesk.html for the sources).
import { isVisible, plainText, type SiteConfig } from './types.ts';

const RICH = '[data-test-id="omnicomposer-rich-text-ckeditor"]';
const PLAIN = '[data-test-id="omnicomposer-plain-text-ckeditor"]';
const EDITABLE = '[contenteditable="true"]';

/** Every shape of the reply box seen on the live product. */
export const ZENDESK_EDITOR = [
  // Today: the test id sits on the CKEditor editable itself.
  `${RICH}${EDITABLE}`,
  `${PLAIN}${EDITABLE}`,
  // Older builds: the test id on a wrapper around the editable.
  `${RICH} .ck-editor__editable${EDITABLE}`,
  `${PLAIN} .ck-editor__editable${EDITABLE}`,
  '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"][role="textbox"]',
  '.zendesk-editor--rich-text-container [contenteditable="true"][role="textbox"]',
].join(', ');

const LOG = '[data-test-id="omni-log-container"]';
const COMMENT = 'article[data-test-id="omni-log-comment-item"], [data-test-id="omni-log-comment-item"]';
const INTERNAL_TAG = '[data-test-id="omni-log-internal-note-tag"]';
const AGENT_BADGE = '[data-test-id="omni-log-avatar-badge-AgentBadge"]';
const CONTENT = '[data-test-id="omni-log-message-content"]';
/** Comments written by triggers and API integrations, not by the customer. */
const AUTOMATED = ['ApiInteraction', 'Trigger'];

/** The nearest ancestor of the editor that also holds a conversation log: its ticket. */
function ticketOf(editor: HTMLElement): ParentNode {
  for (let el = editor.parentElement; el; el = el.parentElement) if (el.querySelector(LOG)) return el;
  return document;
}

/** Internal notes, agents' replies (they carry the agent badge) and automations are not the customer. */
function fromCustomer(comment: Element): boolean {
  if (comment.querySelector(INTERNAL_TAG) || comment.getAttribute('data-internal') === 'true' || comment.classList.contains('is-internal')) return false;
  if (comment.querySelector(AGENT_BADGE)) return false;
  const origin = comment.querySelector(CONTENT)?.getAttribute('data-originated-from') ?? '';
  return !AUTOMATED.includes(origin);
}

export const zendesk: SiteConfig = {
  id: 'zendesk',
  channel: 'zendesk',
  matchesHost: (host) => host.endsWith('.zendesk.com'),
  editorSelector: ZENDESK_EDITOR,
  editorKind: (el) => (el.classList.contains('ck-editor__editable') || el.classList.contains('ck-content') ? 'ckeditor' : 'contenteditable'),
  customerMessages(editor) {
    const log = ticketOf(editor).querySelector(LOG);
    return [...(log?.querySelectorAll(COMMENT) ?? [])].filter(fromCustomer).map((c) => plainText(c.querySelector('.zd-comment') ?? c.querySelector(CONTENT) ?? c));
  },
  // Background tickets stay mounted but hidden; only the one in front is analyzed.
  isActive: (editor) => isVisible(editor),
  isInternalNote(editor) {
    const switcher = ticketOf(editor).querySelector('[data-test-id="omnichannel-channel-switcher-button"]');
    const channel = switcher?.getAttribute('data-channel') ?? '';
    return channel === 'internal' || /^\s*internal note\b/i.test(switcher?.textContent ?? '') || !!editor.closest('.internal, [data-internal-note="true"]');
  },
};
