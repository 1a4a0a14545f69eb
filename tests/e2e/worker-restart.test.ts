// The MV3 worker stops whenever it is idle and forgets everything in memory. Stopping it
// over CDP mid-session must lose nothing the user did: an ignored finding stays ignored,
// the side panel keeps showing the draft, and new typing is analyzed again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, clickUnderline, EDITOR, launchTactful, panelState, typeDraft, underlines, waitForUnderline, type Tactful } from './harness.ts';

const DRAFT = 'Hi Sam,\nCalm down. As I already explained, the invoice went out on Monday.';
const hasCategory = (state: { result: { findings: { category: string }[] } }, category: string) => state.result.findings.some((f) => f.category === category);

describe('a worker stopped mid-session', () => {
  let t: Tactful;
  let page: Page;
  beforeAll(async () => {
    t = await launchTactful();
    page = await t.openSite('gmail');
    await typeDraft(page, EDITOR.gmail, DRAFT);
  });
  afterAll(async () => t?.close());

  /**
   * Stops the extension's service worker, as Chrome does when it is idle: CDP from an extension
   * page sees the extension's registration. A value left in the worker's memory is gone after.
   */
  async function stopWorker(): Promise<void> {
    await t.serviceWorker.evaluate(() => ((globalThis as any).__beforeStop = true));
    const ext = await t.openExtensionPage('options.html');
    const cdp = await t.context.newCDPSession(ext);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach().catch(() => {});
    await ext.close();
    const memoryGone = async () => {
      const workers = t.context.serviceWorkers();
      for (const w of workers) if ((await w.evaluate(() => (globalThis as any).__beforeStop === true).catch(() => false)) === true) return false;
      return true;
    };
    await expect.poll(memoryGone, { timeout: 10_000 }).toBe(true);
  }

  it('keeps an ignored finding ignored, the panel showing the draft, and analyzes new typing', async () => {
    const [calm] = await waitForUnderline(page, 'dismissive');
    await waitForUnderline(page, 'defensive');
    await clickUnderline(page, calm);
    await card(page).getByRole('button', { name: /^Ignore/ }).first().click();
    await expect.poll(async () => (await underlines(page)).some((u) => u.category === 'dismissive')).toBe(false);
    const before = await panelState(t);
    expect(hasCategory(before, 'dismissive')).toBe(false);

    await stopWorker();

    // The panel's question wakes a fresh worker: it still shows this draft, without the ignored finding.
    const after = await panelState(t);
    expect(after?.draftId).toBe(before.draftId);
    expect(hasCategory(after, 'dismissive')).toBe(false);
    expect(hasCategory(after, 'defensive')).toBe(true);

    // Typing again re-sends the page's drafts to the new worker: analyzed, and the ignore still holds.
    await page.locator(EDITOR.gmail).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('End');
    await page.keyboard.type(' Per our policy we cannot refund it.');
    await expect.poll(async () => (await panelState(t)).reply, { timeout: 15_000 }).toContain('Per our policy');
    await waitForUnderline(page, 'policy_shield');
    expect((await underlines(page)).some((u) => u.category === 'dismissive')).toBe(false);
    expect(hasCategory(await panelState(t), 'dismissive')).toBe(false);
  });
});
