// A long draft dense with flags (26,000 characters, 200 findings) pasted into the Gmail-like
// editor: underlines come back without waiting for suggestions (the state carries none), and
// a card asks the worker for the suggestions of the words under it, shows them, and applies
// one exactly where the engine says, also after the draft changed elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, clickUnderline, EDITOR, launchTactful, panelState, waitForUnderline, type Tactful } from './harness.ts';
import { findingsWithSuggestions } from './worker-suggestions.ts';
import { suggestionEdit } from '../../lib/ui-suggestion.ts';
import type { DraftState } from '../../lib/messages.ts';

const CALM = 'dismissive/calm-down';
const paragraph = (i: number) => `Order ${1000 + i} is on its way. Calm down, it's only a small delay. Per our policy we cannot refund shipped orders.`;
let DRAFT = 'Hi Sam,\n\n';
let last = 0;
for (; DRAFT.length < 26_000; last++) DRAFT += paragraph(last) + (last % 4 === 3 ? '\n\n' : ' ');


describe('a 26,000-character draft dense with flags', () => {
  let t: Tactful;
  let page: Page;
  beforeAll(async () => {
    t = await launchTactful();
    page = await t.openSite('gmail');
    await page.locator(EDITOR.gmail).click();
    await page.keyboard.press('Control+Home');
    // Pasted in one go, as a long draft usually arrives.
    await page.evaluate((text) => document.execCommand('insertText', false, text), DRAFT);
  }, 60_000);
  afterAll(async () => t?.close());

  /** The worker's latest analysis once it satisfies `done` (the draft as the content script reads it: no signature). */
  const settled = async (done: (s: DraftState) => boolean): Promise<DraftState> => {
    let state: DraftState | null = null;
    await expect.poll(async () => !!(state = await panelState(t)) && done(state), { timeout: 90_000, interval: 500 }).toBe(true);
    return state!;
  };
  /** The whole paste has been read (a fix may have changed a sentence near the start since). */
  const whole = (s: DraftState) => s.reply.includes(paragraph(last - 1)) && s.reply.length >= DRAFT.length - 100;

  it('is underlined, and the analysis it gets carries no suggestions', async () => {
    // Only the words in view are drawn.
    expect((await waitForUnderline(page, CALM, 90_000)).length).toBeGreaterThan(0);
    const state = await settled(whole);
    expect(state.result.findings.length).toBeGreaterThan(100);
    expect(state.result.findings.every((f) => f.suggestions === undefined)).toBe(true);
  });

  it('opens a card with the suggestions the worker proves for those words, and Apply writes the first one', async () => {
    const state = await settled(whole);
    const [first] = await waitForUnderline(page, CALM);
    await clickUnderline(page, first);
    const section = card(page).locator(`section.finding[data-rule-id="${CALM}"]`).first();
    await expect.poll(() => section.count(), { timeout: 30_000 }).toBe(1);
    const start = Number(await section.getAttribute('data-start'));
    const popup = await t.openExtensionPage('popup.html');
    const finding = (await findingsWithSuggestions(popup, state)).find((f) => f.ruleId === CALM && f.start === start)!;
    await popup.close();
    expect(finding.suggestions.length).toBeGreaterThan(0);
    const buttons = section.locator('button.apply');
    expect(await buttons.count()).toBe(finding.suggestions.length);
    expect(await buttons.first().innerText()).toContain(finding.suggestions[0].label);

    const edit = suggestionEdit(state.reply, finding, finding.suggestions[0]);
    const expected = state.reply.slice(0, edit.start) + edit.replacement + state.reply.slice(edit.end);
    await buttons.first().click();
    // The extension re-reads the editor: it holds exactly the engine's text.
    await settled((s) => s.reply === expected && s.version > state.version);
  });

  it('after more typing, a card further down still shows its own suggestions', async () => {
    const [first] = await waitForUnderline(page, CALM);
    await clickUnderline(page, first);
    await page.keyboard.press('End');
    await page.keyboard.type(' Thanks.');
    const state = await settled((s) => s.reply.includes(' Thanks.') && whole(s));
    const calm = state.result.findings.filter((f) => f.ruleId === CALM);
    const target = calm[Math.floor(calm.length / 2)];
    // Bring those words into view, then open their card.
    await page.evaluate(([sel, s, e]) => {
      const el = document.querySelector<HTMLElement>(sel as string);
      const walker = document.createTreeWalker(el!, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent!.length;
        if (seen + len > (s as number) && (e as number) > (s as number)) {
          (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          return;
        }
        seen += len;
      }
    }, [EDITOR.gmail, target.start, target.end]);
    await expect
      .poll(async () => {
        const all = await waitForUnderline(page, CALM);
        const visible = all.filter((u) => u.rect.y > 0 && u.rect.y < 700);
        if (!visible.length) return 0;
        await clickUnderline(page, visible[0]);
        return card(page).locator('section.finding button.apply').count();
      }, { timeout: 30_000, interval: 1_000 })
      .toBeGreaterThan(0);
  });
});
