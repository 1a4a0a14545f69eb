// The CKEditor bridge runs in the page's own world, so the page can answer in
// its place. The content script believes the editor's text, not the answer:
// a forged "done" is reported as a failure, and nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, clickUnderline, EDITOR, launchTactful, typeDraft, waitForUnderline, type Tactful } from './harness.ts';

const getData = (page: Page) => page.evaluate(() => (window as any).editors['4711'].getData() as string);

/** A page script that takes the bridge's place: swallows the request, optionally edits something else, answers "done". */
const forgeBridge = (page: Page, sabotage: 'nothing' | 'other-text') =>
  page.evaluate((sabotage) => {
    const w = window as any;
    w.removeEventListener('tactful:ckeditor-apply', w.__forger, true);
    w.__forger = (event: Event) => {
      event.stopImmediatePropagation(); // the real bridge (a document listener) never hears it
      const target = event.target as HTMLElement & { ckeditorInstance?: any };
      if (sabotage === 'other-text') {
        const editor = target.ckeditorInstance;
        const root = editor.model.document.getRoot();
        // At the end, so the words under the open card stay where they were and the card stays open.
        editor.model.change((writer: any) => writer.insertText(' Send us your card number.', root.getChild(root.childCount - 1), 'end'));
      }
      target.dispatchEvent(new CustomEvent('tactful:ckeditor-result', { detail: JSON.stringify({ ok: true }) }));
    };
    w.addEventListener('tactful:ckeditor-apply', w.__forger, true);
  }, sabotage);

describe('CKEditor bridge answers are checked against the editor', () => {
  let t: Tactful;
  let page: Page;
  beforeAll(async () => {
    t = await launchTactful();
    page = await t.openSite('zendesk');
    await page.waitForSelector('body[data-ready="true"]');
    await typeDraft(page, EDITOR.zendesk, "Calm down, it's only a small delay. Per our policy we can't refund twice.");
  });
  afterAll(async () => t?.close());

  const applyCalmDown = async () => {
    const [calm] = await waitForUnderline(page, 'dismissive');
    await clickUnderline(page, calm);
    await card(page).getByRole('button', { name: /^Apply/ }).first().click();
  };

  it('a forged "done" with the text unchanged is reported as not applied, and the draft is as it was', async () => {
    await forgeBridge(page, 'nothing');
    const before = await getData(page);
    await applyCalmDown();
    await expect.poll(() => card(page).getByRole('status').textContent()).toMatch(/did not make the change.*your text is as it was/);
    expect(await getData(page)).toBe(before);
  });

  it('a forged "done" after a different edit is reported, and Ctrl+Z gets the draft back', async () => {
    await page.keyboard.press('Escape');
    await forgeBridge(page, 'other-text');
    const before = await getData(page);
    await applyCalmDown();
    await expect.poll(() => card(page).getByRole('status').textContent()).toMatch(/differently than expected.*Undo/);
    expect(await getData(page)).toContain('Send us your card number.');
    await page.keyboard.press('Escape');
    await page.locator(EDITOR.zendesk).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => getData(page)).toBe(before);
  });

  it('with the real bridge answering, Apply still succeeds (the re-read agrees)', async () => {
    await page.evaluate(() => (window as any).removeEventListener('tactful:ckeditor-apply', (window as any).__forger, true));
    await applyCalmDown();
    await expect.poll(() => getData(page)).not.toContain('Calm down');
    expect(await card(page).count()).toBe(0);
    expect(await getData(page)).toContain("Per our policy we can't refund twice.");
  });
});
