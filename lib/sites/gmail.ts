// Gmail. Selectors are the stable ones public Gmail extensions rely on: the compose body
// (g_editable, role=textbox), message bodies (div.a3s), the sender (span.gD[email]) and
// quoted history (.gmail_quote). Ids are generated and aria-labels are localized.
import { isVisible, plainText, type SiteConfig } from './types.ts';

const QUOTE = '.gmail_quote, blockquote';
const BODY = 'div.a3s';

/** The signed-in address: Gmail's title reads "Inbox (3) - me@example.com - Gmail". */
function ownAddress(): string {
  return /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(document.title)?.[0].toLowerCase() ?? '';
}

/** The sender of a message body, from the header of the message it belongs to. */
function senderOf(body: HTMLElement): string {
  return body.closest('.adn, .h7, .gs')?.querySelector('span.gD[email], .gD[email]')?.getAttribute('email')?.toLowerCase() ?? '';
}

export const gmail: SiteConfig = {
  id: 'gmail',
  channel: 'email',
  matchesHost: (host) => host === 'mail.google.com',
  editorSelector: '[g_editable="true"][role="textbox"][contenteditable="true"]',
  editorKind: () => 'contenteditable',
  excludeSelector: `.gmail_signature, .gmail_signature_prefix, ${QUOTE}`,
  customerMessages(editor) {
    const me = ownAddress();
    // Message bodies and this editor in document order (querySelectorAll's order).
    const inDocOrder = [...document.querySelectorAll<HTMLElement>(`${BODY}, [g_editable="true"]`)].filter(
      (m) => m === editor || (m.matches(BODY) && !editor.contains(m) && isVisible(m)),
    );
    const inThread = editor.closest('[role="main"], .adn, .ip');
    // Inline reply: the thread above it. Pop-up compose: every expanded message.
    const messages = inThread ? inDocOrder.slice(0, inDocOrder.indexOf(editor)) : inDocOrder.filter((m) => m !== editor);
    // The customer's side: everything not sent from this account.
    return messages.filter((m) => !me || senderOf(m) !== me).map((m) => plainText(m, QUOTE));
  },
};
