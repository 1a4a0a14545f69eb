// The in-page card as an agent reads it: plain words, advice without internal
// references, buttons that show the new words, and "Ignore here" / "Turn off
// this rule" wired to the real ignore and settings paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findingsWithSuggestions } from './worker-suggestions.ts';
import { badge as badgeIn, card, clickUnderline, EDITOR, launchTactful, panelState, typeDraft, underlines, waitForUnderline, type Tactful } from './harness.ts';

const DRAFT = "Hi Sam,\nYou didn't attach the invoice. Calm down, it's only a small delay.";
// A phrase rule (the tone model may also flag the whole sentence; the card then lists both).
const CALM = 'dismissive/calm-down';

describe('card', () => {
  let t: Tactful;
  let page: Page;
  beforeAll(async () => {
    t = await launchTactful();
    page = await t.openSite('gmail');
    await typeDraft(page, EDITOR.gmail, DRAFT);
  });
  afterAll(async () => t?.close());

  it('speaks plain language: a title with the flagged words, one sentence of advice, no playbook codes', async () => {
    const [calm] = await waitForUnderline(page, (u) => u.ruleId === CALM);
    await clickUnderline(page, calm);
    const c = card(page);
    await expect.poll(() => c.count()).toBe(1);
    const section = c.locator(`section.finding[data-rule-id="${CALM}"]`);
    expect(await section.locator('.title').textContent()).toBe('Brushes the problem off: “Calm down”');
    const why = (await section.locator('.why').textContent())!;
    expect(why).toMatch(/^Why: [A-Z][^.]*\.$/);
    const text = (await c.innerText())!;
    expect(text).not.toMatch(/Playbook|\(\d{3}[ ,§)]|§/);
    expect(text).not.toContain(calm.ruleId);
    await page.keyboard.press('Escape');
  });

  it('shows each suggestion as its label plus the whole new words', async () => {
    const [calm] = await waitForUnderline(page, (u) => u.ruleId === CALM);
    await clickUnderline(page, calm);
    const state = await panelState(t);
    // The state carries no suggestions: the card asked the worker for them, and shows what it answers.
    expect(state.result.findings.every((f: { suggestions?: unknown }) => f.suggestions === undefined)).toBe(true);
    const popup = await t.openExtensionPage('popup.html');
    const finding = (await findingsWithSuggestions(popup, state)).find((f) => f.ruleId === calm.ruleId)!;
    await popup.close();
    expect(finding.suggestions.length).toBeGreaterThan(0);
    const buttons = card(page).locator(`section.finding[data-rule-id="${calm.ruleId}"] button.apply`);
    expect(await buttons.count()).toBe(finding.suggestions.length);
    for (let i = 0; i < finding.suggestions.length; i++) {
      const s = finding.suggestions[i];
      const shown = (await buttons.nth(i).innerText()).replace(/\s+/g, ' ').replace(/^Apply: /, '');
      expect(shown.startsWith(s.label)).toBe(true);
      // Not cut at a fixed length: the new words are there to the end (or the removal is named).
      if (s.replacement.trim()) expect(shown).toMatch(new RegExp(`${s.replacement.trim().slice(-12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”$`));
      else expect(shown).toMatch(/removes/);
    }
    // Screen readers hear what the button does first.
    expect(await card(page).getByRole('button', { name: /^Apply: / }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });

  it('shows a badge in the editor corner with the count of things to fix, which opens the side panel', async () => {
    const badge = async () => {
      const b = await badgeIn(page);
      return b && { text: b.text, label: b.label, x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height };
    };
    await expect.poll(async () => (await badge())?.text, { timeout: 10_000 }).toBeTruthy();
    const state = await panelState(t);
    const blocking = state.result.findings.filter((f: { severity: string }) => f.severity !== 'info').length;
    const b = (await badge())!;
    expect(b.text).toBe(String(blocking));
    expect(b.label).toMatch(new RegExp(`^Tactful: ${blocking} things to fix`));
    // Inside the editor's box, in its bottom-right corner.
    const editor = (await page.locator(EDITOR.gmail).boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(editor.x + editor.width / 2);
    expect(b.right).toBeLessThanOrEqual(editor.x + editor.width + 1);
    expect(b.bottom).toBeLessThanOrEqual(editor.y + editor.height + 1);
    const cdp = await t.context.newCDPSession(page);
    const panels = async () => ((await cdp.send('Target.getTargets')).targetInfos as { url: string }[]).filter((x) => x.url.endsWith('/sidepanel.html')).length;
    const before = await panels();
    await page.mouse.click(b.x + 8, b.y + 8);
    await expect.poll(panels, { timeout: 10_000 }).toBeGreaterThan(before);
    await cdp.detach();
  });

  it('"Ignore here" hides that one flag; "Turn off this rule" saves the rule as off and its underlines go', async () => {
    const [blame] = await waitForUnderline(page, (u) => u.ruleId.startsWith('blame/'));
    await clickUnderline(page, blame);
    await card(page).locator(`section.finding[data-rule-id="${blame.ruleId}"]`).getByRole('button', { name: 'Ignore here' }).click();
    await expect.poll(async () => (await underlines(page)).some((u) => u.ruleId === blame.ruleId)).toBe(false);
    expect(((await t.getSettings()) as { disabledRules?: string[] } | undefined)?.disabledRules ?? []).not.toContain(blame.ruleId);

    const [calm] = await waitForUnderline(page, (u) => u.ruleId === CALM);
    await clickUnderline(page, calm);
    await card(page).locator(`section.finding[data-rule-id="${calm.ruleId}"]`).getByRole('button', { name: 'Turn off this rule' }).click();
    await expect.poll(async () => ((await t.getSettings()) as { disabledRules?: string[] }).disabledRules).toEqual([CALM]);
    await expect.poll(async () => (await underlines(page)).some((u) => u.ruleId === calm.ruleId)).toBe(false);
    // The re-analysis honours the setting: the rule stays off after the next edit.
    await page.keyboard.type(' ');
    await expect.poll(async () => (await panelState(t)).result.findings.some((f: { ruleId: string }) => f.ruleId === calm.ruleId), { timeout: 10_000 }).toBe(false);
    await t.setSettings({ disabledRules: [] });
  });
});
