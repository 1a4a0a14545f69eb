// MAIN-world bridge on Zendesk: the only way to reach CKEditor 5's model
// (editableElement.ckeditorInstance) for a one-undo-step Apply.
import { installCkeditorBridge } from '../lib/content/ckeditor-bridge.ts';

export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    installCkeditorBridge();
  },
});
