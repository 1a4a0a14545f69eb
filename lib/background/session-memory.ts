// What must survive the MV3 worker stopping (it does, whenever idle): the findings the
// user ignored in each draft and the draft each window's side panel shows. Kept in
// storage.session (memory only, gone when the browser closes) and forgotten with the
// draft or tab. Checklist ticks live there too (the popup writes them, keyed by a draft id
// that is random per page load); they are forgotten here with their draft.
import type { DraftState } from '../messages.ts';

export interface SessionArea {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const IGNORED = 'tactful:ignored:';
const FOCUSED = 'tactful:focused:';
const TICKS = 'tactful:manual-ticks:';
const ignoredKey = (tabId: number, draftId: string) => `${IGNORED}${tabId}:${draftId}`;
const focusedKey = (windowId: number) => `${FOCUSED}${windowId}`;

export class SessionMemory {
  private ignored = new Map<string, string[]>();
  private focused = new Map<number, DraftState>();
  /** Every stored key, so a closed tab's entries can be found without reading storage again. */
  private keys = new Set<string>();

  constructor(private area: SessionArea | undefined) {}

  /** Reads what an earlier run of the worker kept. */
  async load(): Promise<void> {
    const all = (await this.area?.get(null).catch(() => ({}))) ?? {};
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith(IGNORED) && Array.isArray(value)) this.ignored.set(key, value.filter((v): v is string => typeof v === 'string'));
      else if (key.startsWith(FOCUSED) && value && typeof value === 'object') this.focused.set(Number(key.slice(FOCUSED.length)), value as DraftState);
      if (key.startsWith('tactful:')) this.keys.add(key);
    }
  }

  ignoredIn(tabId: number, draftId: string): string[] {
    return this.ignored.get(ignoredKey(tabId, draftId)) ?? [];
  }

  saveIgnored(tabId: number, draftId: string, ignored: Iterable<string>): void {
    const key = ignoredKey(tabId, draftId);
    const list = [...ignored];
    this.ignored.set(key, list);
    this.keys.add(key);
    void this.area?.set({ [key]: list }).catch(() => {});
  }

  focusedIn(windowId: number | undefined): DraftState | null {
    if (windowId !== undefined) return this.focused.get(windowId) ?? null;
    let latest: DraftState | null = null;
    for (const s of this.focused.values()) if (!latest || s.updatedAt > latest.updatedAt) latest = s;
    return latest;
  }

  saveFocused(windowId: number | undefined, state: DraftState | null): void {
    if (windowId === undefined) return;
    const key = focusedKey(windowId);
    if (state) {
      this.focused.set(windowId, state);
      this.keys.add(key);
      void this.area?.set({ [key]: state }).catch(() => {});
    } else {
      this.focused.delete(windowId);
      this.keys.delete(key);
      void this.area?.remove(key).catch(() => {});
    }
  }

  /** A draft closed (draftId) or a whole tab (no draftId): its ignores and ticks go. */
  forget(tabId: number, draftId?: string): void {
    const prefixes = [IGNORED, TICKS].map((p) => `${p}${tabId}:${draftId ?? ''}`);
    const gone = [...this.keys].filter((k) => prefixes.some((p) => (draftId === undefined ? k.startsWith(p) : k === p)));
    for (const k of gone) {
      this.keys.delete(k);
      this.ignored.delete(k);
    }
    for (const [windowId, s] of this.focused) if (s.tabId === tabId && (draftId === undefined || s.draftId === draftId)) this.saveFocused(windowId, null);
    // Ticks are written by the popup, not through here: find them in storage itself.
    void this.area
      ?.get(null)
      .then((all) => {
        const stale = Object.keys(all).filter((k) => prefixes.some((p) => (draftId === undefined ? k.startsWith(p) : k === p)));
        return stale.length ? this.area?.remove(stale) : undefined;
      })
      .catch(() => {});
  }
}
