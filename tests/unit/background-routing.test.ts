// The background entry point, run against WXT's fake browser: routing between
// pages, content scripts and the engine.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background.ts';
import { SETTINGS_KEY, DEFAULT_SETTINGS } from '../../lib/settings.ts';

const b = fakeBrowser as any;
const event = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn() });
const EXT_ORIGIN = 'chrome-extension://test-extension-id';
/** A content script in the top frame of a tab (what Chrome reports as the sender). */
const contentSender = (tabId: number, host = 'mail.google.com', windowId = 1, more: Record<string, unknown> = {}) => ({
  id: 'test-extension-id', url: `https://${host}/mail/u/0/`, origin: `https://${host}`, frameId: 0, tab: { id: tabId, windowId }, ...more,
});
const GMAIL_TAB = contentSender(7);
/** The side panel or popup: an extension page, no tab. */
const PANEL = { id: 'test-extension-id', url: `${EXT_ORIGIN}/sidepanel.html`, origin: EXT_ORIGIN };
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
    b.runtime.onConnect = event();
    background.main();
  });

  it('analyzes a content script draft and answers panel:get with it', async () => {
    const state = await send(update('Calm down, it is only a delay.'), GMAIL_TAB);
    expect(state.tabId).toBe(7);
    expect(state.result.findings.some((f: any) => f.category === 'dismissive')).toBe(true);
    expect((await send({ type: 'panel:get' }, PANEL)).draftId).toBe('d1');
  });

  it('routes an Apply from the side panel to the tab that owns the draft', async () => {
    await send(update('Calm down.'), GMAIL_TAB);
    const edit = { start: 0, end: 9, expected: 'Calm down', replacement: 'I understand' };
    expect(await send({ type: 'draft:apply', tabId: 7, draftId: 'd1', edit }, PANEL)).toEqual({ ok: true });
    expect(b.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'draft:apply', draftId: 'd1', edit });
  });

  it('relays "show in the draft" from the side panel to the draft\'s tab; a content script may not ask it', async () => {
    await send(update('Calm down.'), GMAIL_TAB);
    const range = { start: 0, end: 9, expected: 'Calm down' };
    expect(await send({ type: 'draft:reveal', tabId: 9, draftId: 'd1', range }, contentSender(9))).toBeUndefined();
    expect(await send({ type: 'draft:reveal', tabId: 7, draftId: 'd1', range: { ...range, start: 10 } }, PANEL)).toBeUndefined();
    expect(b.tabs.sendMessage).not.toHaveBeenCalled();
    await send({ type: 'draft:reveal', tabId: 7, draftId: 'd1', range }, PANEL);
    expect(b.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'draft:reveal', draftId: 'd1', range });
  });

  it('rephrases a selection for a content script, with only options that passed the gate; a bad range is refused', async () => {
    const reply = 'Hi Sam,\nI just wanted to let you know that I really think the refund of $49 will basically be processed by Friday.';
    const start = reply.indexOf('I just');
    const ask = { type: 'draft:rephrase', reply, customer: '', channel: 'email', start, end: reply.length };
    const answer = await send(ask, GMAIL_TAB);
    expect(answer.options.map((o: any) => o.style)).toContain('shorter');
    expect(answer.options.find((o: any) => o.style === 'shorter').replacement).toBe('I think the refund of $49 will be processed by Friday.');
    expect(await send({ ...ask, end: reply.length + 1 }, GMAIL_TAB)).toBeUndefined();
    expect(await send(ask, PANEL)).toBeUndefined();
  });

  it('rephrases one request per tab at a time, and not on a site the user switched off', async () => {
    const reply = 'Hi Sam,\nI just wanted to let you know that the refund of $49 will basically be processed by Friday.';
    const ask = { type: 'draft:rephrase', reply, customer: '', channel: 'email', start: 8, end: reply.length };
    // Two presses before the worker got to the first: the second is refused in plain words, another tab is served.
    const [first, second, other] = await Promise.all([send(ask, GMAIL_TAB), send(ask, GMAIL_TAB), send(ask, contentSender(8))]);
    expect(first.options.length).toBeGreaterThan(0);
    expect(second.options).toEqual([]);
    expect(second.problem).toMatch(/still working on the last one/);
    expect(other.options).toEqual(first.options);
    // Done: the tab may ask again.
    expect((await send(ask, GMAIL_TAB)).options).toEqual(first.options);
    // Upwork is off by default: its content script gets nothing.
    expect(await send(ask, contentSender(9, 'www.upwork.com'))).toBeUndefined();
  });

  it('offers the rephrase menu item in editors only', async () => {
    await b.runtime.onInstalled.trigger({ reason: 'install' });
    const item = b.contextMenus.create.mock.calls.map((c: any[]) => c[0]).find((o: any) => o.id === 'tactful-rephrase');
    expect(item?.contexts).toEqual(['editable']);
  });

  it('answers a refusal when the tab is gone', async () => {
    b.tabs.sendMessage = vi.fn(async () => { throw new Error('No tab'); });
    const res = await send({ type: 'draft:apply', tabId: 99, draftId: 'd1', edit: { start: 0, end: 1, expected: 'x', replacement: 'y' } }, PANEL);
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

  it('a content script cannot read, write or ignore in another tab', async () => {
    await send(update('Calm down, it is only a delay.'), GMAIL_TAB);
    const evil = contentSender(9, 'mail.google.com');
    expect(await send({ type: 'panel:get' }, evil)).toBeUndefined();
    const edit = { start: 0, end: 9, expected: 'Calm down', replacement: 'Pay here: evil.example' };
    expect(await send({ type: 'draft:apply', tabId: 7, draftId: 'd1', edit }, evil)).toBeUndefined();
    expect(await send({ type: 'draft:ignore', tabId: 7, draftId: 'd1', ruleId: 'dismissive/calm-down', start: 0, end: 9 }, evil)).toBeUndefined();
    expect(b.tabs.sendMessage).not.toHaveBeenCalled();
    // Its own ignore names no tab and reaches only its own drafts (tab 9 has none).
    expect(await send({ type: 'draft:ignore', draftId: 'd1', ruleId: 'dismissive/calm-down', start: 0, end: 9 }, evil)).toBeNull();
    expect((await send({ type: 'panel:get' }, PANEL)).result.findings.some((f: any) => f.category === 'dismissive')).toBe(true);
  });

  it('takes drafts only from top frames of this extension on sites the user turned on', async () => {
    const calm = update('Calm down, it is only a delay.');
    expect(await send(calm, contentSender(7, 'mail.google.com', 1, { frameId: 3 }))).toBeUndefined(); // an iframe
    expect(await send(calm, contentSender(7, 'mail.google.com', 1, { id: 'other-extension' }))).toBeUndefined();
    expect(await send(calm, { id: 'test-extension-id', frameId: 0 })).toBeUndefined(); // no tab
    expect(await send(calm, contentSender(7, 'www.upwork.com'))).toBeUndefined(); // optional site, not turned on
    expect(await send({ type: 'panel:get' }, PANEL)).toBeNull();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, sites: { 'www.upwork.com': true } } });
    await vi.waitFor(async () => expect((await send(calm, contentSender(7, 'www.upwork.com')))?.tabId).toBe(7));
  });

  it('refuses messages of the wrong shape or size', async () => {
    expect(await send({ ...update('x'), reply: 'a'.repeat(100_001) }, GMAIL_TAB)).toBeUndefined();
    expect(await send({ ...update('x'), reply: 42 }, GMAIL_TAB)).toBeUndefined();
    expect(await send({ ...update('x'), site: 'evil' }, GMAIL_TAB)).toBeUndefined();
    expect(await send({ ...update('x'), draftId: '<img src=x>' }, GMAIL_TAB)).toBeUndefined();
    expect(await send({ type: 'draft:apply', tabId: 7, draftId: 'd1', edit: { start: 5, end: 1, expected: '', replacement: '' } }, PANEL)).toBeUndefined();
    expect(await send({ type: 'no-such-thing' }, PANEL)).toBeUndefined();
    expect(await send('panel:get', PANEL)).toBeUndefined();
    expect(b.tabs.sendMessage).not.toHaveBeenCalled();
  });

  it('an unknown draft id cannot take focus away from the draft the panel shows', async () => {
    await send(update('Calm down, it is only a delay.'), GMAIL_TAB);
    await send({ type: 'draft:focus', draftId: 'd999' }, contentSender(9));
    expect((await send({ type: 'panel:get' }, PANEL)).draftId).toBe('d1');
  });

  describe('the panel port', () => {
    const connect = (sender: unknown) => {
      const posted: any[] = [];
      const listeners: ((m: unknown) => void)[] = [];
      const port = {
        name: 'tactful-panel',
        sender,
        postMessage: vi.fn((m: unknown) => posted.push(m)),
        disconnect: vi.fn(),
        onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
        onDisconnect: { addListener: vi.fn() },
      };
      const [accept] = b.runtime.onConnect.addListener.mock.calls.at(-1);
      accept(port);
      return { port, posted, hello: (windowId?: number) => listeners.forEach((l) => l({ type: 'panel:hello', windowId })) };
    };

    it("shows each window's own focused draft, and follows it as it changes", async () => {
      await send(update('Calm down, it is only a delay.'), contentSender(7, 'mail.google.com', 1));
      await send({ ...update('As I already explained, no.'), draftId: 'd2' }, contentSender(8, 'mail.google.com', 2));
      const one = connect(PANEL);
      const two = connect(PANEL);
      one.hello(1);
      two.hello(2);
      await vi.waitFor(() => expect(one.posted.at(-1)?.state.reply).toContain('Calm down'));
      await vi.waitFor(() => expect(two.posted.at(-1)?.state.reply).toContain('already explained'));
      await send({ ...update('Calm down now.'), draftId: 'd1' }, contentSender(7, 'mail.google.com', 1));
      await vi.waitFor(() => expect(one.posted.at(-1)?.state.reply).toBe('Calm down now.'));
      expect(two.posted.every((m) => m.state.tabId === 8)).toBe(true); // window 2 never saw window 1's draft
    });

    it('turns away a content script that opens the port', () => {
      const page = connect(GMAIL_TAB);
      page.hello(1);
      expect(page.port.disconnect).toHaveBeenCalled();
      expect(page.posted).toEqual([]);
    });
  });

  describe('when the worker restarts (it stops when idle)', () => {
    const restart = () => {
      // A new worker: fresh memory, the same storage.session.
      b.runtime.onMessage.removeAllListeners?.();
      background.main();
    };

    it('keeps ignored findings: the re-sent draft does not show them again', async () => {
      const calm = update('Calm down, it is only a delay.');
      await send(calm, GMAIL_TAB);
      const ignored = await send({ type: 'draft:ignore', draftId: 'd1', ruleId: 'dismissive/calm-down', start: 0, end: 9 }, GMAIL_TAB);
      expect(ignored.result.findings.some((f: any) => f.ruleId === 'dismissive/calm-down')).toBe(false);
      await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.session.get(null))).toContain('tactful:ignored:7:d1'));
      restart();
      const again = await send(calm, GMAIL_TAB);
      expect(again.result.findings.some((f: any) => f.ruleId === 'dismissive/calm-down')).toBe(false);
      expect(again.result.findings.length).toBeGreaterThan(0); // the rest of the analysis is back
    });

    it("shows each window's draft before any page re-sends it, and gives focus back to it", async () => {
      await send(update('Calm down, it is only a delay.'), contentSender(7, 'mail.google.com', 1));
      await send({ ...update('As I already explained, no.'), draftId: 'd2' }, contentSender(7, 'mail.google.com', 1));
      await send({ type: 'draft:focus', draftId: 'd2' }, contentSender(7, 'mail.google.com', 1));
      await vi.waitFor(async () => expect(((await fakeBrowser.storage.session.get('tactful:focused:1'))['tactful:focused:1'] as any)?.draftId).toBe('d2'));
      restart();
      const panel = (() => {
        const posted: any[] = [];
        const listeners: ((m: unknown) => void)[] = [];
        const port = { name: 'tactful-panel', sender: PANEL, postMessage: (m: unknown) => posted.push(m), disconnect: vi.fn(), onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) }, onDisconnect: { addListener: vi.fn() } };
        b.runtime.onConnect.addListener.mock.calls.at(-1)[0](port);
        listeners.forEach((l) => l({ type: 'panel:hello', windowId: 1 }));
        return posted;
      })();
      await vi.waitFor(() => expect(panel.at(-1)?.state?.draftId).toBe('d2')); // not blanked while the page has not re-sent yet
      // The page re-sends its drafts in any order; the one the window showed keeps the focus.
      await send({ ...update('As I already explained, no.'), draftId: 'd2' }, contentSender(7, 'mail.google.com', 1));
      await send(update('Calm down, it is only a delay.'), contentSender(7, 'mail.google.com', 1));
      expect((await send({ type: 'panel:get', windowId: 1 }, PANEL)).draftId).toBe('d2');
    });

    it('forgets what it kept for a draft once the draft closes', async () => {
      await send(update('Calm down, it is only a delay.'), GMAIL_TAB);
      await send({ type: 'draft:ignore', draftId: 'd1', ruleId: 'dismissive/calm-down', start: 0, end: 9 }, GMAIL_TAB);
      await fakeBrowser.storage.session.set({ 'tactful:manual-ticks:7:d1': { restate: true } });
      await send({ type: 'draft:closed', draftId: 'd1' }, GMAIL_TAB);
      await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.includes(':7:d1'))).toEqual([]));
    });
  });
});
