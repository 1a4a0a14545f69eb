// A team pack pushed by the organisation's policy (chrome.storage.managed),
// run against WXT's fake browser: validated like an imported pack, under the
// user's own settings, and impossible for the user to delete.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../lib/settings.ts';
import { ownSettingsWithRuleOff } from '../../lib/settings-clean.ts';
import { followEffectiveSettings, loadEffectiveSettings, POLICY_WAIT_MS, readManagedPack, withManaged } from '../../lib/settings-managed.ts';
import { createSettingsStore, followStoredSettings } from '../../lib/store-settings.ts';
import { PACK_LIMITS } from '../../lib/ui-teampack.ts';

const POLICY = {
  customPhrases: [{ avoid: 'per our terms', prefer: 'here is what we can do', note: 'Legal asked us not to quote the terms at customers.', severity: 'error' }],
  disabledRules: ['x.y'],
  sensitivity: 'high',
};
const DRAFT = 'Per our terms, refunds take 10 days. Calm down, please.';

describe('the managed pack', () => {
  beforeEach(() => {
    vi.useRealTimers(); // a failed fake-timer test must not leave its clock behind
    fakeBrowser.reset();
  });

  it('is read from the policy and validated like an imported pack: one bad field applies none of it, with the reason', () => {
    expect(readManagedPack(POLICY)).toEqual({ pack: POLICY, errors: [] });
    expect(readManagedPack({})).toEqual({ pack: {}, errors: [] });
    const bad = readManagedPack({ ...POLICY, sensitivity: 42 });
    expect(bad.pack).toEqual({});
    expect(bad.errors.join(' ')).toMatch(/sensitivity/);
    const regexish = readManagedPack({ customPhrases: [{ avoid: 'x'.repeat(300) }] });
    expect(regexish.errors.join(' ')).toMatch(/longer than/);
  });

  it('is capped like an imported pack', () => {
    const many = readManagedPack({ customPhrases: Array.from({ length: PACK_LIMITS.phrases + 1 }, (_, i) => ({ avoid: `phrase ${i}` })) });
    expect(many.pack).toEqual({});
    expect(many.errors[0]).toMatch(/at most 500/);
    const huge = readManagedPack({ disabledRules: Array.from({ length: 2_000 }, () => 'r'.repeat(300)) });
    expect(huge.errors[0]).toMatch(/larger than/);
  });

  it("lies under the user's settings: their phrases and choices stay, the organisation's phrases and switched-off checks cannot be undone", () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      sensitivity: 'low',
      customPhrases: [{ avoid: 'kindly' }, { avoid: 'Per our TERMS', note: 'my own version' }],
      disabledRules: [],
    };
    const s = withManaged(stored, readManagedPack(POLICY).pack);
    expect(s.customPhrases.map((p) => p.avoid)).toEqual(['per our terms', 'kindly']);
    expect(s.customPhrases[0].note).toBe(POLICY.customPhrases[0].note); // the organisation's version wins
    expect(s.disabledRules).toEqual(['x.y']); // the user's empty list does not switch it back on
    expect(s.sensitivity).toBe('low'); // a choice the user made is theirs
    expect(withManaged({ customPhrases: [] }, readManagedPack(POLICY).pack).sensitivity).toBe('high'); // until then the policy's
    expect(withManaged(undefined, {})).toEqual(DEFAULT_SETTINGS);
  });

  it('is never written into, nor deletable from, the user\'s own stored settings', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    const store = createSettingsStore();
    await store.getState().load();
    expect(store.getState().settings.customPhrases).toEqual([]);
    await store.getState().addPhrase({ avoid: 'kindly' });
    await store.getState().removePhrase(0);
    await store.getState().importPack(JSON.stringify({ format: 'tactful-team-pack', version: 1, settings: { customPhrases: [{ avoid: 'sorry for any' }] } }), 'replace');
    expect((await loadEffectiveSettings()).customPhrases.map((p) => p.avoid)).toEqual(['per our terms', 'sorry for any']);
  });

  it("the settings pages show the policy's sensitivity until the user picks one, so saving something else keeps it", async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    const store = createSettingsStore();
    await store.getState().load();
    expect(store.getState().settings.sensitivity).toBe('high');
    await store.getState().addPhrase({ avoid: 'kindly' });
    expect((await loadEffectiveSettings()).sensitivity).toBe('high');
    await store.getState().setSensitivity('low');
    expect((await loadEffectiveSettings()).sensitivity).toBe('low');
  });

  it("the policy's sensitivity stays the organisation's after the user changes their voice: a later policy change still applies", async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    const store = createSettingsStore();
    followStoredSettings(store);
    await store.getState().load();
    await store.getState().setVoice('formal');
    await store.getState().toggleRule('tone.calm-down', false);
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toEqual({ voice: 'formal', disabledRules: ['tone.calm-down'] });

    await fakeBrowser.storage.managed.set({ ...POLICY, sensitivity: 'low' });
    expect(await loadEffectiveSettings()).toMatchObject({ sensitivity: 'low', voice: 'formal' });
    // The options page follows the policy too, so its next save does not pin the old value.
    await vi.waitFor(() => expect(store.getState().settings.sensitivity).toBe('low'));
    await store.getState().addPhrase({ avoid: 'kindly' });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).not.toHaveProperty('sensitivity');
  });

  it('a sensitivity the user picks is theirs, even the one the policy had', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    const store = createSettingsStore();
    await store.getState().load();
    await store.getState().setSensitivity('high');
    await fakeBrowser.storage.managed.set({ ...POLICY, sensitivity: 'low' });
    expect((await loadEffectiveSettings()).sensitivity).toBe('high');
  });

  it('turning off a rule from the card stores only that beside the user\'s own fields, so the policy\'s sensitivity keeps applying', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { customPhrases: [{ avoid: 'kindly' }], voice: 'formal', sensitivity: 42 } });
    const next = ownSettingsWithRuleOff((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], 'tone.calm-down');
    expect(next).toEqual({ customPhrases: [{ avoid: 'kindly' }], voice: 'formal', disabledRules: ['tone.calm-down'] });
    expect(ownSettingsWithRuleOff(next, 'tone.calm-down')).toBeUndefined(); // already off: nothing to write
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: next });
    expect(await loadEffectiveSettings()).toMatchObject({ sensitivity: 'high', voice: 'formal' });
    await fakeBrowser.storage.managed.set({ ...POLICY, sensitivity: 'low' });
    expect(await loadEffectiveSettings()).toMatchObject({ sensitivity: 'low', disabledRules: ['x.y', 'tone.calm-down'] });
  });

  it("does not hold analysis back while the browser's first policy read is slow: the policy joins when it lands", async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { customPhrases: [{ avoid: 'kindly' }] } });
    let land!: (policy: unknown) => void;
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise((resolve) => (land = resolve as never)) as never);
    const changes: string[][] = [];
    // The policy never lands on its own: the settings arrive once POLICY_WAIT_MS has passed, and not before.
    vi.useFakeTimers();
    let now: Settings | undefined;
    void followEffectiveSettings((s) => changes.push(s.customPhrases.map((p) => p.avoid))).then((s) => (now = s));
    await vi.advanceTimersByTimeAsync(POLICY_WAIT_MS - 1);
    expect(now).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    expect(now?.customPhrases.map((p) => p.avoid)).toEqual(['kindly']);
    land(POLICY);
    await vi.waitFor(() => expect(changes).toEqual([['per our terms', 'kindly']]));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { customPhrases: [] } });
    await vi.waitFor(() => expect(changes.at(-1)).toEqual(['per our terms']));
    vi.restoreAllMocks();
  });

  it('the manifest points Chrome at a schema that lists every pack setting', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/managed_schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(['customPhrases', 'disabledCategories', 'disabledRules', 'sensitivity', 'sites', 'voice']);
    expect(readFileSync(join(import.meta.dirname, '../../wxt.config.ts'), 'utf8')).toContain("managed_schema: 'managed_schema.json'");
  });
});

describe('the worker with a managed pack', () => {
  const b = fakeBrowser as any;
  const event = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn() });
  const GMAIL_TAB = { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/', origin: 'https://mail.google.com', frameId: 0, tab: { id: 7, windowId: 1 } };
  const update = { type: 'draft:update', draftId: 'd1', site: 'gmail', editorKind: 'contenteditable', channel: 'email', internalNote: false, reply: DRAFT, customer: 'Where is my refund?!' };
  const send = async (message: unknown) => (await b.runtime.onMessage.trigger(message, GMAIL_TAB))[0];
  const adminFinding = (state: any) => state.result.findings.find((f: any) => f.ruleId.startsWith('custom/per-our-terms'));

  beforeEach(() => {
    fakeBrowser.reset();
    b.tabs.sendMessage = vi.fn(async () => undefined);
    b.contextMenus = { create: vi.fn(), onClicked: event() };
    b.commands = { onCommand: event() };
    b.permissions = { getAll: async () => ({ origins: [] }), onAdded: event(), onRemoved: event() };
    b.sidePanel = { open: vi.fn() };
    b.runtime.onConnect = event();
  });

  it("flags the organisation's phrase with its note, beside the user's own settings, and follows a policy change", async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, customPhrases: [{ avoid: 'please', category: 'dismissive' }] } });
    background.main();
    const state = await send(update);
    expect(adminFinding(state)).toMatchObject({ severity: 'error', message: POLICY.customPhrases[0].note });
    expect(state.result.findings.some((f: any) => f.ruleId.startsWith('custom/please'))).toBe(true);

    await fakeBrowser.storage.managed.clear();
    await vi.waitFor(async () => expect(adminFinding(await send(update))).toBeUndefined());
  });

  it('an unreadable policy applies nothing and analysis goes on', async () => {
    await fakeBrowser.storage.managed.set({ ...POLICY, customPhrases: 'per our terms' });
    background.main();
    const state = await send(update);
    expect(adminFinding(state)).toBeUndefined();
    expect(state.result.findings.some((f: any) => f.category === 'dismissive')).toBe(true);
  });
});
