// The toolbar popup: the pre-send checklist for the current draft, the open
// flag count, "Ready to send", the site switch and a way into the side panel.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { BackgroundToContent, DraftState, PageStatus } from '../lib/messages.ts';
import { manualTicksKey, summarizePreSend } from '../lib/ui-checklist.ts';
import { isManifestHost, originsFor, siteEnabled, webHost } from '../lib/ui-sites.ts';
import { useDraftState } from './useDraftState.ts';
import { useSettings, settingsStore } from './settingsStore.ts';
import { ChecklistView } from './ChecklistView.tsx';
import { openSidePanel } from '../lib/background/side-panel.ts';

interface ActiveTab {
  id: number | null;
  windowId: number | null;
  host: string | null;
  /** True when this page was opened in a tab of its own (testing, keyboard users), not as the toolbar popup. */
  standalone: boolean;
}

function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => {
    (async () => {
      const own = await browser.tabs.getCurrent().catch(() => undefined);
      const [active] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      setTab({ id: own ? null : (active?.id ?? null), windowId: active?.windowId ?? null, host: own ? null : webHost(active?.url), standalone: Boolean(own) });
    })();
  }, []);
  return tab;
}

/** Whether the content script on the active tab recognises a reply box (null: no answer, e.g. Tactful not running there). */
function usePageStatus(tabId: number | null | undefined): PageStatus | null {
  const [status, setStatus] = useState<PageStatus | null>(null);
  useEffect(() => {
    if (tabId == null) return;
    const ask: BackgroundToContent = { type: 'page:status' };
    browser.tabs
      .sendMessage(tabId, ask)
      .then((r) => setStatus((r as PageStatus | undefined) ?? null))
      .catch(() => setStatus(null));
  }, [tabId]);
  return status;
}

/** Manual ticks for one draft, kept in session storage (cleared when the browser closes). */
function useManualTicks(draft: DraftState | null): [Record<string, boolean>, (id: string, done: boolean) => void] {
  const key = draft ? manualTicksKey(draft.tabId, draft.draftId) : null;
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  useEffect(() => {
    setTicks({});
    if (!key) return;
    browser.storage.session
      .get(key)
      .then((stored) => setTicks((stored[key] as Record<string, boolean> | undefined) ?? {}))
      .catch(() => {});
  }, [key]);
  const tick = (id: string, done: boolean) => {
    const next = { ...ticks, [id]: done };
    setTicks(next);
    if (key) browser.storage.session.set({ [key]: next }).catch(() => {});
  };
  return [ticks, tick];
}

function SiteSwitch({ host }: { host: string }) {
  const sites = useSettings((s) => s.settings.sites);
  const [error, setError] = useState<string | null>(null);
  const on = siteEnabled(sites, host);
  const toggle = async (next: boolean) => {
    setError(null);
    if (next && !isManifestHost(host)) {
      // Must run straight from the click: the browser only asks during a user gesture.
      const granted = await browser.permissions.request({ origins: originsFor(host) }).catch(() => false);
      if (!granted) {
        setError(`Tactful needs your permission to read reply boxes on ${host}.`);
        return;
      }
    }
    await settingsStore.getState().setSite(host, next);
  };
  return (
    <div className="site-switch">
      <label>
        <input type="checkbox" role="switch" checked={on} aria-checked={on} onChange={(e) => void toggle(e.target.checked)} /> Check replies on{' '}
        <strong>{host}</strong> <span className="muted">({on ? 'on' : 'off'})</span>
      </label>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function PopupApp() {
  const tab = useActiveTab();
  const [latest, setLatest] = useState<DraftState | null>(null);
  useDraftState(setLatest);
  // The toolbar popup speaks about the tab it was opened on; opened as a tab of its own it follows the latest draft.
  const draft = latest && tab && (tab.standalone || latest.tabId === tab.id) ? latest : null;
  const [ticks, tick] = useManualTicks(draft);
  const summary = draft && !draft.internalNote ? summarizePreSend(draft.result, ticks) : null;
  const page = usePageStatus(tab?.id);
  const noReplyBox = !draft && page?.enabled === true && page.editors === 0;

  return (
    <main className="popup">
      <header className="top">
        <h1>Tactful</h1>
      </header>
      {tab?.host && <SiteSwitch host={tab.host} />}
      {!draft && (
        <p className="empty" data-testid="empty-state" data-reason={noReplyBox ? 'no-reply-box' : 'no-draft'}>
          {noReplyBox ? "Tactful can't find the reply box on this page." : 'Click into a reply to see its pre-send checklist.'}
        </p>
      )}
      {draft?.internalNote && <p className="empty">Internal note: not a reply to the customer, nothing to check.</p>}
      {summary && (
        <>
          <div className={`verdict ${summary.ready ? 'ready' : 'not-ready'}`} role="status" data-testid="verdict" data-ready={summary.ready}>
            {summary.ready ? (
              <strong>✓ Ready to send</strong>
            ) : (
              <>
                <strong>Not ready yet</strong>
                <span>
                  {' '}
                  · {summary.openFlags} open {summary.openFlags === 1 ? 'flag' : 'flags'} · {summary.missing} missing{' '}
                  {summary.missing === 1 ? 'item' : 'items'}
                </span>
              </>
            )}
          </div>
          <p data-testid="open-flags">
            Open flags: <strong>{summary.openFlags}</strong>
          </p>
          <ChecklistView rows={summary.rows} onTick={tick} />
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            // The browser only opens the panel during a user gesture, which a message does not carry:
            // open it from this click, and tell the background too.
            if (!tab?.standalone) openSidePanel(tab?.id ?? undefined, tab?.windowId ?? undefined);
            void browser.runtime.sendMessage({ type: 'panel:open' }).catch(() => {});
            if (!tab?.standalone) window.close();
          }}
        >
          Open side panel
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </div>
    </main>
  );
}
