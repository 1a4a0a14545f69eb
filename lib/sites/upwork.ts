import { plainText, type SiteConfig } from './types.ts';

export const upwork: SiteConfig = {
  id: 'upwork',
  channel: 'marketplace',
  matchesHost: (host) => host === 'www.upwork.com',
  editorSelector: '.ProseMirror[contenteditable="true"]',
  editorKind: () => 'prosemirror',
  customerMessage() {
    const messages = document.querySelectorAll('[data-role="client"] [data-test="message-text"]');
    return plainText(messages[messages.length - 1]);
  },
};
