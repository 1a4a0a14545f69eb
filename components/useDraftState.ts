// Follows the most recently focused draft: asks the background once, then
// listens for its 'panel:state' broadcasts (sent on focus and every re-analysis).
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import type { BackgroundBroadcast, DraftState } from '../lib/messages.ts';

export function useDraftState(onState: (state: DraftState | null) => void): void {
  useEffect(() => {
    let alive = true;
    // A broadcast is newer than the answer to our first question: never let the answer overwrite it.
    let heardBroadcast = false;
    const initial = (state: DraftState | null) => alive && !heardBroadcast && onState(state);
    browser.runtime
      .sendMessage({ type: 'panel:get' })
      .then((state) => initial((state as DraftState | null | undefined) ?? null))
      .catch(() => initial(null));
    const listener = (message: unknown) => {
      const m = message as BackgroundBroadcast | undefined;
      if (m && m.type === 'panel:state') {
        heardBroadcast = true;
        onState(m.state ?? null);
      }
    };
    browser.runtime.onMessage.addListener(listener);
    return () => {
      alive = false;
      browser.runtime.onMessage.removeListener(listener);
    };
    // onState is a stable store action.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
