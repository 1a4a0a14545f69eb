// Drives the side panel and popup with a chosen DraftState. The pages take state only
// over their port to the worker (lib/background/panel-ports.ts); this test shim, added
// before the page loads, records the port's listeners so a test can deliver a
// 'panel:state' message exactly as the worker would. Nothing in the extension changes.
import type { Page } from 'playwright-core';
import type { DraftState } from '../../lib/messages.ts';
import type { Tactful } from './harness.ts';

const fed = new Set<Page>();

/** Opens an extension page whose port messages the test can feed. */
export async function openFedPage(t: Tactful, path: 'sidepanel.html' | 'popup.html' | 'options.html'): Promise<Page> {
  const page = await t.context.newPage();
  await page.addInitScript(() => {
    const g = globalThis as any;
    g.__tactfulListeners = [];
    const runtime = g.chrome.runtime;
    const connect = runtime.connect.bind(runtime);
    runtime.connect = (...args: unknown[]) => {
      const port = connect(...args);
      return {
        get name() {
          return port.name;
        },
        postMessage: (m: unknown) => port.postMessage(m),
        disconnect: () => port.disconnect(),
        onDisconnect: port.onDisconnect,
        onMessage: {
          addListener(fn: (m: unknown) => void) {
            g.__tactfulListeners.push(fn);
            port.onMessage.addListener((m: unknown) => {
              g.__tactfulHeard = true;
              fn(m);
            });
          },
        },
      };
    };
    g.__tactfulFeed = (state: unknown) => {
      for (const fn of g.__tactfulListeners) fn({ type: 'panel:state', state });
    };
  });
  await page.goto(`chrome-extension://${t.extensionId}/${path}`);
  // Wait for the worker's own first answer, so it cannot land after (and undo) a fed state.
  await page.waitForFunction(() => (globalThis as any).__tactfulHeard === true);
  fed.add(page);
  page.on('close', () => fed.delete(page));
  return page;
}

/** Delivers `state` to every fed page, as the worker's 'panel:state' would. */
export async function feed(state: DraftState | null): Promise<void> {
  for (const page of fed) {
    if (page.isClosed()) continue;
    // A reloaded page connects again, and hears the worker, before it is fed.
    await page.waitForFunction(() => (globalThis as any).__tactfulHeard === true);
    await page.evaluate((s) => (globalThis as any).__tactfulFeed(s), state);
  }
}
