// Follows the draft this page should show: the focused draft of the side panel's own
// window, or (a page opened in a tab of its own) the latest focused anywhere. State comes
// over a port to the worker, or from this extension's own pages; never from a runtime
// message a content script sent (any page could forge one). The worker may stop when
// idle; the port then closes and is reopened.
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import type { DraftState } from '../lib/messages.ts';
import { PANEL_PORT, type PanelHello, type PanelStateMessage } from '../lib/background/panel-ports.ts';

const RECONNECT_MS = 500;

export function useDraftState(onState: (state: DraftState | null) => void): void {
  useEffect(() => {
    let alive = true;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      const own = await browser.tabs.getCurrent().catch(() => undefined);
      const windowId = own ? undefined : (await browser.windows.getCurrent().catch(() => undefined))?.id;
      if (!alive) return;
      port = browser.runtime.connect({ name: PANEL_PORT });
      port.onMessage.addListener((raw: unknown) => {
        const m = raw as PanelStateMessage | undefined;
        if (alive && m?.type === 'panel:state') onState(m.state ?? null);
      });
      port.onDisconnect.addListener(() => {
        if (alive) retry = setTimeout(() => void connect(), RECONNECT_MS);
      });
      const hello: PanelHello = { type: 'panel:hello', windowId };
      port.postMessage(hello);
    };
    void connect();
    // Extension pages (never content scripts: a page cannot fake the sender's URL) may also
    // hand a state over directly; the UI tests drive the panel this way.
    const ownPages = browser.runtime.getURL('/');
    const fromOwnPage = (raw: unknown, sender: { url?: string; tab?: unknown }) => {
      const m = raw as PanelStateMessage | undefined;
      if (alive && m?.type === 'panel:state' && sender.url?.startsWith(ownPages)) onState(m.state ?? null);
    };
    browser.runtime.onMessage.addListener(fromOwnPage);
    return () => {
      browser.runtime.onMessage.removeListener(fromOwnPage);
      alive = false;
      clearTimeout(retry);
      port?.disconnect();
    };
    // onState is a stable store action.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
