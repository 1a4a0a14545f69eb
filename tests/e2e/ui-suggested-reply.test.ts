// The suggested reply in the side panel, against the real extension: Accept
// all writes the whole suggestion as ONE undo step, Accept change N writes
// only that change. Skipped while suggestReply is the placeholder (no edits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EDITOR, launchTactful, panelState, typeDraft, type Tactful } from './harness.ts';
import { suggestReply } from '../../analyzers/index.ts';
import { usableEdits } from '../../lib/ui-diff.ts';

const ANGRY = 'Calm down. As I already explained, we cannot refund it. You should have read the terms.';
const CUSTOMER = 'Still nothing!!! Where is my kettle? This is the worst service I have ever had.';
const engineSuggests = usableEdits(ANGRY, suggestReply({ reply: ANGRY, customer: CUSTOMER, channel: 'email' }, { voice: 'warm' }).edits).length > 0;

let t: Tactful;
beforeAll(async () => {
  t = await launchTactful();
});
afterAll(async () => t?.close());

/** The reply the diff promises: unchanged text plus the added text of the chosen changes (all when `only` is undefined). */
async function textFromDiff(panel: Page, only?: number): Promise<string> {
  return panel.locator('[data-testid="suggested-reply"] .diff').evaluate((diff, only) => {
    let text = '';
    for (const part of diff.children) {
      const el = part as HTMLElement;
      if (el.classList.contains('same')) text += el.textContent ?? '';
      else {
        const take = only === undefined || Number(el.dataset.change) === only;
        text += (take ? el.querySelector('ins')?.textContent : el.querySelector('del')?.textContent) ?? '';
      }
    }
    return text;
  }, only);
}

async function confirmIfAsked(panel: Page) {
  const confirm = panel.locator('[data-testid="placeholder-confirm"]');
  await panel.waitForTimeout(200);
  if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: 'Insert with placeholders' }).click();
}

describe.skipIf(!engineSuggests)('suggested reply', () => {
  it('Accept all applies every change as one undo step', async () => {
    const gmail = await t.openSite('gmail');
    await typeDraft(gmail, EDITOR.gmail, ANGRY);
    const panel = await t.openExtensionPage('sidepanel.html');
    const section = panel.locator('[data-testid="suggested-reply"]');
    await expect.poll(() => section.count(), { timeout: 15_000 }).toBe(1);
    const before = await panelState(t);
    expect(await section.locator('[data-change]').count()).toBeGreaterThan(0);
    // The diff reads back as the draft when no change is taken.
    expect(await textFromDiff(panel, -1)).toBe(before.reply);
    const expected = await textFromDiff(panel);

    await section.getByRole('button', { name: 'Accept all' }).click();
    await confirmIfAsked(panel);
    await expect.poll(async () => (await panelState(t)).reply, { timeout: 10_000 }).toBe(expected);

    await gmail.bringToFront();
    await gmail.keyboard.press('Control+z');
    await expect.poll(async () => (await panelState(t)).reply, { timeout: 10_000 }).toBe(before.reply);
    await Promise.all([panel.close(), gmail.close()]);
  });

  it('Accept change 1 applies only that change; Dismiss hides the suggestion', async () => {
    const gmail = await t.openSite('gmail');
    await typeDraft(gmail, EDITOR.gmail, ANGRY);
    const panel = await t.openExtensionPage('sidepanel.html');
    const section = panel.locator('[data-testid="suggested-reply"]');
    await expect.poll(() => section.count(), { timeout: 15_000 }).toBe(1);
    const before = await panelState(t);
    const expected = await textFromDiff(panel, 0);
    expect(expected).not.toBe(before.reply);

    // Folded near the top of the panel: the diff and its per-change buttons open on request.
    expect(await section.getByRole('button', { name: 'Accept change 1' }).isVisible()).toBe(false);
    await section.getByRole('button', { name: 'Show changes' }).click();
    await section.getByRole('button', { name: 'Accept change 1' }).click();
    await confirmIfAsked(panel);
    await expect.poll(async () => (await panelState(t)).reply, { timeout: 10_000 }).toBe(expected);

    await expect.poll(() => section.count(), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    if ((await section.count()) === 1) {
      await section.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => section.count()).toBe(0);
    }
    await Promise.all([panel.close(), gmail.close()]);
  });
});

describe.skipIf(!engineSuggests)('Polish on device (fake built-in Rewriter)', () => {
  it('is hidden without the API, offered with it, discards output that adds a promise, applies a checked polish', async () => {
    const gmail = await t.openSite('gmail');
    await typeDraft(gmail, EDITOR.gmail, ANGRY);

    const plain = await t.openExtensionPage('sidepanel.html');
    await expect.poll(() => plain.locator('[data-testid="suggested-reply"]').count(), { timeout: 15_000 }).toBe(1);
    await plain.waitForTimeout(500);
    expect(await plain.getByRole('button', { name: 'Polish on device' }).count()).toBe(0);
    await plain.close();

    // A fake Rewriter: the first call adds a promise (must be discarded), the second returns a light edit.
    const panel = await t.context.newPage();
    await panel.addInitScript(() => {
      let calls = 0;
      (globalThis as any).Rewriter = {
        availability: async () => 'available',
        create: async () => ({
          rewrite: async (text: string) => (++calls === 1 ? `${text} I guarantee this will never happen again.` : `Thank you for your patience. ${text}`),
          destroy() {},
        }),
      };
    });
    await panel.goto(`chrome-extension://${t.extensionId}/sidepanel.html`);
    const polish = panel.getByRole('button', { name: 'Polish on device' });
    await expect.poll(() => polish.count(), { timeout: 15_000 }).toBe(1);
    const before = await panelState(t);

    const result = panel.locator('[data-testid="polish-result"]');
    await polish.click();
    await expect.poll(() => result.textContent()).toMatch(/Discarded the on-device version: .*promise/);
    expect(await result.getByRole('button', { name: 'Accept polished reply' }).count()).toBe(0);

    await polish.click();
    await expect.poll(() => result.textContent()).toContain('Thank you for your patience.');
    const polished = (await result.locator('blockquote').textContent())!;
    expect(polished).not.toBe(before.reply);
    await result.getByRole('button', { name: 'Accept polished reply' }).click();
    await confirmIfAsked(panel);
    await expect.poll(async () => (await panelState(t)).reply, { timeout: 10_000 }).toBe(polished);
    await Promise.all([panel.close(), gmail.close()]);
  });
});
