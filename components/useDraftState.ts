// Follows the draft this page should show: the focused draft of the side panel's own
// window, or (a page opened in a tab of its own) the latest focused anywhere. State
// comes only over a port to the worker: runtime messages can be forged by any page's
// content script. The worker may stop when idle; the port then closes and is reopened.
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
    return () => {
      alive = false;
      clearTimeout(retry);
      port?.disconnect();
    };
    // onState is a stable store action.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
