import { plainText, type SiteConfig } from './types.ts';

export const fiverr: SiteConfig = {
  id: 'fiverr',
  channel: 'marketplace',
  matchesHost: (host) => host === 'www.fiverr.com',
  editorSelector: 'textarea',
  editorKind: () => 'textarea',
  customerMessage() {
    const messages = document.querySelectorAll('[data-sender="buyer"] .message-body');
    return plainText(messages[messages.length - 1]);
  },
};
