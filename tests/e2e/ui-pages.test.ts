// The side panel, popup and options pages in the built extension, driven
// through their contracts: the background's 'panel:state' broadcast and
// chrome.storage.local. These run without any site page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchTactful, type Tactful } from './harness.ts';
import { analyze } from '../../analyzers/index.ts';
import type { DraftState } from '../../lib/messages.ts';
import { MANUAL_CHECKS } from '../../lib/ui-checklist.ts';

const CUSTOMER = 'My order #5521 still has not shipped and nobody answers. I want my money back NOW or I will call my lawyer.';
const ANGRY_REPLY = 'Hi Dana,\nCalm down. As I already explained, per our policy we cannot refund shipped orders. You should have read the terms.\nJo';
const GOOD_REPLY =
  "Hi Dana,\nI'm sorry your order #5521 hasn't shipped yet, I understand how frustrating the wait is. I've asked the warehouse to prioritise it and I'll email you the tracking number by Friday.\nBest,\nJo";

function state(reply: string, extra: Partial<DraftState> = {}): DraftState {
  return {
    tabId: 4242,
    draftId: 'test-draft',
    site: 'gmail',
    editorKind: 'contenteditable',
    channel: 'email',
    internalNote: false,
    reply,
    customer: CUSTOMER,
    result: analyze({ reply, customer: CUSTOMER, channel: 'email' }),
    version: 1,
    updatedAt: Date.now(),
    ...extra,
  };
}

let t: Tactful;
let sender: Page;

/** Broadcasts like the background does; extension pages other than the sender receive it. */
async function broadcast(s: DraftState | null) {
  await sender.evaluate((st) => (globalThis as any).chrome.runtime.sendMessage({ type: 'panel:state', state: st }).catch(() => {}), s);
}

beforeAll(async () => {
  t = await launchTactful();
  sender = await t.openExtensionPage('options.html');
});
afterAll(async () => t?.close());

describe('side panel', () => {
  it('starts with a clear empty state, then shows customer, tone and grouped findings of the draft', async () => {
    const panel = await t.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('[data-testid="empty-state"]').textContent()).toContain('Click into a reply to start');

    const s = state(ANGRY_REPLY);
    expect(s.result.findings.length).toBeGreaterThan(0);
    await broadcast(s);
    const findings = panel.locator('[data-category][data-rule-id]');
    await expect.poll(() => findings.count()).toBe(s.result.findings.length);
    const shown = await findings.evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.category}|${(e as HTMLElement).dataset.ruleId}`));
    expect(shown.sort()).toEqual(s.result.findings.map((f) => `${f.category}|${f.ruleId}`).sort());
    // Each finding has Ignore; suggestions' buttons start with "Apply".
    expect(await panel.getByRole('button', { name: 'Ignore', exact: true }).count()).toBe(s.result.findings.length);
    const applyCount = s.result.findings.reduce((n, f) => n + f.suggestions.length, 0);
    expect(await panel.getByRole('button', { name: /^Apply/ }).count()).toBe(applyCount);
    // Severity is written out, not only colored.
    expect(await panel.locator('.finding .badge').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(Error|Warning|Hint)$/)]),
    );
    await expect.poll(() => panel.locator('[data-testid="tone"]').textContent()).toMatch(/Tone: (Harsh|Cool|Neutral|Warm)/);
    if (s.result.customer.escalate) await expect.poll(() => panel.locator('[data-testid="escalate"]').count()).toBe(1);

    // Ignore hides the finding at once.
    await panel.getByRole('button', { name: 'Ignore', exact: true }).first().click();
    await expect.poll(() => findings.count()).toBe(s.result.findings.length - 1);

    // Live update: the next analysis replaces the list.
    await broadcast(state(GOOD_REPLY, { version: 2 }));
    await expect.poll(() => panel.locator('.finding.sev-error, .finding.sev-warning').count()).toBe(0);

    // Internal note: not checked for tone.
    await broadcast(state(ANGRY_REPLY, { internalNote: true, version: 3 }));
    await expect.poll(() => panel.locator('[data-testid="empty-state"]').getAttribute('data-reason')).toBe('internal-note');
    await panel.close();
  });

  it('never renders draft text as HTML', async () => {
    const panel = await t.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('[data-testid="empty-state"]').count()).toBe(1);
    const reply = 'Hi,\n<img src=x onerror="window.__pwned=1"> Calm down, per our policy nothing can be done.\n<b>Jo</b>';
    await broadcast(state(reply));
    await expect.poll(() => panel.locator('[data-rule-id]').count()).toBeGreaterThan(0);
    expect(await panel.locator('main img, main b').count()).toBe(0);
    expect(await panel.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await panel.close();
  });

  it('asks in the panel before inserting text with an unfilled placeholder, and reports a refused apply', async () => {
    const panel = await t.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('[data-testid="empty-state"]').count()).toBe(1);
    // A team phrase whose preferred wording has a placeholder, so the apply must ask first.
    const s = state('Hi Dana,\nIt will ship soonish.\nJo');
    s.result.findings = [
      {
        ruleId: 'custom/soonish',
        category: 'overpromise',
        severity: 'warning',
        start: s.reply.indexOf('soonish'),
        end: s.reply.indexOf('soonish') + 'soonish'.length,
        message: 'Vague timing.',
        rationale: 'Give a concrete time.',
        suggestions: [{ label: 'by [date]', replacement: 'by [date]' }],
      },
    ];
    await broadcast(s);
    await panel.getByRole('button', { name: /^Apply/ }).click();
    const dialog = panel.locator('[data-testid="placeholder-confirm"]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('mark.placeholder').first().textContent()).toBe('[date]');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await panel.getByRole('button', { name: /^Apply/ }).click();
    await dialog.getByRole('button', { name: 'Insert with placeholders' }).click();
    // No content script owns tab 4242, so the apply is refused with a message rather than silently.
    await expect.poll(() => panel.locator('[data-testid="notice"]').textContent()).toMatch(/Not applied/);
    await panel.close();
  });
});

describe('popup', () => {
  it('ticks the checklist from the analysis, counts flags and says Ready to send once manual checks are ticked', async () => {
    const popup = await t.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-testid="empty-state"]').count()).toBe(1);
    const angry = state(ANGRY_REPLY);
    await broadcast(angry);
    const verdict = popup.locator('[data-testid="verdict"]');
    await expect.poll(() => verdict.getAttribute('data-ready')).toBe('false');
    const blocking = angry.result.findings.filter((f) => f.severity !== 'info').length;
    expect(await popup.locator('[data-testid="open-flags"]').textContent()).toContain(String(blocking));
    for (const item of angry.result.checklist) {
      expect(await popup.locator(`li[data-item="${item.id}"]`).getAttribute('data-status')).toBe(item.status);
    }

    const good = state(GOOD_REPLY, { version: 2 });
    const goodBlocking = good.result.findings.filter((f) => f.severity !== 'info').length;
    const goodMissing = good.result.checklist.filter((c) => c.status === 'missing').length;
    await broadcast(good);
    for (const check of MANUAL_CHECKS) await popup.getByLabel(check.label).check();
    if (goodBlocking === 0 && goodMissing === 0) {
      await expect.poll(() => verdict.textContent()).toContain('Ready to send');
    } else {
      // The engine still flags this reply: the popup must not claim it is ready.
      await expect.poll(() => verdict.getAttribute('data-ready')).toBe('false');
    }
    // Manual ticks survive reopening the popup (kept per draft in session storage).
    await popup.reload();
    await expect.poll(() => popup.locator('[data-testid="empty-state"]').count()).toBe(1);
    await broadcast(good);
    await expect.poll(() => popup.getByLabel(MANUAL_CHECKS[0].label).isChecked()).toBe(true);
    await popup.close();
  });
});

describe('options', () => {
  it('stores category, sensitivity, voice and team phrases under tactful:settings', async () => {
    const options = await t.openExtensionPage('options.html');
    await options.getByLabel('Sarcasm', { exact: true }).uncheck();
    await options.getByRole('radio', { name: /High/ }).check();
    await options.getByRole('radio', { name: 'Formal' }).check();
    await options.getByLabel('Avoid').fill('no worries');
    await options.getByLabel('Prefer').fill('happy to help');
    await options.getByRole('button', { name: 'Add phrase' }).click();
    await expect.poll(async () => (await t.getSettings()) as any).toMatchObject({
      disabledCategories: ['sarcasm'],
      sensitivity: 'high',
      voice: 'formal',
      customPhrases: [{ avoid: 'no worries', prefer: 'happy to help' }],
    });
    await options.getByRole('button', { name: 'Remove phrase no worries' }).click();
    await expect.poll(async () => ((await t.getSettings()) as any).customPhrases).toEqual([]);
    await options.close();
  });

  it('keeps the current settings when a bad team pack is imported, and explains why', async () => {
    await t.setSettings({ voice: 'warm', disabledCategories: ['blame'] });
    const options = await t.openExtensionPage('options.html');
    await options.locator('input[type=file]').setInputFiles({
      name: 'pack.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'tactful-team-pack', version: 1, settings: { voice: 'loud' } })),
    });
    await expect.poll(() => options.locator('[data-testid="import-result"]').textContent()).toMatch(/not imported.*"voice" must be formal or warm/s);
    expect(await t.getSettings()).toMatchObject({ voice: 'warm', disabledCategories: ['blame'] });

    // Export, then import that file back: accepted.
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export team pack' }).click();
    const file = await (await download).path();
    await options.locator('input[type=file]').setInputFiles(file!);
    await expect.poll(() => options.locator('[data-testid="import-result"]').textContent()).toContain('Team pack imported');
    await options.close();
  });
});
