// The pages against the real extension: a draft typed into the Gmail-like
// page appears in the side panel, Apply from the panel edits the editor, the
// popup follows the draft, and an options change reaches the analysis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EDITOR, launchTactful, typeDraft, type Tactful } from './harness.ts';
import { analyze } from '../../analyzers/index.ts';
import { MANUAL_CHECKS } from '../../lib/ui-checklist.ts';

const ANGRY = 'Calm down. As I already explained, per our policy we cannot refund it. You should have read the terms.';
// Gmail fixture's thread from the customer (the agent's own message left out), latest last, as the content script reads it.
const CUSTOMER =
  "This is ridiculous. I ordered the blue kettle (order #48213) two weeks ago and it still hasn't arrived. Nobody answers my emails. I want a refund of $89 today or I'm disputing the charge.\n\n" +
  'Still nothing!!! Where is my kettle? This is the worst service I have ever had.';
const GOOD =
  "Hi Sam, I'm so sorry, I understand how frustrating this wait is. Just to confirm, your kettle still hasn't arrived and nobody has answered you. I've asked our warehouse to send a replacement today and I'll email you the tracking number by Friday.";

let t: Tactful;
beforeAll(async () => {
  t = await launchTactful();
});
afterAll(async () => t?.close());

const editorText = (page: Page) => page.locator(EDITOR.gmail).evaluate((el) => (el as HTMLElement).innerText);
const findingsIn = (panel: Page) => panel.locator('[data-category][data-rule-id]');

describe('side panel with a typed draft', () => {
  it('lists the findings of the draft and Apply from the panel changes the editor', async () => {
    const gmail = await t.openSite('gmail');
    await typeDraft(gmail, EDITOR.gmail, ANGRY);
    const panel = await t.openExtensionPage('sidepanel.html');
    await expect.poll(() => findingsIn(panel).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const categories = await findingsIn(panel).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.category));
    expect(categories).toEqual(expect.arrayContaining(['dismissive']));

    // Apply the first suggestion of a phrase finding (one with flagged text).
    const finding = panel.locator('.finding:has(q.flagged):has(button.apply)').first();
    const flagged = (await finding.locator('q.flagged').textContent())!;
    const apply = finding.locator('button.apply').first();
    // The button shows its label and the new words; its title, the sentence as it will read after Apply.
    expect((await apply.locator('.apply-label').textContent())!.length).toBeGreaterThan(2);
    const preview = ((await apply.getAttribute('title')) ?? '').replace(/^Reads: /, '').trim();
    expect(preview.length).toBeGreaterThan(3);
    // The fixture's signature repeats some flagged phrases: count, don't just search.
    const occurrences = async () => (await editorText(gmail)).split(flagged).length - 1;
    const before = await occurrences();
    expect(before).toBeGreaterThan(0);
    await apply.click();
    const confirm = panel.locator('[data-testid="placeholder-confirm"]');
    if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: 'Insert with placeholders' }).click();
    // A removal previews as 'remove “…”'; anything else previews the sentence the editor will hold.
    if (preview.startsWith('remove “')) await expect.poll(occurrences, { timeout: 10_000 }).toBe(before - 1);
    else await expect.poll(async () => (await editorText(gmail)).replace(/\s+/g, ' '), { timeout: 10_000 }).toContain(preview.replace(/…$/, ''));
    expect(await occurrences()).toBe(before - 1);
    // The panel follows the edited draft: that finding is gone.
    await expect.poll(async () => (await panel.locator('q.flagged').allTextContents()).includes(flagged), { timeout: 10_000 }).toBe(false);
    await panel.close();
    await gmail.close();
  });
});

describe('popup', () => {
  it('follows the draft and shows Ready to send for a good reply', async () => {
    const expected = analyze({ reply: GOOD, customer: CUSTOMER, channel: 'email' });
    expect(expected.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual([]);
    expect(expected.checklist.filter((c) => c.status === 'missing').map((c) => c.id)).toEqual([]);

    const angry = await t.openSite('gmail');
    await typeDraft(angry, EDITOR.gmail, ANGRY);
    const popup = await t.openExtensionPage('popup.html');
    const verdict = popup.locator('[data-testid="verdict"]');
    await expect.poll(() => verdict.getAttribute('data-ready'), { timeout: 15_000 }).toBe('false');
    await expect.poll(() => popup.locator('[data-testid="fix-list"] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    const good = await t.openSite('gmail');
    await typeDraft(good, EDITOR.gmail, GOOD);
    await expect.poll(() => verdict.textContent(), { timeout: 15_000 }).toContain('Nothing to fix');
    expect(await popup.locator('[data-testid="fix-list"]').count()).toBe(0);
    for (const check of MANUAL_CHECKS) await popup.getByLabel(check.label).check();
    await expect.poll(() => verdict.textContent()).toContain('Ready to send');
    await Promise.all([popup.close(), angry.close(), good.close()]);
  });
});

describe('options', () => {
  it('disabling a category removes its findings from the panel', async () => {
    const gmail = await t.openSite('gmail');
    await typeDraft(gmail, EDITOR.gmail, ANGRY);
    const panel = await t.openExtensionPage('sidepanel.html');
    const dismissive = panel.locator('[data-category="dismissive"]');
    await expect.poll(() => dismissive.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const otherBefore = await panel.locator('[data-rule-id]:not([data-category="dismissive"])').count();

    const options = await t.openExtensionPage('options.html');
    await options.getByLabel('Dismissive', { exact: true }).uncheck();
    await expect.poll(async () => ((await t.getSettings()) as { disabledCategories?: string[] })?.disabledCategories).toEqual(['dismissive']);
    // The next analysis of the draft honours it.
    await gmail.bringToFront();
    await gmail.keyboard.type(' ');
    await expect.poll(() => dismissive.count(), { timeout: 15_000 }).toBe(0);
    expect(await panel.locator('[data-rule-id]').count()).toBeGreaterThanOrEqual(Math.min(otherBefore, 1));
    await Promise.all([options.close(), panel.close(), gmail.close()]);
  });
});
