// Damaged stored settings (wrong types, nested garbage) in the real extension:
// the worker cleans them field by field, the page keeps being analysed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, launchTactful, typeDraft, underlines, waitForUnderline, type Tactful } from './harness.ts';

describe('stored settings of the wrong type', () => {
  let t: Tactful;
  beforeAll(async () => {
    t = await launchTactful();
  });
  afterAll(async () => t?.close());

  it('never stop analysis in the page, and the one valid field among them still counts', async () => {
    // Written over whatever was there: nothing of the right type except one category to turn off.
    await t.serviceWorker.evaluate(() =>
      (globalThis as any).chrome.storage.local.set({
        'tactful:settings': {
          enabled: 'yes',
          sensitivity: 42,
          sites: null,
          disabledCategories: ['blame', 7, { nested: [null] }],
          disabledRules: { a: 1 },
          customPhrases: 'x',
          voice: [[]],
        },
      }),
    );
    const page = await t.openSite('gmail');
    await typeDraft(page, EDITOR.gmail, "Hi Sam,\nYou didn't attach the invoice. Calm down, it's only a small delay.");
    await waitForUnderline(page, 'dismissive');
    expect((await underlines(page)).some((u) => u.category === 'blame')).toBe(false);
    await page.close();
  });
});
