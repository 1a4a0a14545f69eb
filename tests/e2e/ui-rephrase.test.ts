// Rephrase selection from the keyboard: select a sentence, Alt+Shift+R, the card
// offers the styles that passed the gate, applying one replaces exactly the
// selection in one undo step. Gmail-like contenteditable and a React textarea.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, launchTactful, rephraseCard, selectText, typeDraft, type Tactful } from './harness.ts';

const SENTENCE = 'I just wanted to let you know that I really think the refund of $49 will basically be processed by Friday.';
// "I think" stays: in front of "will" it is the writer's maybe, and deleting it would make a promise.
const SHORTER = 'I think the refund of $49 will be processed by Friday.';
const DRAFT = `Hi Sam,\n${SENTENCE}\nBest, Jo`;

let t: Tactful;
beforeAll(async () => {
  t = await launchTactful();
  await t.setSettings({ sites: { 'www.fiverr.com': true } });
});
afterAll(async () => t?.close());

const editorText = (page: import('playwright-core').Page, site: 'gmail' | 'fiverr') =>
  page.locator(EDITOR[site]).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));

describe.each(['gmail', 'fiverr'] as const)('%s', (site) => {
  it('rephrases the selected sentence shorter from the keyboard, and one undo restores it', async () => {
    const page = await t.openSite(site);
    await typeDraft(page, EDITOR[site], DRAFT);
    const before = await editorText(page, site);
    await selectText(page, EDITOR[site], SENTENCE);
    await page.keyboard.press('Alt+Shift+R');

    const card = rephraseCard(page);
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    // Only styles that passed the gate, each showing its new words; keyboard focus is in the card.
    const shorter = card.locator('button[data-style="shorter"]');
    expect(await shorter.innerText()).toContain(`Shorter → “${SHORTER}”`);
    expect(await card.locator('button.apply').count()).toBeGreaterThan(0);
    for (const text of await card.locator('button.apply').allInnerTexts()) expect(text).toContain('$49');
    await shorter.focus();
    await page.keyboard.press('Enter');

    await expect.poll(() => editorText(page, site), { timeout: 5_000 }).toContain(SHORTER);
    const after = await editorText(page, site);
    expect(after).toBe(before.replace(SENTENCE, SHORTER));
    expect(await card.count()).toBe(0);

    await page.locator(EDITOR[site]).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page, site)).toBe(before);
    await page.close();
  }, 60_000);
});

it('says plainly when nothing can be offered for the selection', async () => {
  const page = await t.openSite('gmail');
  await typeDraft(page, EDITOR.gmail, 'Hi Sam,\nYour order #5521 shipped on March 3.\nJo');
  await selectText(page, EDITOR.gmail, 'Your order #5521 shipped on March 3.');
  await page.keyboard.press('Alt+Shift+R');
  const card = rephraseCard(page);
  await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
  expect(await card.locator('button.apply').count()).toBe(0);
  expect(await card.innerText()).toMatch(/none is offered/);
  await page.close();
}, 60_000);

it('an answer that arrives after the user typed on opens nothing and leaves focus in the editor', async () => {
  const page = await t.openSite('gmail');
  await typeDraft(page, EDITOR.gmail, DRAFT);
  await selectText(page, EDITOR.gmail, SENTENCE);
  // The worker is busy (as with a long draft in another tab), so the answer comes late.
  await t.serviceWorker.evaluate(() => {
    setTimeout(() => {
      const until = Date.now() + 2_000;
      while (Date.now() < until);
    }, 0);
  });
  await page.keyboard.press('Alt+Shift+R');
  // The user keeps typing at the end of the draft.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Thanks');
  // The worker is free again and has answered everything it was sent before this round trip to the tab.
  const delivered = await t.serviceWorker.evaluate(async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
    const chrome = (globalThis as any).chrome;
    const tabs: { id: number }[] = await chrome.tabs.query({});
    return Promise.all(tabs.map((tab) => chrome.tabs.sendMessage(tab.id, { type: 'page:status' }).catch(() => null)));
  });
  expect(delivered).toContainEqual(expect.objectContaining({ enabled: true }));
  expect(await rephraseCard(page).count()).toBe(0);
  expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), EDITOR.gmail)).toBe(true);
  // Space and Enter go on into the draft; nothing was applied.
  await page.keyboard.press('Space');
  await page.keyboard.type('again');
  await expect.poll(() => editorText(page, 'gmail')).toMatch(/Thanks again\s*$/);
  expect(await editorText(page, 'gmail')).toContain(SENTENCE);
  await page.close();
}, 60_000);
