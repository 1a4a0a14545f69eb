// Zendesk-like Agent Workspace running the real CKEditor 5, two mounted tickets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, clickUnderline, EDITOR, launchTactful, panelState, rectsOverlap, textRects, typeDraft, underlines, waitForUnderline, type Tactful } from './harness.ts';

const getData = (page: Page, ticket = '4711') => page.evaluate((id) => (window as any).editors[id].getData() as string, ticket);

describe('Zendesk-like CKEditor 5 composer', () => {
  let t: Tactful;
  let page: Page;
  beforeAll(async () => {
    t = await launchTactful();
    page = await t.openSite('zendesk');
    await page.waitForSelector('body[data-ready="true"]');
    // The background ticket already holds a draft that would be flagged if it were analyzed.
    await page.evaluate(() => (window as any).editors['4700'].setData('<p>Calm down, as I already explained we are closed.</p>'));
    await typeDraft(page, EDITOR.zendesk, "Calm down, it's only a small delay. Per our policy we can't refund twice.");
  });
  afterAll(async () => t?.close());

  it("underlines the flagged words of the active ticket and reads the customer's side of the thread", async () => {
    const [calm] = await waitForUnderline(page, 'dismissive');
    expect(rectsOverlap(calm.rect, (await textRects(page, EDITOR.zendesk, 'Calm down'))[0])).toBe(true);
    const [policy] = await waitForUnderline(page, 'policy_shield');
    expect(rectsOverlap(policy.rect, (await textRects(page, EDITOR.zendesk, 'Per our policy'))[0])).toBe(true);
    const state = await panelState(t);
    expect(state.site).toBe('zendesk');
    expect(state.editorKind).toBe('ckeditor');
    // The latest customer comment comes last; the earlier one is read too, so its dispute counts.
    expect(state.customer.endsWith('Refund the duplicate charge or I will cancel.')).toBe(true);
    expect(state.customer).toContain("I'm disputing the charge");
    expect(state.result.customer.escalate).toBe(true);
    // Not the customer: the agent's reply, the trigger's notice, the internal note.
    expect(state.customer).not.toContain('checking with billing');
    expect(state.customer).not.toContain('has been updated');
    expect(state.customer).not.toContain('Internal');
    expect(state.reply).not.toContain('we are closed'); // background ticket not analyzed
  });

  it('Apply changes the CKEditor model (getData) and one Ctrl+Z restores it exactly', async () => {
    const before = await getData(page);
    const [calm] = await waitForUnderline(page, 'dismissive');
    await clickUnderline(page, calm);
    await card(page).getByRole('button', { name: /^Apply/ }).first().click();
    await expect.poll(() => getData(page)).not.toBe(before);
    expect(await getData(page)).not.toContain('Calm down');
    expect(await getData(page)).toContain("Per our policy we can't refund twice.");
    await page.keyboard.press('Control+z');
    await expect.poll(() => getData(page)).toBe(before);
  });

  it('closes the card when the words under it change in the model, writing nothing', async () => {
    const [calm] = await waitForUnderline(page, 'dismissive');
    await clickUnderline(page, calm);
    await expect.poll(() => card(page).count()).toBe(1);
    await page.evaluate(() => {
      const editor = (window as any).editors['4711'];
      editor.model.change((w: any) => w.insertText('Please ', editor.model.document.getRoot().getChild(0), 0));
    });
    const before = await getData(page);
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await getData(page)).toBe(before);
  });

  it('follows the ticket in front: a background ticket is analyzed only once it is brought forward', async () => {
    const other = '#ticket-4700 .ck-editor__editable';
    await page.locator('[data-ticket-tab="4700"]').click();
    // Now 4700 is in front: its own words get underlined, nothing is left over from 4711.
    const calmRect = (await textRects(page, other, 'Calm down'))[0];
    await expect.poll(async () => (await underlines(page)).some((u) => rectsOverlap(u.rect, calmRect)), { timeout: 10_000 }).toBe(true);
    // Every underline now sits on 4700's single line of text.
    expect((await underlines(page)).every((u) => Math.abs(u.rect.y - calmRect.y) < 4)).toBe(true);
    expect((await panelState(t)).reply).toContain('we are closed');
    await page.locator('[data-ticket-tab="4711"]').click();
    await expect.poll(async () => (await underlines(page)).some((u) => rectsOverlap(u.rect, calmRect, 0.1))).toBe(false);
    await waitForUnderline(page, 'policy_shield');
  });

  it('internal-note mode is not treated as a reply to the customer', async () => {
    await page.locator(EDITOR.zendesk).click();

    await page.locator('#mode-toggle').click();
    await expect.poll(async () => (await panelState(t)).internalNote, { timeout: 10_000 }).toBe(true);
    expect((await panelState(t)).result.findings).toEqual([]);
    await expect.poll(async () => (await underlines(page)).length).toBe(0);
    await page.locator('#mode-toggle').click();
    await waitForUnderline(page, 'dismissive');
    expect(t.externalRequests).toEqual([]);
  });

  it('resting the pointer on flagged text opens its card', async () => {
    const [policy] = await waitForUnderline(page, 'policy_shield');
    await page.mouse.move(policy.rect.x + 5, policy.rect.y + policy.rect.height / 2);
    await page.mouse.move(policy.rect.x + 10, policy.rect.y + policy.rect.height / 2);
    await expect.poll(() => card(page).getAttribute('data-category')).toBe('policy_shield');
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
  });
});

describe('Zendesk page without a recognisable reply box', () => {
  it("answers the popup's question with no reply box, so the popup can say it can't find one", async () => {
    const t = await launchTactful();
    try {
      const page = await t.openSite('zendesk');
      await page.waitForSelector('body[data-ready="true"]');
      const status = async () => {
        const popup = await t.openExtensionPage('popup.html');
        try {
          return await popup.evaluate(async () => {
            const chrome = (globalThis as any).chrome;
            const [tab] = await chrome.tabs.query({ url: 'https://acme.zendesk.com/*' });
            return chrome.tabs.sendMessage(tab.id, { type: 'page:status' });
          });
        } finally {
          await popup.close();
        }
      };
      await expect.poll(status, { timeout: 10_000 }).toEqual({ enabled: true, editors: 2 }); // both tickets' reply boxes, front and background
      // A layout Tactful does not know: the reply box is gone from every ticket.
      await page.evaluate(() => document.querySelectorAll('.composer').forEach((c) => c.remove()));
      await expect.poll(status, { timeout: 10_000 }).toEqual({ enabled: true, editors: 0 });
    } finally {
      await t.close();
    }
  });
});
