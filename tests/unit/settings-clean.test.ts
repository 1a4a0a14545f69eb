// Stored settings of the wrong type (an old version, a bad import, another
// extension's bug) never stop analysis, and never cost a valid field.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background.ts';
import { analyze } from '../../analyzers/index.ts';
import { CATEGORIES } from '../../analyzers/types.ts';
import { cleanSettings, SETTINGS_LIMITS } from '../../lib/settings-clean.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, toAnalyzeOptions, type Settings } from '../../lib/settings.ts';

const DRAFT = 'Calm down, it is only a delay. As I said, you clicked the wrong button.';

/** A settings object that is valid field by field. */
const validSettings: fc.Arbitrary<Settings> = fc.record({
  enabled: fc.boolean(),
  sites: fc.dictionary(fc.constantFrom('mail.google.com', '*.zendesk.com', 'www.upwork.com', 'www.fiverr.com'), fc.boolean()),
  disabledCategories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 3 }),
  disabledRules: fc.uniqueArray(fc.constantFrom('dismissive/calm-down', 'defensive/as-i-said', 'x.y'), { maxLength: 3 }),
  sensitivity: fc.constantFrom('low' as const, 'normal' as const, 'high' as const),
  customPhrases: fc.uniqueArray(
    fc.record({ avoid: fc.constantFrom('per our policy', 'kindly', 'unfortunately', 'no worries'), prefer: fc.constantFrom('we can', 'please') }),
    { selector: (p) => p.avoid, maxLength: 3 },
  ),
  voice: fc.constantFrom('formal' as const, 'warm' as const),
});

/** Anything JSON can hold, including what no field accepts. */
const garbage = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant(null), fc.integer(), fc.string());
const FIELDS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
/** Values no field accepts (a list of numbers or a map of numbers cleans to the empty default). */
const wrongType = fc.oneof(
  fc.integer(),
  fc.constant(null),
  fc.string().filter((x) => !['low', 'normal', 'high', 'formal', 'warm'].includes(x)),
  fc.array(fc.integer(), { minLength: 1 }),
  fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.constant(null)), { minKeys: 1 }),
);

const assertWellTyped = (s: Settings) => {
  expect(typeof s.enabled).toBe('boolean');
  expect(Object.values(s.sites).every((on) => typeof on === 'boolean')).toBe(true);
  expect(s.disabledCategories.every((c) => CATEGORIES.includes(c))).toBe(true);
  expect(s.disabledRules.every((r) => typeof r === 'string')).toBe(true);
  expect(['low', 'normal', 'high']).toContain(s.sensitivity);
  expect(s.customPhrases.every((p) => typeof p.avoid === 'string' && p.avoid.trim() !== '')).toBe(true);
  expect(['formal', 'warm']).toContain(s.voice);
};

describe('cleanSettings', () => {
  it('turns anything stored into well-typed settings the engine analyses without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(garbage, fc.dictionary(fc.constantFrom(...FIELDS, '__proto__', 'other'), garbage)), (stored) => {
        const s = cleanSettings(stored);
        assertWellTyped(s);
        expect(analyze({ reply: DRAFT, customer: 'Where is my order?!', ...toAnalyzeOptions(s) }).findings).toBeDefined();
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every valid field when others are garbage, and sets only the garbage ones to their default', () => {
    fc.assert(
      fc.property(validSettings, fc.subarray(FIELDS, { minLength: 1 }), fc.array(wrongType, { minLength: FIELDS.length, maxLength: FIELDS.length }), (valid, broken, junk) => {
        const stored: Record<string, unknown> = { ...valid };
        broken.forEach((field, i) => (stored[field] = junk[i]));
        const s = cleanSettings(stored);
        for (const field of FIELDS) expect(s[field]).toEqual(broken.includes(field) ? DEFAULT_SETTINGS[field] : valid[field]);
      }),
      { numRuns: 150 },
    );
  });

  it('drops a stored site as broad as a top-level domain, a public suffix or an IP address, keeping the real ones', () => {
    const s = cleanSettings({
      sites: { '*.com': true, com: true, '.': true, '*.co.uk': true, '10.0.0.1': true, 'example..com': true, '*.acme.co.uk': true, 'help.example.com': false },
    });
    expect(s.sites).toEqual({ '*.acme.co.uk': true, 'help.example.com': false });
  });

  it('keeps the valid entries of a list or site map beside broken ones', () => {
    const s = cleanSettings({
      sites: { 'www.upwork.com': true, 'www.fiverr.com': 'yes', '<script>': true, 'Support.Zendesk.com': false },
      disabledCategories: ['sarcasm', 42, 'bogus', null, 'blame'],
      disabledRules: ['x.y', '', 7, { id: 'z' }, 'x.y'],
      customPhrases: [
        { avoid: 'per our policy', prefer: 42, note: 'Say what we can do.', category: 'policy_shield', severity: 'loud' },
        'kindly',
        { avoid: 5 },
        { avoid: '   ' },
        { avoid: 'Per  our policy' }, // the same phrase again
        { avoid: 'unfortunately', prefer: 'as it happens' },
      ],
    });
    expect(s.sites).toEqual({ 'www.upwork.com': true, 'support.zendesk.com': false });
    expect(s.disabledCategories).toEqual(['sarcasm', 'blame']);
    expect(s.disabledRules).toEqual(['x.y']);
    expect(s.customPhrases).toEqual([
      { avoid: 'per our policy', note: 'Say what we can do.', category: 'policy_shield' },
      { avoid: 'unfortunately', prefer: 'as it happens' },
    ]);
  });

  it('caps oversized lists (the engine reads them on every keystroke)', () => {
    const s = cleanSettings({
      customPhrases: Array.from({ length: 5_000 }, (_, i) => ({ avoid: `phrase number ${i}` })),
      disabledRules: Array.from({ length: 50_000 }, (_, i) => `rule.${i}`),
      sites: Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`site${i}.example.com`, true])),
    });
    expect(s.customPhrases).toHaveLength(SETTINGS_LIMITS.phrases);
    expect(s.customPhrases[0].avoid).toBe('phrase number 0');
    expect(s.disabledRules).toHaveLength(SETTINGS_LIMITS.disabledRules);
    expect(Object.keys(s.sites)).toHaveLength(SETTINGS_LIMITS.sites);
  });

  it('never lets a stored key reach the prototype', () => {
    const s = cleanSettings(JSON.parse('{"sites": {"__proto__": {"polluted": true}, "www.upwork.com": true}}'));
    expect(s.sites).toEqual({ 'www.upwork.com': true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the worker with damaged stored settings', () => {
  const b = fakeBrowser as any;
  const event = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn() });
  const GMAIL_TAB = { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/', origin: 'https://mail.google.com', frameId: 0, tab: { id: 7, windowId: 1 } };
  const update = { type: 'draft:update', draftId: 'd1', site: 'gmail', editorKind: 'contenteditable', channel: 'email', internalNote: false, reply: DRAFT, customer: 'Where is my order?!' };
  const send = async (message: unknown) => (await b.runtime.onMessage.trigger(message, GMAIL_TAB))[0];

  beforeEach(() => {
    fakeBrowser.reset();
    b.tabs.sendMessage = vi.fn(async () => undefined);
    b.contextMenus = { create: vi.fn(), onClicked: event() };
    b.commands = { onCommand: event() };
    b.permissions = { getAll: async () => ({ origins: [] }), onAdded: event(), onRemoved: event() };
    b.sidePanel = { open: vi.fn() };
    b.runtime.onConnect = event();
  });

  it('analyses as before when every field is garbage, and honours the one valid field among them', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { enabled: 'yes', sensitivity: 42, sites: null, disabledCategories: 42, disabledRules: { a: 1 }, customPhrases: 'x', voice: [] },
    });
    background.main();
    const state = await send(update);
    expect(state.result.findings.some((f: any) => f.category === 'dismissive')).toBe(true);

    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { sensitivity: { deep: [1, { x: null }] }, disabledCategories: ['dismissive', 9], customPhrases: [null, { avoid: 'only a delay', category: 'defensive' }] } });
    await vi.waitFor(async () => {
      const after = await send(update);
      expect(after.result.findings.some((f: any) => f.category === 'dismissive')).toBe(false);
      expect(after.result.findings.some((f: any) => f.ruleId.startsWith('custom/'))).toBe(true);
    });
  });
});
