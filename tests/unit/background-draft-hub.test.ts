import { describe, expect, it } from 'vitest';
import { DraftHub } from '../../lib/background/draft-hub.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import type { DraftState } from '../../lib/messages.ts';

const REPLY = "Calm down, it's only a small delay. Per our policy we can't refund shipped orders.";
const update = (draftId: string, reply = REPLY, extra: Partial<{ internalNote: boolean }> = {}) => ({
  type: 'draft:update' as const, draftId, site: 'gmail', editorKind: 'contenteditable' as const, channel: 'email' as const,
  internalNote: false, reply, customer: 'This is ridiculous, where is my order?', ...extra,
});

function hub() {
  const broadcasts: (DraftState | null)[] = [];
  const pushes: { tabId: number; draftId: string; state: DraftState }[] = [];
  const h = new DraftHub({ broadcast: (s) => broadcasts.push(s), pushToTab: (tabId, draftId, state) => pushes.push({ tabId, draftId, state }) });
  return { h, broadcasts, pushes };
}

describe('DraftHub (background state)', () => {
  it('analyzes a draft and broadcasts it to the panel', () => {
    const { h, broadcasts } = hub();
    const state = h.update(1, update('d1'));
    expect(state.result.findings.some((f) => f.category === 'dismissive')).toBe(true);
    expect(broadcasts.at(-1)).toBe(state);
    expect(h.current()?.draftId).toBe('d1');
    expect(h.update(1, update('d1')).version).toBe(state.version + 1);
  });

  it('follows the draft focused most recently, across tabs', () => {
    const { h } = hub();
    h.update(1, update('d1'));
    h.update(2, update('d9', 'Thanks for your patience.'));
    expect(h.current()?.tabId).toBe(1);
    h.focus(2, 'd9');
    expect(h.current()?.tabId).toBe(2);
    h.tabClosed(2);
    expect(h.current()?.tabId).toBe(1);
  });

  it('filters an ignored finding for every later analysis of the same words', () => {
    const { h, pushes } = hub();
    const state = h.update(1, update('d1'));
    const calm = state.result.findings.find((f) => f.category === 'dismissive')!;
    const after = h.ignore(1, 'd1', calm.ruleId, calm.start, calm.end)!;
    expect(after.result.findings.some((f) => f.ruleId === calm.ruleId)).toBe(false);
    expect(pushes.at(-1)?.state).toBe(after);
    // Typing before it shifts offsets; the ignore still holds.
    const shifted = h.update(1, update('d1', `Hello. ${REPLY}`));
    expect(shifted.result.findings.some((f) => f.ruleId === calm.ruleId)).toBe(false);
    expect(shifted.result.findings.some((f) => f.category === 'policy_shield')).toBe(true);
  });

  it('re-applies settings to open drafts and pushes the new result to their tab', () => {
    const { h, pushes } = hub();
    h.update(1, update('d1'));
    h.setSettings({ ...DEFAULT_SETTINGS, disabledCategories: ['dismissive'] });
    const pushed = pushes.at(-1)!.state;
    expect(pushed.result.findings.some((f) => f.category === 'dismissive')).toBe(false);
    expect(pushed.result.findings.some((f) => f.category === 'policy_shield')).toBe(true);
  });

  it('does not treat an internal note as a reply to the customer', () => {
    const { h } = hub();
    const state = h.update(1, update('d1', REPLY, { internalNote: true }));
    expect(state.internalNote).toBe(true);
    expect(state.result.findings).toEqual([]);
  });
});
