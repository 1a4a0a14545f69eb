// The side panel: for the most recently focused draft, a one-line verdict and
// the things that matter most, the customer's mood, how the reply sounds, the
// suggested reply (folded), the flags grouped by rule (errors first) and the
// checklist. Before the draft has a body: "Start writing" and the customer only.
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { browser } from 'wxt/browser';
import { createPanelStore, visibleFindings } from '../lib/store-panel.ts';
import type { PageToBackground } from '../lib/messages.ts';
import { toAnalyzeOptions } from '../lib/settings.ts';
import { summarizePreSend } from '../lib/ui-checklist.ts';
import { siteEnabled, webHost } from '../lib/ui-sites.ts';
import { useDraftState } from './useDraftState.ts';
import { useSettings } from './settingsStore.ts';
import { CustomerCard } from './CustomerCard.tsx';
import { ToneGauge } from './ToneGauge.tsx';
import { FindingList } from './FindingList.tsx';
import { ChecklistView } from './ChecklistView.tsx';
import { SuggestedReply } from './SuggestedReply.tsx';
import { useFindingSuggestions } from './useFindingSuggestions.ts';
import { PanelVerdict, jumpTo } from './PanelVerdict.tsx';
import { JUMP_KEY, freshJump } from '../lib/ui-jump.ts';
import { groupFindings, panelVerdict, shownFindings } from '../lib/ui-priority.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { EmptyState, type EmptyReason } from './EmptyState.tsx';

const sendToWorker = (message: PageToBackground) => browser.runtime.sendMessage(message);
const panelStore = createPanelStore(sendToWorker);

/** The host of the active tab, when the browser lets the extension see it. */
function useActiveHost(): string | null {
  const [host, setHost] = useState<string | null>(null);
  useEffect(() => {
    const read = () =>
      browser.tabs
        .query({ active: true, lastFocusedWindow: true })
        .then(([tab]) => setHost(webHost(tab?.url)))
        .catch(() => setHost(null));
    read();
    browser.tabs.onActivated.addListener(read);
    return () => browser.tabs.onActivated.removeListener(read);
  }, []);
  return host;
}

/** Follows the popup's "show me" requests; `groupKeys` changes when the list does, so a request can wait for its group to appear. */
function useJumpRequests(groupKeys: string) {
  useEffect(() => {
    const tryJump = (value: unknown) => {
      const key = freshJump(value);
      if (key && jumpTo(key)) void browser.storage.session.remove(JUMP_KEY).catch(() => {});
    };
    void browser.storage.session
      .get(JUMP_KEY)
      .then((stored) => tryJump(stored[JUMP_KEY]))
      .catch(() => {});
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && JUMP_KEY in changes) tryJump(changes[JUMP_KEY].newValue);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [groupKeys]);
}

export function SidePanelApp() {
  const state = useStore(panelStore);
  const settings = useSettings((s) => s.settings);
  const activeHost = useActiveHost();
  useDraftState(panelStore.getState().setDraft);
  const options = useMemo(() => toAnalyzeOptions(settings), [settings]);

  const { draft } = state;
  let empty: EmptyReason | null = null;
  if (!settings.enabled) empty = { kind: 'paused' };
  else if (!draft) empty = activeHost && !siteEnabled(settings.sites, activeHost) ? { kind: 'site-off', host: activeHost } : { kind: 'no-draft' };
  else if (draft.internalNote) empty = { kind: 'internal-note' };

  // Drafts arrive without suggestions: the panel fetches those of the findings it shows.
  const findings = useFindingSuggestions(draft, draft ? shownFindings(draft.reply, visibleFindings(state)) : [], sendToWorker);
  const groups = draft ? groupFindings(draft.reply, findings) : [];
  const verdict = draft ? panelVerdict(draft.reply, groups) : null;
  const autoRows = draft ? summarizePreSend(draft.result, {}).rows.filter((r) => r.source === 'auto') : [];
  useJumpRequests(groups.map((g) => g.key).join('\n'));

  return (
    <main className="panel">
      <header className="top">
        <h1>Tactful</h1>
        {draft && !empty && (
          <span className="muted" data-testid="draft-site">
            {draft.site} · {draft.reply.trim() ? `${draft.reply.trim().split(/\s+/).length} words` : 'empty draft'}
          </span>
        )}
      </header>
      {state.notice && (
        <p className={`notice ${state.notice.kind}`} role={state.notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {state.notice.text}{' '}
          <button type="button" className="link" onClick={state.clearNotice}>
            Close
          </button>
        </p>
      )}
      {empty || !draft || !verdict ? (
        <EmptyState reason={empty ?? { kind: 'no-draft' }} />
      ) : (
        <>
          <PanelVerdict verdict={verdict} />
          <CustomerCard customer={draft.result.customer} hasMessage={draft.customer.trim() !== ''} />
          {verdict.kind !== 'start' && (
            <>
              <ToneGauge findings={findings} politeness={draft.result.tone.politeness} />
              {state.dismissedFor !== draft.reply && (
                <SuggestedReply
                  reply={draft.reply}
                  customer={draft.customer}
                  channel={draft.channel}
                  voice={settings.voice}
                  options={options}
                  busy={state.busy}
                  onApply={state.requestApply}
                  onDismiss={state.dismissSuggestion}
                />
              )}
              <FindingList reply={draft.reply} groups={groups} busy={state.busy} onApply={state.requestApply} onIgnore={state.ignore} onReveal={state.reveal} />
              <section className="card" aria-labelledby="checklist-h">
                <h2 id="checklist-h">Checklist</h2>
                <ChecklistView rows={autoRows} />
              </section>
            </>
          )}
        </>
      )}
      {state.pending && <ConfirmDialog pending={state.pending} onConfirm={state.confirmPending} onCancel={state.cancelPending} />}
    </main>
  );
}
