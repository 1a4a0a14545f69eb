// Opening the side panel: Chrome's sidePanel (must be called synchronously in a
// user-gesture handler), Firefox's sidebar_action.
import { browser } from 'wxt/browser';

export function openSidePanel(tabId: number | undefined, windowId?: number): void {
  const b = browser as any;
  if (b.sidePanel?.open) {
    const target = tabId !== undefined ? { tabId } : { windowId };
    b.sidePanel.open(target).catch(() => {});
  } else if (b.sidebarAction?.open) {
    b.sidebarAction.open().catch(() => {});
  }
}
