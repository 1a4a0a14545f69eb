// The side panel and popup hear about drafts only through a named port they open to
// the worker. Messages on runtime.onMessage can come from any content script, so a page
// could forge one; a port the page opened itself never reaches an extension page.
import type { DraftState } from '../messages.ts';
import { senderRole, type SenderLike } from './message-guard.ts';

export const PANEL_PORT = 'tactful-panel';

/** Page → worker on the panel port: which window's draft it shows (none: it follows the latest anywhere). */
export interface PanelHello {
  type: 'panel:hello';
  windowId?: number;
}

/** Worker → page on the panel port. */
export interface PanelStateMessage {
  type: 'panel:state';
  state: DraftState | null;
}

/** The parts of a runtime.Port used here. */
export interface PortLike {
  name: string;
  sender?: SenderLike;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface Panel {
  port: PortLike;
  /** Undefined until the page said hello; null when it follows the latest draft anywhere. */
  windowId?: number | null;
}

export class PanelPorts {
  private panels = new Set<Panel>();

  constructor(
    private extensionId: string,
    private extensionOrigin: string,
    /** The draft a page in `windowId` (undefined: any window) should show now. */
    private current: (windowId: number | undefined) => DraftState | null | Promise<DraftState | null>,
  ) {}

  accept(port: PortLike): void {
    if (port.name !== PANEL_PORT) return;
    if (senderRole(port.sender, this.extensionId, this.extensionOrigin)?.kind !== 'extension') {
      port.disconnect();
      return;
    }
    const panel: Panel = { port };
    this.panels.add(panel);
    port.onDisconnect.addListener(() => this.panels.delete(panel));
    port.onMessage.addListener((raw) => {
      const m = raw as Partial<PanelHello> | undefined;
      if (m?.type !== 'panel:hello' || (m.windowId !== undefined && !Number.isInteger(m.windowId))) return;
      panel.windowId = m.windowId ?? null;
      void Promise.resolve(this.current(m.windowId)).then((state) => this.send(panel, state));
    });
  }

  /** The focused draft of `windowId` (undefined: of several windows) changed: pages showing it hear the draft they show now. */
  post(windowId: number | undefined): void {
    for (const panel of this.panels) {
      if (panel.windowId === undefined) continue;
      if (panel.windowId === null || windowId === undefined || panel.windowId === windowId) {
        void Promise.resolve(this.current(panel.windowId ?? undefined)).then((state) => this.send(panel, state));
      }
    }
  }

  private send(panel: Panel, state: DraftState | null): void {
    const message: PanelStateMessage = { type: 'panel:state', state };
    try {
      panel.port.postMessage(message);
    } catch {
      this.panels.delete(panel); // the page went away between our checks
    }
  }
}
