// The thin content script: plain DOM, no React, no engine (that runs in the background).
import { browser } from 'wxt/browser';
import { TactfulContent } from '../lib/content/controller.ts';
import type { BackgroundToContent } from '../lib/messages.ts';
import { SETTINGS_KEY } from '../lib/settings.ts';
import { ownSettingsWithRuleOff } from '../lib/settings-clean.ts';
import { followEffectiveSettings } from '../lib/settings-managed.ts';
import type { Settings } from '../lib/settings.ts';

export default defineContentScript({
  // Install-time hosts only; other sites are registered at run time once granted.
  matches: ['https://mail.google.com/*', 'https://*.zendesk.com/*'],
  runAt: 'document_idle',
  main() {
    let settingsChanged: ((settings: Settings) => void) | undefined;
    // A port to the worker only to learn when it stops (idle workers do) and forgets our drafts.
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let workerLost: (() => void) | undefined;
    const watchWorker = () => {
      if (port) return;
      try {
        port = browser.runtime.connect({ name: 'tactful-draft' });
        port.onDisconnect.addListener(() => {
          port = undefined;
          workerLost?.();
        });
      } catch {
        // The extension was reloaded: this script is orphaned and its messages fail too.
      }
    };
    const tactful = new TactfulContent({
      send: (message) => {
        watchWorker(); // reconnecting wakes the worker only when there is something to send
        return browser.runtime.sendMessage(message);
      },
      onWorkerLost(handler) {
        workerLost = handler;
      },
      onMessage(handler) {
        browser.runtime.onMessage.addListener((message: unknown) => handler(message as BackgroundToContent));
      },
      // The policy's first read can be slow: the page starts with the user's settings and catches up.
      loadSettings: () => followEffectiveSettings((settings) => settingsChanged?.(settings)),
      async disableRule(ruleId) {
        // The user's own stored fields plus this rule, never the policy's or the built-in values.
        const next = ownSettingsWithRuleOff((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], ruleId);
        if (next) await browser.storage.local.set({ [SETTINGS_KEY]: next });
      },
      onSettingsChanged(handler) {
        settingsChanged = handler;
      },
    });
    void tactful.start();
  },
});
