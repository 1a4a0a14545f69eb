// Service worker (Chrome) / event page (Firefox). The engine runs here, not in
// the content script: compromise is large, and one copy serves every tab.
import { browser } from 'wxt/browser';
import { DraftHub } from '../lib/background/draft-hub.ts';
import { syncOptionalContentScripts } from '../lib/background/optional-sites.ts';
import { checkedMessage, senderRole } from '../lib/background/message-guard.ts';
import { PanelPorts, type PortLike } from '../lib/background/panel-ports.ts';
import { SessionMemory } from '../lib/background/session-memory.ts';
import { openSidePanel } from '../lib/background/side-panel.ts';
import { rephrase } from '../analyzers/rewrite/rephrase.ts';
import type { ApplyResponse, BackgroundBroadcast, BackgroundToContent, ContentToBackground, DraftState, PageToBackground } from '../lib/messages.ts';
import { followEffectiveSettings } from '../lib/settings-managed.ts';

const MENU_ID = 'tactful-open-panel';
/** Opens the card for the words under the right-click; its buttons apply through the same path as every other Apply. */
const CARD_MENU_ID = 'tactful-card-here';
/** Rephrases the selected words in an editor (also Alt+Shift+R in the page). */
const REPHRASE_MENU_ID = 'tactful-rephrase';
const LAST_STATE_KEY = 'tactful:last-state';

export default defineBackground(() => {
  // Ignored findings and each window's draft outlive the worker (it stops when idle).
  const session = new SessionMemory(browser.storage.session);
  const hub = new DraftHub({
    broadcast(state, windowId) {
      // Over the panel port only: a runtime message could be forged by any content script.
      panels.post(windowId);
      session.saveFocused(windowId, state);
      // The service worker is stopped when idle; the panel still finds the last draft.
      void browser.storage.session?.set({ [LAST_STATE_KEY]: state }).catch(() => {});
    },
    pushToTab(tabId, draftId, state) {
      const message: BackgroundToContent = { type: 'draft:state', draftId, state };
      browser.tabs.sendMessage(tabId, message).catch(() => {});
    },
    saveIgnored: (tabId, draftId, ignored) => session.saveIgnored(tabId, draftId, ignored),
    forget: (tabId, draftId) => session.forget(tabId, draftId),
  }, (tabId, draftId) => session.ignoredIn(tabId, draftId), (windowId) => session.focusedIn(windowId));

  // The user's settings (cleaned field by field) over the organisation's policy pack, if any.
  const loadSettings = async () => hub.setSettings(await followEffectiveSettings((settings) => hub.setSettings(settings)));
  const ready = Promise.all([loadSettings(), session.load()]);

  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, ''); // "chrome-extension://<id>"
  // Until a content script re-sends its draft, a restarted worker shows what the window showed before.
  const panels = new PanelPorts(browser.runtime.id, extensionOrigin, async (windowId) => (await ready, hub.current(windowId) ?? session.focusedIn(windowId)));
  browser.runtime.onConnect.addListener((port) => panels.accept(port as unknown as PortLike));

  /** Tabs whose rephrase request is being worked on. */
  const rephrasing = new Set<number>();
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const role = senderRole(sender, browser.runtime.id, extensionOrigin);
    const message = checkedMessage(raw, role);
    if (!message || !role) return undefined; // wrong shape, too big, or not this sender's to ask
    // A content script speaks only about its own tab; only extension pages name one.
    const tabId = role.kind === 'content' ? role.tabId : undefined;
    const windowId = role.kind === 'content' ? role.windowId : undefined;
    switch (message.type) {
      case 'panel:open':
        // Synchronously, inside the user gesture that sent the message.
        openSidePanel(tabId, sender.tab?.windowId);
        return undefined;
      case 'panel:get':
        return ready.then(async () => hub.current(message.windowId) ?? ((await browser.storage.session?.get(LAST_STATE_KEY).catch(() => undefined))?.[LAST_STATE_KEY] as DraftState | undefined) ?? null);
      case 'draft:update':
        if (tabId === undefined || role.kind !== 'content') return undefined;
        return ready.then(() => (hub.allows(role.host) ? hub.update(tabId, message, windowId) : undefined));
      case 'draft:focus':
        if (tabId !== undefined) hub.focus(tabId, message.draftId, windowId);
        return undefined;
      case 'draft:closed':
        if (tabId !== undefined) hub.closed(tabId, message.draftId);
        return undefined;
      case 'draft:ignore': {
        const target = 'tabId' in message ? message.tabId : tabId;
        if (target === undefined) return undefined;
        return Promise.resolve(hub.ignore(target, message.draftId, message.ruleId, message.start, message.end) ?? null);
      }
      case 'draft:suggestions': {
        // A content script asks about its own tab's draft; an extension page names the tab.
        const target = 'tabId' in message ? message.tabId : tabId;
        if (target === undefined) return undefined;
        return ready.then(() => hub.suggestions(target, message.draftId, message.version, message.findings));
      }
      case 'draft:apply': {
        const forward: BackgroundToContent = { type: 'draft:apply', draftId: message.draftId, edit: message.edit };
        return browser.tabs
          .sendMessage(message.tabId, forward)
          .then((r) => (r as ApplyResponse) ?? { ok: false, reason: 'The page did not answer.' })
          .catch((): ApplyResponse => ({ ok: false, reason: 'The tab with this draft is closed or was reloaded.' }));
      }
      case 'draft:rephrase': {
        if (role.kind !== 'content' || tabId === undefined) return undefined;
        // One at a time per tab: a held-down shortcut must not queue work that holds up every other tab.
        if (rephrasing.has(tabId)) return Promise.resolve({ options: [], rejected: {}, problem: 'Tactful is still working on the last one. Try again in a moment.' });
        rephrasing.add(tabId);
        const ask = { reply: message.reply, customer: message.customer, channel: message.channel, start: message.start, end: message.end };
        return ready
          // In a later task, so a repeat already queued behind this message is refused rather than run.
          .then(() => new Promise((r) => setTimeout(r, 0)))
          .then(() => (hub.allows(role.host) ? rephrase(ask, hub.analyzeOptions()) : undefined))
          .finally(() => rephrasing.delete(tabId));
      }
      case 'draft:reveal': {
        const forward: BackgroundToContent = { type: 'draft:reveal', draftId: message.draftId, range: message.range };
        return browser.tabs.sendMessage(message.tabId, forward).then((r) => r === true).catch(() => false);
      }
      default:
        return undefined;
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => hub.tabClosed(tabId));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Open Tactful side panel', contexts: ['editable', 'page', 'selection'] }, () => void browser.runtime.lastError);
    browser.contextMenus.create({ id: CARD_MENU_ID, title: 'Tactful suggestions for these words', contexts: ['editable'] }, () => void browser.runtime.lastError);
    browser.contextMenus.create({ id: REPHRASE_MENU_ID, title: 'Tactful: rephrase — kinder / more formal / shorter', contexts: ['editable'] }, () => void browser.runtime.lastError);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) openSidePanel(tab?.id, tab?.windowId);
    if (info.menuItemId === CARD_MENU_ID && tab?.id !== undefined) {
      const message: BackgroundToContent = { type: 'card:open-at-caret' };
      browser.tabs.sendMessage(tab.id, message, { frameId: info.frameId }).catch(() => {});
    }
    if (info.menuItemId === REPHRASE_MENU_ID && tab?.id !== undefined) {
      const message: BackgroundToContent = { type: 'card:rephrase-selection' };
      browser.tabs.sendMessage(tab.id, message, { frameId: info.frameId }).catch(() => {});
    }
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel') openSidePanel(tab?.id, tab?.windowId);
  });

  void syncOptionalContentScripts().catch(() => {});
  browser.permissions.onAdded.addListener(() => void syncOptionalContentScripts().catch(() => {}));
  browser.permissions.onRemoved.addListener(() => void syncOptionalContentScripts().catch(() => {}));
});
