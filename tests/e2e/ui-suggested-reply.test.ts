// The suggested reply in the side panel, against the real extension: Accept
// all writes the whole suggestion as ONE undo step, Accept change N writes
// only that change. Skipped while suggestReply is the placeholder (no edits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EDITOR, launchTactful, panelState, typeDraft, type Tactful } from './harness.ts';
import { suggestReply } from '../../analyzers/index.ts';
import { applyEdits, usableEdits } from '../../lib/ui-diff.ts';

const ANGRY = 'Calm down. As I already explained, we cannot refund it. You should have read the terms.';
const CUSTOMER = 'Still nothing!!! Where is my kettle? This is the worst service I have ever had.';
const engineSuggests = usableEdits(ANGRY, suggestReply({ reply: ANGRY, customer: CUSTOMER, channel: 'email' }, { voice: 'warm' }).edits).length > 0;

let t: Tactful;
beforeAll(async () => {
  t = await launchTactful();
  // The harness's catch-all route aborts the extension's own page scripts; let them through.
  await t.context.route(/^chrome-extension:/, (route) => route.continue());
});
afterAll(async () => t?.close());

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
    const { edits } = suggestReply({ reply: before.reply, customer: before.customer, channel: before.channel }, { voice: 'warm' });
    expect(await section.locator('[data-change]').count()).toBe(usableEdits(before.reply, edits).length);

    await section.getByRole('button', { name: 'Accept all' }).click();
    await confirmIfAsked(panel);
    const expected = applyEdits(before.reply, edits);
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
    const first = usableEdits(before.reply, suggestReply({ reply: before.reply, customer: before.customer, channel: before.channel }, { voice: 'warm' }).edits)[0];

    await section.getByRole('button', { name: 'Accept change 1' }).click();
    await confirmIfAsked(panel);
    const expected = before.reply.slice(0, first.start) + first.replacement + before.reply.slice(first.end);
    await expect.poll(async () => (await panelState(t)).reply, { timeout: 10_000 }).toBe(expected);

    await expect.poll(() => section.count(), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    if ((await section.count()) === 1) {
      await section.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => section.count()).toBe(0);
    }
    await Promise.all([panel.close(), gmail.close()]);
  });
});
