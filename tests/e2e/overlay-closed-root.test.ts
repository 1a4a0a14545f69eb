// The card can show a team's internal notes: the page it sits on must not be
// able to read them. The overlay's shadow root is closed, and the content
// script's world is not the page's, so even a page that wraps attachShadow
// before Tactful runs gets nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, clickUnderline, EDITOR, launchTactful, typeDraft, waitForUnderline, type Tactful } from './harness.ts';

const NOTE = 'Internal: refunds over 50 EUR need Dana in billing.';

describe("the overlay's shadow root", () => {
  let t: Tactful;
  let page: Page;
  beforeAll(async () => {
    t = await launchTactful();
    await t.setSettings({ customPhrases: [{ avoid: 'store credit', prefer: 'a refund', note: NOTE, category: 'dismissive' }] });
    page = await t.context.newPage();
    // A hostile page: it wraps attachShadow before anything else runs, to keep every shadow root it can.
    await page.addInitScript(() => {
      const w = window as any;
      w.__caughtRoots = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = attach.call(this, init);
        w.__caughtRoots.push(root);
        return root;
      };
    });
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQ');
    await typeDraft(page, EDITOR.gmail, 'Hi Sam,\nWe can offer store credit for the delay.');
    const [u] = await waitForUnderline(page, (x) => x.ruleId.startsWith('custom/'));
    await clickUnderline(page, u);
  });
  afterAll(async () => t?.close());

  it('shows the team note in the card (read over the DevTools protocol, as only the browser can)', async () => {
    await expect.poll(() => card(page).textContent()).toContain(NOTE);
  });

  it("gives the page's own script null for the shadow root, and no way to find the card's text", async () => {
    const seen = await page.evaluate((note) => {
      const host = document.querySelector('tactful-overlay') as HTMLElement | null;
      const everyText = [...document.querySelectorAll('*')].map((el) => `${el.textContent} ${el.shadowRoot?.textContent ?? ''}`).join(' ');
      const caught = ((window as any).__caughtRoots as ShadowRoot[]).map((r) => r.textContent ?? '').join(' ');
      return {
        hostThere: !!host,
        shadowRoot: host?.shadowRoot ?? null,
        inDom: everyText.includes(note) || document.documentElement.innerText.includes(note),
        caught: caught.includes(note),
        // Reattaching to steal it fails: the host already has its (closed) root.
        reattach: (() => {
          try {
            host?.attachShadow({ mode: 'open' });
            return 'attached';
          } catch (e) {
            return (e as Error).name;
          }
        })(),
      };
    }, NOTE);
    expect(seen).toEqual({ hostThere: true, shadowRoot: null, inDom: false, caught: false, reattach: 'NotSupportedError' });
  });
});
