import { isVisible, plainText, type SiteConfig } from './types.ts';

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
    // Messages and this editor in document order (querySelectorAll's order).
    const ordered = [...document.querySelectorAll<HTMLElement>('div.a3s')].concat(editor).filter((m) => m === editor || (!editor.contains(m) && isVisible(m)));
    const inDocOrder = [...document.querySelectorAll<HTMLElement>('div.a3s, [g_editable="true"]')].filter((m) => ordered.includes(m));
    const messages = inDocOrder.filter((m) => m !== editor);
    const inThread = editor.closest('[role="main"], .adn, .ip');
    // Inline reply: the message just above it. Pop-up compose: the last expanded message.
    const message = inThread ? inDocOrder.slice(0, inDocOrder.indexOf(editor)).at(-1) : messages.at(-1);
    return plainText(message, QUOTE);
  },
};
