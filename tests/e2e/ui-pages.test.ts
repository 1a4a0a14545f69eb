// The side panel, popup and options pages in the built extension, driven
// through their contracts: the background's 'panel:state' broadcast and
// chrome.storage.local. These run without any site page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTactful, type Tactful } from './harness.ts';
import { feed, openFedPage } from './ui-feed.ts';
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

/** Delivers a draft to the open side panel and popup, as the worker does over their port. */
const broadcast = (s: DraftState | null) => feed(s);

beforeAll(async () => {
  t = await launchTactful();
});
afterAll(async () => t?.close());

describe('side panel', () => {
  it('starts with a clear empty state, then opens with a verdict, the top things, tone in words and findings grouped by rule, errors first', async () => {
    const panel = await openFedPage(t, 'sidepanel.html');
    await expect.poll(() => panel.locator('[data-testid="empty-state"]').textContent()).toContain('Click into a reply to start');

    const s = state(ANGRY_REPLY);
    expect(s.result.findings.length).toBeGreaterThan(0);
    await broadcast(s);
    const findings = panel.locator('article[data-category][data-rule-id]');
    await expect.poll(() => findings.count()).toBe(s.result.findings.length);
    const shown = await findings.evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.category}|${(e as HTMLElement).dataset.ruleId}`));
    expect(shown.sort()).toEqual(s.result.findings.map((f) => `${f.category}|${f.ruleId}`).sort());

    // The verdict comes first and names the most important things; the errors are listed before any warning.
    const verdict = panel.locator('[data-testid="verdict"]');
    const errors = s.result.findings.filter((f) => f.severity === 'error').length;
    expect(await verdict.locator('h2').textContent()).toMatch(new RegExp(`^Not ready: fix ${errors} errors? first`));
    const top = await verdict.locator('[data-testid="top-issues"] li').allTextContents();
    expect(top.length).toBeGreaterThanOrEqual(2);
    expect(top.length).toBeLessThanOrEqual(3);
    expect(top[0]).toMatch(/^Error/);
    const order = await panel.locator('section.group').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.severity));
    expect(order.indexOf('warning') === -1 || order.lastIndexOf('error') < order.indexOf('warning')).toBe(true);
    const boxTop = async (sel: string) => (await panel.locator(sel).first().boundingBox())!.y;
    expect(await boxTop('[data-testid="verdict"]')).toBeLessThan(await boxTop('section.group'));
    // The top items jump to their group.
    await verdict.getByRole('button').first().click();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.classList.contains('group'))).toBe(true);

    // No internal playbook codes anywhere a user reads.
    expect(await panel.locator('main').innerText()).not.toMatch(/playbook|\(\d{3}[ ,§)]/i);
    // Each place has Ignore; each suggestion a button with its label and its new words.
    expect(await panel.locator('article button.ignore').count()).toBe(s.result.findings.length);
    const applyCount = s.result.findings.reduce((n, f) => n + f.suggestions!.length, 0);
    expect(await panel.locator('article button.apply').count()).toBe(applyCount);
    for (const f of s.result.findings.filter((x) => x.suggestions!.some((sg) => sg.label && sg.replacement))) {
      const sg = f.suggestions!.find((x) => x.label && x.replacement)!;
      const label = await panel.locator(`article[data-rule-id="${f.ruleId}"][data-start="${f.start}"] button.apply .apply-label`).allTextContents();
      expect(label).toContain(sg.label);
    }
    // Severity is written out, not only colored.
    expect(await panel.locator('.group .badge').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^(Error|Warning|Hint)$/)]));
    // How it sounds, in words: a harsh draft with no apology says so.
    await expect.poll(() => panel.locator('[data-testid="tone"]').getAttribute('data-word')).toMatch(/^(Firm|Cold|Hostile)$/);
    expect(await panel.locator('[data-testid="tone"]').textContent()).toMatch(/no .*apology.* yet/);
    if (s.result.customer.escalate) await expect.poll(() => panel.locator('[data-testid="escalate"]').count()).toBe(1);
    // The suggested reply sits above the flags, folded: Accept all is there, the diff opens on request.
    const suggested = panel.locator('[data-testid="suggested-reply"]');
    await expect.poll(() => suggested.count(), { timeout: 20_000 }).toBe(1);
    expect(await boxTop('[data-testid="suggested-reply"]')).toBeLessThan(await boxTop('section.group'));
    expect(await suggested.locator('.diff').isVisible()).toBe(false);
    await suggested.getByRole('button', { name: 'Show changes' }).click();
    expect(await suggested.locator('.diff').isVisible()).toBe(true);

    // Ignore hides the finding at once.
    await panel.locator('article button.ignore').first().click();
    await expect.poll(() => findings.count()).toBe(s.result.findings.length - 1);

    // Live update: the next analysis replaces the list.
    await broadcast(state(GOOD_REPLY, { version: 2 }));
    await expect.poll(() => panel.locator('.finding.sev-error, .finding.sev-warning').count()).toBe(0);
    await expect.poll(() => verdict.getAttribute('data-kind')).toBe('good');
    expect(await panel.locator('[data-testid="tone"]').getAttribute('data-word')).toMatch(/^(Warm|Friendly)$/);

    // Internal note: not checked for tone.
    await broadcast(state(ANGRY_REPLY, { internalNote: true, version: 3 }));
    await expect.poll(() => panel.locator('[data-testid="empty-state"]').getAttribute('data-reason')).toBe('internal-note');
    await panel.close();
  });

  it('groups a rule that fires again and again into one card with a count and Fix all', async () => {
    const panel = await openFedPage(t, 'sidepanel.html');
    await expect.poll(() => panel.locator('[data-testid="empty-state"]').count()).toBe(1);
    const s = state('Hi Dana,\nI checked the order for you. Actually, it shipped. Actually, the tracking works. Actually, it arrives Monday.\nJo');
    const repeated = s.reply.split('Actually, ').length - 1;
    // The shape the engine gives a repeated phrase rule, fixed here so the test does not depend on the tone model's vetoes.
    s.result.findings = [...s.reply.matchAll(/Actually, /g)].map((m) => ({
      ruleId: 'defensive/actually-correction',
      category: 'defensive' as const,
      severity: 'warning' as const,
      start: m.index!,
      end: m.index! + 'Actually,'.length,
      message: '"Actually" used to correct the customer sounds like scoring a point.',
      rationale: 'Playbook B, defensive (000 §2, 002): "even if the customer is wrong, pointing it out only makes it worse"',
      suggestions: [{ label: 'Cut “Actually”', replacement: '', start: m.index!, end: m.index! + 'Actually, '.length }],
    }));
    await broadcast(s);
    const group = panel.locator('section.group[data-group="defensive/actually-correction"]');
    await expect.poll(() => group.getAttribute('data-count')).toBe(String(repeated));
    expect(await panel.locator('section.group').count()).toBe(1);
    expect(await group.locator('h3').textContent()).toContain(`×${repeated}`);
    // The message and the advice are said once for the group, not once per place.
    expect(await group.locator('.finding-message').count()).toBe(1);
    expect(await group.locator('.why').textContent()).toMatch(/^Why: /);
    const fixAll = group.getByRole('button', { name: new RegExp(`^Fix all ${repeated}`) });
    expect(await fixAll.count()).toBe(1);
    await fixAll.click();
    // One edit for every place: no content script owns the tab, so it is refused with a message, not half-applied.
    await expect.poll(() => panel.locator('[data-testid="notice"]').textContent()).toMatch(/Not applied/);
    await panel.close();
  });

  it('says "Start writing" with the customer card only for an empty draft, and shows missing pieces once there is a body', async () => {
    const panel = await openFedPage(t, 'sidepanel.html');
    await expect.poll(() => panel.locator('[data-testid="empty-state"]').count()).toBe(1);
    for (const reply of ['', 'Hi Dana,\n\nBest,\nJo']) {
      await broadcast(state(reply, { version: 5 }));
      await expect.poll(() => panel.locator('[data-testid="verdict"]').getAttribute('data-kind')).toBe('start');
      expect(await panel.locator('[data-testid="verdict"]').textContent()).toContain('Start writing');
      expect(await panel.locator('[data-testid="customer"]').count()).toBe(1);
      expect(await panel.locator('section.group, [data-testid="tone"], [data-testid="suggested-reply"], #checklist-h').count()).toBe(0);
      expect(await panel.locator('main').innerText()).not.toMatch(/No apology|No empathy|Not ready/);
    }
    await broadcast(state('Hi Dana,\nThe parcel is with the courier now.\nJo', { version: 6 }));
    await expect.poll(() => panel.locator('section.group[data-group^="missing"]').count()).toBeGreaterThan(0);
    await panel.close();
  });

  it('never renders draft text as HTML', async () => {
    const panel = await openFedPage(t, 'sidepanel.html');
    await expect.poll(() => panel.locator('[data-testid="empty-state"]').count()).toBe(1);
    const reply = 'Hi,\n<img src=x onerror="window.__pwned=1"> Calm down, per our policy nothing can be done.\n<b>Jo</b>';
    await broadcast(state(reply));
    await expect.poll(() => panel.locator('[data-rule-id]').count()).toBeGreaterThan(0);
    expect(await panel.locator('main img, main b').count()).toBe(0);
    expect(await panel.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await panel.close();
  });

  it('asks in the panel before inserting text with an unfilled placeholder, and reports a refused apply', async () => {
    const panel = await openFedPage(t, 'sidepanel.html');
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
    await panel.locator('article button.apply').click();
    const dialog = panel.locator('[data-testid="placeholder-confirm"]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('mark.placeholder').first().textContent()).toBe('[date]');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await panel.locator('article button.apply').click();
    await dialog.getByRole('button', { name: 'Insert with placeholders' }).click();
    // No content script owns tab 4242, so the apply is refused with a message rather than silently.
    await expect.poll(() => panel.locator('[data-testid="notice"]').textContent()).toMatch(/Not applied/);
    await panel.close();
  });
});

describe('popup', () => {
  it('names each thing to fix, separates what to confirm, and says Ready to send for a good reply once confirmed', async () => {
    const popup = await openFedPage(t, 'popup.html');
    await expect.poll(() => popup.locator('[data-testid="empty-state"]').count()).toBe(1);
    const angry = state(ANGRY_REPLY);
    await broadcast(angry);
    const verdict = popup.locator('[data-testid="verdict"]');
    await expect.poll(() => verdict.getAttribute('data-ready')).toBe('false');
    // Every blocking phrase is named with its words, errors first.
    const fix = popup.locator('[data-testid="fix-list"] li');
    const texts = await fix.allTextContents();
    for (const f of angry.result.findings.filter((x) => x.severity !== 'info' && x.end > x.start)) {
      const words = angry.reply.slice(f.start, f.end).slice(0, 20);
      expect(texts.some((tx) => tx.includes(words)), `${f.ruleId} “${words}” named`).toBe(true);
    }
    const severities = await fix.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.severity));
    expect(severities.lastIndexOf('error')).toBeLessThan(severities.indexOf('warning') === -1 ? Infinity : severities.indexOf('warning'));
    expect(await verdict.textContent()).toContain(`${texts.length} to fix in the draft`);
    // Confirmations are a list of their own, not mixed with the fixes.
    for (const check of MANUAL_CHECKS) expect(await popup.locator('[data-testid="confirm-list"]').getByLabel(check.label).count()).toBe(1);
    for (const item of angry.result.checklist) {
      expect(await popup.locator(`.all-checks li[data-item="${item.id}"]`).getAttribute('data-status')).toBe(item.status);
    }

    // Each fix item jumps to its finding in the side panel.
    const panel = await openFedPage(t, 'sidepanel.html');
    await broadcast(angry);
    await expect.poll(() => panel.locator('section.group').count()).toBeGreaterThan(1);
    const last = fix.last();
    const target = (await last.getAttribute('data-group'))!;
    await popup.bringToFront();
    await last.getByRole('button').click();
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.group)).toBe(target);
    await panel.close();

    const good = state(GOOD_REPLY, { version: 2 });
    await broadcast(good);
    await expect.poll(() => popup.locator('[data-testid="fix-list"]').count()).toBe(0);
    expect(await verdict.textContent()).toMatch(/Nothing to fix · confirm 2/);
    for (const check of MANUAL_CHECKS) await popup.getByLabel(check.label).check();
    await expect.poll(() => verdict.textContent()).toContain('Ready to send');
    // Manual ticks survive reopening the popup (kept per draft in session storage).
    await popup.reload();
    await expect.poll(() => popup.locator('[data-testid="empty-state"]').count()).toBe(1);
    await broadcast(good);
    await expect.poll(() => popup.getByLabel(MANUAL_CHECKS[0].label).isChecked()).toBe(true);

    // An empty draft is not "Not ready · 3 open flags": it asks for writing.
    await broadcast(state('', { version: 3 }));
    await expect.poll(() => verdict.textContent()).toContain('Start writing');
    expect(await popup.locator('main').innerText()).not.toMatch(/No apology|No empathy|Not ready|open flags/);
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

    // Export, change a setting, then import that file back: the preview says what changes, Import applies it, Undo restores.
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export team pack' }).click();
    const file = await (await download).path();
    await t.setSettings({ voice: 'formal', disabledCategories: ['blame'] });
    await options.reload();
    await options.locator('input[type=file]').setInputFiles(file!);
    const preview = options.locator('[data-testid="pack-preview"]');
    await expect.poll(() => preview.locator('[data-testid="pack-changes"]').textContent()).toContain('Voice of suggested replies: formal → warm');
    // Nothing is applied until Import.
    expect(await t.getSettings()).toMatchObject({ voice: 'formal' });
    await preview.getByRole('radio', { name: /^Replace/ }).check();
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.locator('[data-testid="import-result"]').textContent()).toContain('Team pack imported');
    expect(await t.getSettings()).toMatchObject({ voice: 'warm', disabledCategories: ['blame'] });
    await options.getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(async () => ((await t.getSettings()) as { voice?: string }).voice).toBe('formal');
    await options.close();
  });

  it('imports a phrase-only pack by merging it into your phrases, and refuses one that lists a phrase twice', async () => {
    await t.setSettings({ voice: 'warm', disabledCategories: [], customPhrases: [{ avoid: 'no worries', prefer: 'happy to help' }] });
    const options = await t.openExtensionPage('options.html');
    const pack = (customPhrases: object[]) => ({
      name: 'phrases.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'tactful-team-pack', version: 1, settings: { customPhrases } })),
    });
    await options.locator('input[type=file]').setInputFiles(pack([{ avoid: 'per our policy' }, { avoid: 'Per our policy' }]));
    await expect.poll(() => options.locator('[data-testid="import-result"]').textContent()).toMatch(/Phrase 2: "Per our policy" is already phrase 1/);

    await options.locator('input[type=file]').setInputFiles(pack([{ avoid: 'per our policy', prefer: 'what I can do is' }, { avoid: 'No worries', prefer: 'glad to help' }]));
    const changes = options.locator('[data-testid="pack-changes"] li');
    await expect.poll(() => changes.allTextContents()).toEqual(['Adds 1 phrase: “per our policy”', 'Updates 1 phrase: “No worries”']);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(async () => ((await t.getSettings()) as { customPhrases: { avoid: string }[] }).customPhrases.map((p) => p.avoid)).toEqual([
      'No worries',
      'per our policy',
    ]);
    expect(await t.getSettings()).toMatchObject({ voice: 'warm' });
    await options.close();
  });

  it('lists rules by name with what they flag and an example, and finds them by search', async () => {
    const options = await t.openExtensionPage('options.html');
    const calm = options.locator('li[data-rule-id="dismissive/calm-down"]');
    expect(await calm.locator('strong').textContent()).toBe('Calm down');
    expect(await calm.locator('.rule-description').textContent()).toMatch(/how to feel/);
    expect(await calm.locator('.rule-examples').textContent()).toMatch(/^Flags: .+/);
    // No bare batch ids as names.
    expect(await options.locator('ul.rules strong').allTextContents()).not.toContainEqual(expect.stringMatching(/^X /));
    await options.getByLabel('Find a rule').fill('calm down');
    await expect.poll(() => calm.isVisible()).toBe(true);
    const visible = await options.locator('ul.rules li').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).length);
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(10);
    await options.close();
  });
});

describe('dark mode', () => {
  it('sets color-scheme so form controls follow, and keeps placeholder highlights readable (≥ 4.5:1) in both schemes', async () => {
    const panel = await openFedPage(t, 'sidepanel.html');
    const s = state('Hi Dana,\nIt will ship soonish, I promise.\nJo');
    s.result.findings = [
      {
        ruleId: 'custom/soonish',
        category: 'overpromise',
        severity: 'warning',
        start: s.reply.indexOf('soonish'),
        end: s.reply.indexOf('soonish') + 'soonish'.length,
        message: 'Vague timing.',
        rationale: 'Team phrase list: "soonish" → "by [date]".',
        suggestions: [{ label: 'Give a date', replacement: 'by [date]' }],
      },
    ];
    await broadcast(s);
    await expect.poll(() => panel.locator('mark.placeholder').count()).toBeGreaterThan(0);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      expect(await panel.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light dark');
      const ratios: number[] = await panel.locator('mark.placeholder').evaluateAll((marks) => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]: number[]) =>
          [r, g, b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
        return marks.map((m) => {
          const st = getComputedStyle(m);
          const [a, b] = [lum(rgb(st.color)), lum(rgb(st.backgroundColor))];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        });
      });
      for (const r of ratios) expect(r, scheme).toBeGreaterThanOrEqual(4.5);
      // The page background follows the scheme.
      const bg = await panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(21, 24, 29)' : 'rgb(255, 255, 255)');
    }
    await panel.close();
  });
});
