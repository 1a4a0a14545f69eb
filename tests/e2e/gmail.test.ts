// Gmail-like page (Trusted Types enforced): contenteditable compose windows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, clickUnderline, EDITOR, launchTactful, panelState, rectsOverlap, textRects, typeDraft, underlines, waitForUnderline, type Tactful } from './harness.ts';

const DRAFT = "Hi Sam,\nYou didn't attach the invoice. Calm down, it's only a small delay.";
/** The "Calm down" rule's underline: the tone model may flag other words of this draft too. */
const CALM_DOWN = (u: { ruleId: string }) => u.ruleId === 'dismissive/calm-down';
const editorText = (page: Page, sel = EDITOR.gmail) => page.locator(sel).evaluate((el) => (el as HTMLElement).innerText);
/** The agent's own words: the editor text above the signature. */
const ownWords = async (page: Page) => (await editorText(page)).split('\n--')[0];

describe('Gmail-like compose', () => {
  let t: Tactful;
  let page: Page;
  beforeAll(async () => {
    t = await launchTactful();
    page = await t.openSite('gmail');
    await typeDraft(page, EDITOR.gmail, DRAFT);
  });
  afterAll(async () => t?.close());

  it('underlines the flagged words, not the signature or the quoted history', async () => {
    const [calm] = await waitForUnderline(page, CALM_DOWN);
    const [wordRect] = await textRects(page, EDITOR.gmail, 'Calm down');
    expect(rectsOverlap(calm.rect, wordRect)).toBe(true);
    const [blame] = await waitForUnderline(page, 'blame');
    expect(rectsOverlap(blame.rect, (await textRects(page, EDITOR.gmail, "You didn't attach"))[0])).toBe(true);
    // The signature ("As I already explained, per our policy…") and the quote ("Calm down? You calm down…") sit lower in the same editor.
    const sig = (await textRects(page, EDITOR.gmail, 'As I already explained'))[0];
    const quote = (await textRects(page, EDITOR.gmail, 'You calm down'))[0];
    for (const u of await underlines(page)) {
      expect(rectsOverlap(u.rect, sig, 0.1)).toBe(false);
      expect(rectsOverlap(u.rect, quote, 0.1)).toBe(false);
    }
    const state = await panelState(t);
    expect(state.reply).not.toContain('already explained');
    expect(state.reply).not.toContain('You calm down');
    // The thread from the customer, latest last; the agent's own message ("we are looking into it") is not the customer.
    expect(state.customer.endsWith('This is the worst service I have ever had.')).toBe(true);
    expect(state.customer).toContain("I'm disputing the charge");
    expect(state.customer).not.toContain('looking into it');
    expect(state.result.customer.escalate).toBe(true);
  });

  it('underlines follow the text when the page scrolls', async () => {
    await page.evaluate(() => { document.body.style.paddingBottom = '1500px'; });
    await page.evaluate(() => window.scrollBy(0, 250));
    expect(await page.evaluate(() => window.scrollY)).toBe(250);
    await expect.poll(async () => {
      const [calm] = (await underlines(page)).filter(CALM_DOWN);
      const [text] = await textRects(page, EDITOR.gmail, 'Calm down');
      return !!calm && rectsOverlap(calm.rect, text);
    }).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => {
      const [calm] = (await underlines(page)).filter(CALM_DOWN);
      return !!calm && rectsOverlap(calm.rect, (await textRects(page, EDITOR.gmail, 'Calm down'))[0]);
    }).toBe(true);
  });

  it('click → card → Apply replaces the words; one Ctrl+Z restores the original exactly', async () => {
    const before = await editorText(page);
    const [calm] = await waitForUnderline(page, CALM_DOWN);
    await clickUnderline(page, calm);
    const apply = card(page).getByRole('button', { name: /^Apply/ }).first();
    await expect.poll(() => apply.count()).toBe(1);
    await expect.poll(() => card(page).getByRole('button', { name: 'Ignore' }).count()).toBe(1);
    await apply.click();
    await expect.poll(() => editorText(page)).not.toBe(before);
    const after = await ownWords(page);
    expect(after).not.toContain('Calm down');
    expect(after).toContain("You didn't attach the invoice."); // the rest is untouched
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toBe(before);
  });

  it("the card's Side panel button opens the real side panel (user gesture → background → sidePanel.open)", async () => {
    const [calm] = await waitForUnderline(page, CALM_DOWN);
    await clickUnderline(page, calm);
    const cdp = await t.context.newCDPSession(page);
    const panels = async () => ((await cdp.send('Target.getTargets')).targetInfos as { url: string }[]).filter((x) => x.url.endsWith('/sidepanel.html')).length;
    expect(await panels()).toBe(0);
    await card(page).getByRole('button', { name: 'Side panel' }).click();
    await expect.poll(panels, { timeout: 10_000 }).toBe(1);
    await cdp.detach();
    await page.keyboard.press('Escape');
  });

  it('closes the card when the words under it change, writing nothing (a stale Apply is refused: see the next test)', async () => {
    const [calm] = await waitForUnderline(page, CALM_DOWN);
    await clickUnderline(page, calm);
    await expect.poll(() => card(page).count()).toBe(1);
    // The words change after the card opened (e.g. another edit, a sync).
    await page.locator(EDITOR.gmail).evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes('Calm down')) n.nodeValue = n.nodeValue.replace('Calm down', 'Calm dawn');
    });
    const before = await editorText(page);
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await editorText(page)).toBe(before);
  });

  it('applies a whole-draft TextEdit sent by an extension page (side panel accept-all) as one undo step', async () => {
    await page.locator(EDITOR.gmail).click();
    await expect.poll(async () => (await panelState(t))?.reply?.startsWith('Hi Sam')).toBe(true);
    const state = await panelState(t);
    const before = await ownWords(page);
    const replacement = "Hi Sam,\nI'm sorry the invoice didn't come through, and I understand the delay is frustrating.";
    const edit = { start: 0, end: state.reply.length, expected: state.reply, replacement };
    const ext = await t.openExtensionPage('popup.html');
    const send = (m: unknown) => ext.evaluate((msg) => (globalThis as any).chrome.runtime.sendMessage(msg), m);
    expect(await send({ type: 'draft:apply', tabId: state.tabId, draftId: state.draftId, edit })).toEqual({ ok: true });
    // The same edit again is stale now: refused with a reason, nothing touched.
    const stale = await send({ type: 'draft:apply', tabId: state.tabId, draftId: state.draftId, edit });
    expect(stale.ok).toBe(false);
    expect(stale.reason).toMatch(/changed/i);
    await ext.close();
    await page.bringToFront();
    expect((await ownWords(page)).replace(/\s+/g, ' ')).toBe(replacement.replace(/\s+/g, ' '));
    expect(await editorText(page)).toContain('As I already explained'); // signature untouched
    await page.keyboard.press('Control+z');
    await expect.poll(() => ownWords(page)).toBe(before);
  });

  it('picks up a compose window added later and leaves data-tactful="off" fields alone', async () => {
    await page.locator('#new-compose').click();
    const second = '#compose-2 [g_editable="true"]';
    await typeDraft(page, second, 'Calm down. As I already explained, this is not our fault.');
    await waitForUnderline(page, (u) => u.category === 'dismissive' && rectsOverlap(u.rect, { x: 0, y: 0, width: 0, height: 0 }) === false);
    const rect = (await textRects(page, second, 'Calm down'))[0];
    await expect.poll(async () => (await underlines(page)).some((u) => rectsOverlap(u.rect, rect))).toBe(true);

    const off = '#compose-off [g_editable="true"]';
    await typeDraft(page, off, 'Calm down, you obviously did not read it.');
    await page.waitForTimeout(1200);
    const offRect = (await textRects(page, off, 'Calm down'))[0];
    expect((await underlines(page)).some((u) => rectsOverlap(u.rect, offRect, 0.1))).toBe(false);
  });

  it("honors the team's phrases, and asks before inserting a placeholder the agent must fill", async () => {
    await t.setSettings({ customPhrases: [{ avoid: 'get back to you soon', prefer: 'get back to you by [time]', note: 'Give a concrete time.' }] });
    await page.locator('#new-compose').click();
    const third = '#compose-3 [g_editable="true"]';
    await typeDraft(page, third, 'Thanks for waiting, I will get back to you soon.');
    const phrase = (await textRects(page, third, 'get back to you soon'))[0];
    await expect.poll(async () => (await underlines(page)).some((u) => rectsOverlap(u.rect, phrase)), { timeout: 10_000 }).toBe(true);
    const u = (await underlines(page)).find((x) => rectsOverlap(x.rect, phrase))!;
    await clickUnderline(page, u);
    const apply = card(page).getByRole('button', { name: /^Apply.*\[time\]/ });
    await apply.click();
    await expect.poll(() => card(page).locator('.status').textContent()).toMatch(/placeholder.*\[time\]/);
    const text = () => page.locator(third).evaluate((el) => (el as HTMLElement).innerText);
    expect(await text()).toContain('get back to you soon');
    await apply.click();
    await expect.poll(text).toContain('get back to you by [time]');
    await t.setSettings({ customPhrases: [] });
  });

  it('honors an options change (category disabled) and makes no network request', async () => {
    await page.locator(EDITOR.gmail).click();
    await waitForUnderline(page, 'blame');
    await t.setSettings({ disabledCategories: ['blame'] });
    await expect.poll(async () => (await underlines(page)).filter((u) => u.category === 'blame').length, { timeout: 10_000 }).toBe(0);
    expect((await underlines(page)).some((u) => u.category === 'dismissive')).toBe(true);
    await t.setSettings({ disabledCategories: [] });
    await waitForUnderline(page, 'blame');
    expect(t.externalRequests).toEqual([]);
  });
});
