import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPanelStore, visibleFindings } from '../../lib/store-panel.ts';
import { createSettingsStore, followStoredSettings, normalizeSettings } from '../../lib/store-settings.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings.ts';
import { exportTeamPack } from '../../lib/ui-teampack.ts';
import type { DraftState, PageToBackground } from '../../lib/messages.ts';
import type { Finding } from '../../analyzers/types.ts';

beforeEach(() => fakeBrowser.reset());

describe('settings store', () => {
  it('loads defaults, persists changes to storage.local and follows other pages', async () => {
    const store = createSettingsStore();
    await store.getState().load();
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);

    await store.getState().toggleCategory('sarcasm', false);
    await store.getState().setSite('www.upwork.com', true);
    await store.getState().addPhrase({ avoid: 'no worries', prefer: 'happy to help' });
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toMatchObject({ disabledCategories: ['sarcasm'], sites: { 'www.upwork.com': true }, customPhrases: [{ avoid: 'no worries' }] });

    await store.getState().toggleCategory('sarcasm', true);
    await store.getState().removePhrase(0);
    expect(store.getState().settings).toMatchObject({ disabledCategories: [], customPhrases: [] });

    const other = createSettingsStore();
    followStoredSettings(other);
    await store.getState().setVoice('formal');
    await vi.waitFor(() => expect(other.getState().settings.voice).toBe('formal'));
  });

  it('never loses current settings on a bad team pack, applies a good one', async () => {
    const store = createSettingsStore();
    await store.getState().load();
    await store.getState().setSensitivity('high');
    const before = structuredClone(store.getState().settings);

    const bad = await store.getState().importPack('{"format":"tactful-team-pack","version":1,"settings":{"sensitivity":"max"}}');
    expect(bad.ok).toBe(false);
    expect(store.getState().settings).toEqual(before);
    expect(normalizeSettings((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY])).toEqual(before);

    const pack = exportTeamPack({ ...DEFAULT_SETTINGS, voice: 'formal', disabledRules: ['x.y'] });
    expect(await store.getState().importPack(JSON.stringify(pack))).toEqual({ ok: true });
    expect(store.getState().settings).toMatchObject({ voice: 'formal', disabledRules: ['x.y'], sensitivity: 'normal' });
  });

  it('reads partial or damaged stored settings over the defaults', () => {
    expect(normalizeSettings({ voice: 'formal', disabledCategories: ['sarcasm', 'bogus'] })).toEqual({
      ...DEFAULT_SETTINGS,
      voice: 'formal',
      disabledCategories: ['sarcasm'],
    });
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});

const finding: Finding = {
  ruleId: 'blame.you-didnt',
  category: 'blame',
  severity: 'warning',
  start: 0,
  end: 12,
  message: 'Blames the customer',
  rationale: 'Playbook B',
  suggestions: [{ label: 'It looks like', replacement: 'It looks like' }],
};
const draft = (reply: string): DraftState => ({
  tabId: 7,
  draftId: 'd1',
  site: 'gmail',
  editorKind: 'contenteditable',
  channel: 'email',
  internalNote: false,
  reply,
  customer: 'Where is my refund?',
  result: { findings: [finding], checklist: [], tone: { politeness: 0 }, customer: { upset: 0.6, escalate: false, reasons: [] } },
  version: 1,
  updatedAt: 0,
});

describe('panel store', () => {
  it('applies an edit for the shown draft and reports the refusal reason', async () => {
    const sent: PageToBackground[] = [];
    const store = createPanelStore(async (m) => {
      sent.push(m);
      return { ok: false, reason: 'The text changed since it was checked.' };
    });
    store.getState().setDraft(draft("You didn't attach it."));
    await store.getState().requestApply({ start: 0, end: 3, expected: 'You', replacement: 'We' }, 'Apply');
    expect(sent).toEqual([{ type: 'draft:apply', tabId: 7, draftId: 'd1', edit: { start: 0, end: 3, expected: 'You', replacement: 'We' } }]);
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'Not applied: The text changed since it was checked.' });
  });

  it('asks the page to show a finding\'s words, and says so when it cannot', async () => {
    const sent: PageToBackground[] = [];
    let found = true;
    const store = createPanelStore(async (m) => (sent.push(m), found));
    store.getState().setDraft(draft("Hi. You didn't attach it."));
    const finding = { ruleId: 'blame/you-didnt', category: 'blame', severity: 'warning', start: 4, end: 16, message: '', rationale: '', suggestions: [] } as unknown as Finding;
    await store.getState().reveal(finding);
    expect(sent).toEqual([{ type: 'draft:reveal', tabId: 7, draftId: 'd1', range: { start: 4, end: 16, expected: "You didn't a" } }]);
    expect(store.getState().notice).toBeNull();
    found = false;
    await store.getState().reveal(finding);
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: expect.stringMatching(/Could not find these words/) });
  });

  it('asks before applying text with a placeholder, and sends nothing on cancel', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    const store = createPanelStore(send);
    store.getState().setDraft(draft('Thanks.'));
    const edit = { start: 7, end: 7, expected: '', replacement: ' We will call you at [time].' };
    await store.getState().requestApply(edit, 'Accept all');
    expect(send).not.toHaveBeenCalled();
    expect(store.getState().pending).toMatchObject({ placeholders: ['[time]'], label: 'Accept all' });
    store.getState().cancelPending();
    expect(store.getState().pending).toBeNull();
    expect(send).not.toHaveBeenCalled();

    await store.getState().requestApply(edit, 'Accept all');
    await store.getState().confirmPending();
    expect(send).toHaveBeenCalledTimes(1);
    expect(store.getState().notice?.kind).toBe('ok');
  });

  it('hides an ignored finding at once and tells the background', async () => {
    const send = vi.fn(async () => undefined);
    const store = createPanelStore(send);
    store.getState().setDraft(draft("You didn't attach it."));
    expect(visibleFindings(store.getState())).toHaveLength(1);
    await store.getState().ignore(finding);
    expect(visibleFindings(store.getState())).toHaveLength(0);
    expect(send).toHaveBeenCalledWith({ type: 'draft:ignore', tabId: 7, draftId: 'd1', ruleId: 'blame.you-didnt', start: 0, end: 12 });
  });

  it('brings a dismissed suggestion back once the draft text changes', () => {
    const store = createPanelStore(async () => ({ ok: true }));
    store.getState().setDraft(draft('First text'));
    store.getState().dismissSuggestion();
    expect(store.getState().dismissedFor).toBe('First text');
    store.getState().setDraft(draft('First text, edited'));
    expect(store.getState().dismissedFor).not.toBe(store.getState().draft!.reply);
  });
});
