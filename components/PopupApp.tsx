// The toolbar popup: the pre-send checklist for the current draft. It names
// what to fix in the draft, what to confirm before sending, and says "Ready to
// send" when both are clear; plus the site switch and a way into the side panel.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { BackgroundToContent, DraftState, PageStatus, PageToBackground, TextRange } from '../lib/messages.ts';
import { manualTicksKey, preSendPlan, summarizePreSend } from '../lib/ui-checklist.ts';
import { SEVERITY_LABELS } from '../lib/ui-labels.ts';
import { JUMP_KEY, type JumpRequest } from '../lib/ui-jump.ts';
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
  const plan = draft && !draft.internalNote ? preSendPlan(draft.reply, draft.result, ticks) : null;
  const autoRows = draft && plan ? summarizePreSend(draft.result, {}).rows.filter((r) => r.source === 'auto') : [];
  const page = usePageStatus(tab?.id);
  const noReplyBox = !draft && page?.enabled === true && page.editors === 0;

  /** Opens the side panel at that group (the panel reads the request from session storage) and shows the words in the page. */
  const showInPanel = (groupKey: string, words?: TextRange) => {
    if (draft && words) void browser.runtime.sendMessage({ type: 'draft:reveal', tabId: draft.tabId, draftId: draft.draftId, range: words } satisfies PageToBackground).catch(() => {});
    // Opened straight from this click: the browser only opens the panel during a user gesture.
    if (!tab?.standalone) openSidePanel(tab?.id ?? undefined, tab?.windowId ?? undefined);
    const request: JumpRequest = { groupKey, at: Date.now() };
    void browser.storage.session
      .set({ [JUMP_KEY]: request })
      .catch(() => {})
      .finally(() => {
        if (!tab?.standalone) window.close();
      });
  };

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
      {plan && (
        <>
          <div
            className={`verdict ${plan.ready ? 'ready' : plan.stage === 'empty' ? 'start' : 'not-ready'}`}
            role="status"
            data-testid="verdict"
            data-ready={plan.ready}
          >
            {plan.ready ? (
              <strong>✓ Ready to send</strong>
            ) : plan.stage === 'empty' ? (
              <strong>Start writing: the checklist fills in as you type.</strong>
            ) : plan.fix.length === 0 ? (
              <strong>Nothing to fix · confirm {plan.confirm.filter((c) => c.status !== 'done').length} below before sending</strong>
            ) : (
              <>
                <strong>Not ready yet</strong>
                <span>
                  {' '}
                  · {plan.fix.length > 0 && `${plan.fix.length} to fix in the draft`}
                  {plan.fix.length > 0 && plan.confirm.some((c) => c.status !== 'done') && ' · '}
                  {plan.confirm.some((c) => c.status !== 'done') && `${plan.confirm.filter((c) => c.status !== 'done').length} to confirm`}
                </span>
              </>
            )}
          </div>
          {plan.fix.length > 0 && (
            <section aria-labelledby="fix-h" data-testid="fix-list" data-count={plan.fix.length}>
              <h2 id="fix-h">Fix in the draft</h2>
              <ul className="fix-list">
                {plan.fix.map((item) => (
                  <li key={item.groupKey} data-group={item.groupKey} data-severity={item.severity}>
                    <button type="button" className="link jump" title="Show it in the side panel" onClick={() => showInPanel(item.groupKey, item.words)}>
                      <span className={`badge sev-${item.severity}`}>{SEVERITY_LABELS[item.severity]}</span> {item.text}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {plan.stage === 'body' && (
            <section aria-labelledby="confirm-h" data-testid="confirm-list">
              <h2 id="confirm-h">Confirm before sending</h2>
              <ChecklistView rows={plan.confirm} onTick={tick} />
            </section>
          )}
          {plan.consider.length > 0 && (
            <section aria-labelledby="consider-h" data-testid="consider-list">
              <h2 id="consider-h">
                Worth adding <span className="count">(optional)</span>
              </h2>
              <ul className="plain">
                {plan.consider.map((row) => (
                  <li key={row.id} title={row.rationale}>
                    {row.label}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {plan.stage === 'body' && (
            <details className="all-checks">
              <summary>All checks</summary>
              <ChecklistView rows={autoRows} />
            </details>
          )}
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
