// Drafts reach pages without suggestions; a card or the side panel asks the worker for the
// suggestions of the findings it shows. What a user would notice: the answer is exactly
// what the engine suggests for that text, never suggestions for text the draft no longer
// holds, and a page may only ask about what it may see.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';
import { DraftHub } from '../../lib/background/draft-hub.ts';
import { checkedMessage, senderRole, type SenderRole } from '../../lib/background/message-guard.ts';
import { MAX_SUGGESTION_REFS, type DraftState, type FindingRef } from '../../lib/messages.ts';
import { toAnalyzeOptions, DEFAULT_SETTINGS } from '../../lib/settings.ts';

const CUSTOMER = 'This is ridiculous, where is my order?';
const REPLY = "Calm down, it's only a small delay. Per our policy we can't refund shipped orders. You should have read the terms.";
const update = (reply = REPLY, customer = CUSTOMER) => ({
  type: 'draft:update' as const, draftId: 'p1-d1', site: 'gmail', editorKind: 'contenteditable' as const, channel: 'email' as const, internalNote: false, reply, customer,
});
const refsOf = (state: DraftState): FindingRef[] => state.result.findings.map(({ ruleId, start, end }) => ({ ruleId, start, end }));

function hub() {
  const pushed: DraftState[] = [];
  return { h: new DraftHub({ broadcast: () => {}, pushToTab: (_t, _d, s) => pushed.push(s) }), pushed };
}

describe('draft states carry findings without suggestions', () => {
  it('sends every finding with its span and message, none with suggestions yet to prove', () => {
    const { h } = hub();
    const state = h.update(7, update());
    const engine = analyze({ reply: REPLY, customer: CUSTOMER, channel: 'email' }, toAnalyzeOptions(DEFAULT_SETTINGS));
    expect(state.result.findings.map((f) => [f.ruleId, f.start, f.end, f.message])).toEqual(engine.findings.map((f) => [f.ruleId, f.start, f.end, f.message]));
    expect(state.result.findings.every((f) => f.suggestions === undefined)).toBe(true);
    // What a message or storage.session would carry: no suggestion in it.
    expect(JSON.stringify(state)).not.toContain('"suggestions"');
  });

  it('keeps a team phrase\'s own wording with it (nothing to prove)', () => {
    const { h } = hub();
    h.setSettings({ ...DEFAULT_SETTINGS, customPhrases: [{ avoid: 'small delay', prefer: 'short wait' }] });
    const state = h.update(7, update());
    const team = state.result.findings.find((f) => f.ruleId.startsWith('custom/'));
    expect(team?.suggestions?.[0]?.replacement).toBe('short wait');
  });
});

describe('DraftHub.suggestions', () => {
  it('answers with exactly the suggestions the engine gives for that text, in the order asked', () => {
    const { h } = hub();
    const state = h.update(7, update());
    const engine = analyze({ reply: REPLY, customer: CUSTOMER, channel: 'email' }, toAnalyzeOptions(DEFAULT_SETTINGS));
    const refs = refsOf(state).reverse();
    const answer = h.suggestions(7, 'p1-d1', state.version, refs);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const expected = refs.map((r) => engine.findings.find((f) => f.ruleId === r.ruleId && f.start === r.start && f.end === r.end)!.suggestions);
    expect(answer.suggestions).toEqual(expected);
    expect(answer.suggestions.some((s) => s && s.length > 0)).toBe(true);
  });

  it('refuses as stale once the draft changed, and answers the new version', () => {
    const { h } = hub();
    const old = h.update(7, update());
    const changed = h.update(7, update(REPLY.replace('small', 'tiny')));
    const late = h.suggestions(7, 'p1-d1', old.version, refsOf(old));
    expect(late).toEqual({ ok: false, stale: true, reason: expect.stringMatching(/changed/) });
    const fresh = h.suggestions(7, 'p1-d1', changed.version, refsOf(changed));
    expect(fresh.ok).toBe(true);
  });

  it('still answers an older version when the text is the same (a page re-sent it, a finding was ignored)', () => {
    const { h } = hub();
    const first = h.update(7, update());
    h.update(7, update());
    const calm = first.result.findings.find((f) => f.category === 'dismissive')!;
    h.ignore(7, 'p1-d1', calm.ruleId, calm.start, calm.end);
    const answer = h.suggestions(7, 'p1-d1', first.version, refsOf(first));
    expect(answer.ok).toBe(true);
  });

  it('refuses as stale after a settings change re-analyzed the same text (suggestions may differ)', () => {
    const { h } = hub();
    const before = h.update(7, update());
    h.setSettings({ ...DEFAULT_SETTINGS, sensitivity: 'high' });
    expect(h.suggestions(7, 'p1-d1', before.version, refsOf(before)).ok).toBe(false);
  });

  it('answers null for a finding the analysis does not have, and refuses an unknown draft or a future version', () => {
    const { h } = hub();
    const state = h.update(7, update());
    const answer = h.suggestions(7, 'p1-d1', state.version, [{ ruleId: 'blame/not-there', start: 0, end: 4 }]);
    expect(answer).toEqual({ ok: true, version: state.version, suggestions: [null] });
    expect(h.suggestions(8, 'p1-d1', state.version, refsOf(state)).ok).toBe(false);
    expect(h.suggestions(7, 'p1-d1', state.version + 5, refsOf(state)).ok).toBe(false);
  });
});

describe('draft:suggestions message validation', () => {
  const EXT = 'chrome-extension://ext-id';
  const content = senderRole({ id: 'ext-id', url: 'https://mail.google.com/mail/u/0/', origin: 'https://mail.google.com', frameId: 0, tab: { id: 7, windowId: 1 } }, 'ext-id', EXT)!;
  const panel = senderRole({ id: 'ext-id', url: `${EXT}/sidepanel.html`, origin: EXT }, 'ext-id', EXT)!;
  const ref = { ruleId: 'dismissive/calm-down', start: 0, end: 9 };
  const ask = (m: Record<string, unknown>, role: SenderRole | undefined) => checkedMessage({ type: 'draft:suggestions', draftId: 'p1-d1', version: 3, findings: [ref], ...m }, role);

  it('lets a content script ask about its own tab only, and an extension page name the tab', () => {
    expect(ask({}, content)).toBeDefined();
    expect(ask({ tabId: 9 }, content)).toBeUndefined();
    expect(ask({ tabId: 9 }, panel)).toBeDefined();
    expect(ask({}, panel)).toBeUndefined();
  });

  it('refuses a sub-frame, another extension or no sender', () => {
    const frame = senderRole({ id: 'ext-id', url: 'https://mail.google.com/x', origin: 'https://mail.google.com', frameId: 3, tab: { id: 7 } }, 'ext-id', EXT);
    const other = senderRole({ id: 'other', url: `${EXT}/sidepanel.html`, origin: EXT }, 'ext-id', EXT);
    expect(ask({}, frame)).toBeUndefined();
    expect(ask({ tabId: 7 }, other)).toBeUndefined();
    expect(ask({}, undefined)).toBeUndefined();
  });

  it('refuses a wrong shape: bad version, draft id, spans, rule ids, or too many findings', () => {
    expect(ask({ version: -1 }, content)).toBeUndefined();
    expect(ask({ version: 1.5 }, content)).toBeUndefined();
    expect(ask({ version: '3' }, content)).toBeUndefined();
    expect(ask({ draftId: '<img src=x>' }, content)).toBeUndefined();
    expect(ask({ findings: [] }, content)).toBeUndefined();
    expect(ask({ findings: 'all' }, content)).toBeUndefined();
    expect(ask({ findings: [{ ...ref, start: 10, end: 2 }] }, content)).toBeUndefined();
    expect(ask({ findings: [{ ...ref, end: 10_000_000 }] }, content)).toBeUndefined();
    expect(ask({ findings: [{ ...ref, ruleId: 'x'.repeat(5000) }] }, content)).toBeUndefined();
    expect(ask({ findings: [{ ruleId: 'a', start: 0 }] }, content)).toBeUndefined();
    expect(ask({ findings: Array.from({ length: MAX_SUGGESTION_REFS }, () => ref) }, content)).toBeDefined();
    expect(ask({ findings: Array.from({ length: MAX_SUGGESTION_REFS + 1 }, () => ref) }, content)).toBeUndefined();
  });
});
