import { isVisible, plainText, type SiteConfig } from './types.ts';

const TICKET = '[data-test-id="ticket-workspace"]';

export const zendesk: SiteConfig = {
  id: 'zendesk',
  channel: 'zendesk',
  matchesHost: (host) => host.endsWith('.zendesk.com'),
  editorSelector: '[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable[contenteditable="true"]',
  editorKind: () => 'ckeditor',
  customerMessage(editor) {
    const ticket = editor.closest(TICKET) ?? document;
    const log = ticket.querySelector('[data-test-id="omni-log-container"]');
    const comments = [...(log?.querySelectorAll('[data-test-id="omni-log-comment-item"][data-author-role="end-user"]') ?? [])].filter(
      (c) => c.getAttribute('data-internal') !== 'true',
    );
    const latest = comments.at(-1);
    return plainText(latest?.querySelector('[data-test-id="omni-log-message-content"]') ?? latest);
  },
  // Background tickets stay mounted but hidden; only the one in front is analyzed.
  isActive: (editor) => isVisible(editor),
  isInternalNote(editor) {
    const ticket = editor.closest(TICKET) ?? document;
    const switcher = ticket.querySelector('[data-test-id="omnichannel-channel-switcher-button"]');
    return switcher?.getAttribute('data-channel') === 'internal' || !!editor.closest('.internal, [data-internal-note="true"]');
  },
};
