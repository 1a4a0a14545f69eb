// Fiverr inbox (/inbox/<username>). Public scripts show little stable markup here, so the
// adapter leans on what they agree on: the conversation is with the user named in the URL,
// and the composer is a textarea ("Type a message…") or a role="textbox" editable.
import { plainText, type SiteConfig } from './types.ts';

export const FIVERR_EDITOR = [
  '.message-composer textarea',
  '.message-editor textarea',
  'textarea#message-input',
  'textarea[placeholder*="Type a message" i]',
  'textarea[placeholder*="Type your message" i]',
  '.message-composer [contenteditable="true"][role="textbox"]',
].join(', ');

const MESSAGE = '.message-wrapper, .message-line';
const BODY = '.message-content, .msg-body, .message-body, .message-bubble';

/** The other party's username: the inbox URL names it. */
function contact(): string {
  const m = /^\/inbox\/([^/?#]+)/.exec(location.pathname);
  return m ? decodeURIComponent(m[1]).toLowerCase() : '';
}

export const fiverr: SiteConfig = {
  id: 'fiverr',
  channel: 'marketplace',
  matchesHost: (host) => host === 'www.fiverr.com',
  editorSelector: FIVERR_EDITOR,
  editorKind: (el) => (el instanceof HTMLTextAreaElement ? 'textarea' : 'contenteditable'),
  customerMessages() {
    const buyer = contact();
    if (!buyer) return [];
    const out: string[] = [];
    let sender = '';
    for (const m of document.querySelectorAll(MESSAGE)) {
      // A message without a sender line continues the previous sender's batch.
      const who = m.querySelector('[data-username], .sender-name, .username');
      const name = (who?.getAttribute('data-username') || who?.textContent || '').trim().toLowerCase();
      if (name) sender = name;
      if (sender === buyer) out.push(plainText(m.querySelector(BODY) ?? m));
    }
    return out;
  },
};
