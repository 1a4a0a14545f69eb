// "Show in the draft": a click on a finding's words in the side panel scrolls
// the page's editor to them, highlights them and puts the caret there, without
// changing the text. A long draft in a scrolling compose box, as in Gmail.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EDITOR, highlights, panelState, launchTactful, rectsOverlap, textRects, typeDraft, waitForUnderline, type Rect, type Tactful } from './harness.ts';

const FLAGGED = 'Calm down';
const FILLER = 'I have looked at the order history and the courier notes for this parcel today.';

let t: Tactful;
let page: Page;
beforeAll(async () => {
  t = await launchTactful();
  page = await t.openSite('gmail');
  // A compose box that scrolls its own text, like Gmail's once a reply is long.
  await page.addStyleTag({ content: `${EDITOR.gmail} { max-height: 180px; overflow-y: auto; }` });
  await typeDraft(page, EDITOR.gmail, `Hi Sam,\n${FLAGGED}, it's only a small delay.\n`);
  await waitForUnderline(page, 'dismissive/calm-down', 15_000);
  for (let i = 0; i < 30; i++) {
    await page.keyboard.insertText(`${FILLER} (${i + 1})`);
    await page.keyboard.press('Enter');
  }
  for (let waited = 0; !(await panelState(t))?.reply.includes('(30)'); waited += 200) {
    if (waited > 15_000) throw new Error('the long draft never reached the worker');
    await page.waitForTimeout(200);
  }
}, 120_000);
afterAll(async () => t?.close());

/** Where the editor shows its text: its client box cut by the viewport. */
const editorView = (p: Page) =>
  p.locator(EDITOR.gmail).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = Math.max(r.top + el.clientTop, 0);
    const bottom = Math.min(r.top + el.clientTop + el.clientHeight, innerHeight);
    return { x: r.left, y: top, width: r.width, height: bottom - top };
  });
const inside = (r: Rect, box: Rect) => r.y >= box.y - 1 && r.y + r.height <= box.y + box.height + 1 && r.height > 0;

it('scrolls the editor to the words clicked in the side panel and highlights them, text unchanged', async () => {
  // The flagged words are scrolled out of the compose box.
  await page.locator(EDITOR.gmail).evaluate((el) => (el.scrollTop = el.scrollHeight));
  const [before] = await textRects(page, EDITOR.gmail, FLAGGED);
  expect(inside(before, await editorView(page))).toBe(false);
  const textBefore = await page.locator(EDITOR.gmail).innerText();

  const panel = await t.openExtensionPage('sidepanel.html');
  const words = panel.locator('[data-rule-id="dismissive/calm-down"] button.reveal');
  await expect.poll(() => words.count(), { timeout: 15_000 }).toBe(1);
  expect(await words.getAttribute('title')).toMatch(/Show these words in the draft/);
  await words.click();

  await page.bringToFront();
  // Highlighted where the words now are, and they are in view.
  // The click travels panel → worker → page: wait for the highlight, not for a fixed time.
  await expect.poll(async () => (await highlights(page)).length, { timeout: 5_000, interval: 50 }).toBeGreaterThan(0);
  const shown = await highlights(page);
  const [after] = await textRects(page, EDITOR.gmail, FLAGGED);
  expect(inside(after, await editorView(page))).toBe(true);
  expect(shown.some((h) => rectsOverlap(h, after))).toBe(true);
  // Caret in the editor at the words, nothing typed or selected over.
  const focus = await page.evaluate((sel) => {
    const s = getSelection()!;
    return { inEditor: document.activeElement === document.querySelector(sel), collapsed: s.isCollapsed, at: s.anchorNode?.textContent?.slice(s.anchorOffset, s.anchorOffset + 9) };
  }, EDITOR.gmail);
  expect(focus).toEqual({ inEditor: true, collapsed: true, at: FLAGGED });
  expect(await page.locator(EDITOR.gmail).innerText()).toBe(textBefore);
  // The highlight is brief.
  await expect.poll(() => highlights(page), { timeout: 6_000 }).toEqual([]);
  await panel.close();
}, 60_000);

it('says so in the panel when the words are no longer in the draft', async () => {
  const panel = await t.openExtensionPage('sidepanel.html');
  const words = panel.locator('[data-rule-id="dismissive/calm-down"] button.reveal');
  await expect.poll(() => words.count(), { timeout: 15_000 }).toBe(1);
  // The draft changes under the panel before it hears about it: the page cannot find the words.
  await page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes('Calm down')) n.nodeValue = n.nodeValue.replace('Calm down', 'Xxxx yyyy');
  }, EDITOR.gmail);
  await words.click();
  await expect.poll(() => panel.locator('[data-testid="notice"]').textContent()).toMatch(/Could not find these words/);
  await panel.close();
}, 60_000);
