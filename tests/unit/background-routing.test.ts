// The background entry point, run against WXT's fake browser: routing between
// pages, content scripts and the engine.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background.ts';
import { SETTINGS_KEY, DEFAULT_SETTINGS } from '../../lib/settings.ts';

const b = fakeBrowser as any;
const event = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn() });
const GMAIL_TAB = { tab: { id: 7, windowId: 1 } };
const send = async (message: unknown, sender: unknown = {}) => (await b.runtime.onMessage.trigger(message, sender))[0];
const update = (reply: string) => ({
  type: 'draft:update', draftId: 'd1', site: 'gmail', editorKind: 'contenteditable', channel: 'email', internalNote: false, reply, customer: 'Where is my order?!',
});

describe('background routing', () => {
  let tabMessages: unknown[];
  let sidePanelOpen: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    tabMessages = [];
    b.tabs.sendMessage = vi.fn(async (_tabId: number, m: any) => {
      tabMessages.push(m);
      return m.type === 'draft:apply' ? { ok: true } : undefined;
    });
    b.runtime.sendMessage = vi.fn(async () => undefined);
    b.contextMenus = { create: vi.fn(), onClicked: event() };
    b.commands = { onCommand: event() };
    b.permissions = { getAll: async () => ({ origins: [] }), onAdded: event(), onRemoved: event() };
    sidePanelOpen = vi.fn(async () => undefined);
    b.sidePanel = { open: sidePanelOpen };
    background.main();
  });

  it('analyzes a content script draft and answers panel:get with it', async () => {
    const state = await send(update('Calm down, it is only a delay.'), GMAIL_TAB);
    expect(state.tabId).toBe(7);
    expect(state.result.findings.some((f: any) => f.category === 'dismissive')).toBe(true);
    expect((await send({ type: 'panel:get' })).draftId).toBe('d1');
  });

  it('routes an Apply from the side panel to the tab that owns the draft', async () => {
    await send(update('Calm down.'), GMAIL_TAB);
    const edit = { start: 0, end: 9, expected: 'Calm down', replacement: 'I understand' };
    expect(await send({ type: 'draft:apply', tabId: 7, draftId: 'd1', edit })).toEqual({ ok: true });
    expect(b.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'draft:apply', draftId: 'd1', edit });
  });

  it('answers a refusal when the tab is gone', async () => {
    b.tabs.sendMessage = vi.fn(async () => { throw new Error('No tab'); });
    const res = await send({ type: 'draft:apply', tabId: 99, draftId: 'd1', edit: { start: 0, end: 1, expected: 'x', replacement: 'y' } });
    expect(res.ok).toBe(false);
    expect(res.reason).toMatch(/closed|reloaded/);
  });

  it('opens the side panel synchronously for panel:open from a page gesture', async () => {
    await send({ type: 'panel:open' }, GMAIL_TAB);
    expect(sidePanelOpen).toHaveBeenCalledWith({ tabId: 7 });
  });

  it('re-analyzes open drafts when settings change and pushes the result to their tab', async () => {
    await send(update('Calm down.'), GMAIL_TAB);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledCategories: ['dismissive'] } });
    await vi.waitFor(() => expect(tabMessages.some((m: any) => m.type === 'draft:state')).toBe(true));
    const pushed: any = tabMessages.filter((m: any) => m.type === 'draft:state').at(-1);
    expect(pushed.state.result.findings.some((f: any) => f.category === 'dismissive')).toBe(false);
  });
});
