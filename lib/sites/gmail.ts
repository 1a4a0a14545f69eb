import { lastBefore, plainText, type SiteConfig } from './types.ts';

const QUOTE = '.gmail_quote, blockquote';

export const gmail: SiteConfig = {
  id: 'gmail',
  channel: 'email',
  matchesHost: (host) => host === 'mail.google.com',
  // ids are generated and aria-label is localized: select by the stable attributes only.
  editorSelector: '[g_editable="true"][role="textbox"][contenteditable="true"]',
  editorKind: () => 'contenteditable',
  excludeSelector: `.gmail_signature, .gmail_signature_prefix, ${QUOTE}`,
  customerMessage(editor) {
    const messages = [...document.querySelectorAll<HTMLElement>('div.a3s')].filter((m) => !editor.contains(m) && m.offsetParent !== null);
    const inThread = editor.closest('[role="main"], .adn, .ip');
    // Inline reply: the message just above it. Pop-up compose: the last expanded message.
    const message = inThread ? lastBefore(messages, editor) : messages.at(-1);
    return plainText(message, QUOTE);
  },
};
