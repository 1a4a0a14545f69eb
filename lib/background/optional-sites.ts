// Sites beyond Gmail and Zendesk: once the user grants an origin at run time
// (popup switch → permissions.request), the content script is registered for it.
// Re-registered on every background start (Firefox keeps no registrations across sessions).
import { browser } from 'wxt/browser';

const SCRIPT_ID = 'tactful-optional-sites';
const MANIFEST_ORIGINS = ['https://mail.google.com/*', 'https://*.zendesk.com/*'];

export async function syncOptionalContentScripts(): Promise<string[]> {
  const b = browser as any;
  if (!b.scripting?.registerContentScripts) return [];
  const granted: string[] = (await browser.permissions.getAll()).origins ?? [];
  const origins = granted.filter((o) => !MANIFEST_ORIGINS.includes(o) && /^https?:\/\//.test(o));
  const existing = await b.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (existing.length) await b.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length) {
    await b.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: origins, js: ['content-scripts/content.js'], runAt: 'document_idle', allFrames: false, persistAcrossSessions: false },
    ]);
  }
  return origins;
}
