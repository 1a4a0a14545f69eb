// Underlines sit on their words (within 2 px) in all four editor kinds after
// typing, resizing and scrolling; words scrolled out of a container lose their
// underline; the card closes when the words under it change; and the card is
// reachable from the keyboard (Alt+Shift+F opens it at the caret, focus moves
// in, Escape returns focus to the editor at the same caret).
//
// Where words are: for rich editors a DOM Range over them; for a textarea,
// which exposes no layout, the pixels Chromium paints when the words are
// selected with a magenta ::selection (a truth independent of Tactful's mirror).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, EDITOR, inOverlay, launchTactful, panelState, textRects, typeDraft, underlines, waitForUnderline, type Rect, type Site, type Tactful } from './harness.ts';

// One long paragraph: the flagged words sit mid-line on wrapped lines, where a
// mirror that lays text out a few pixels wider or narrower drifts.
const DRAFT =
  'Hi Sam,\nThanks for your patience while we looked into this for you. The parcel left our warehouse on Monday and the courier scanned it in Leeds on Tuesday evening. ' +
  "Calm down, it's only a small delay. The courier tried twice on Wednesday. You didn't give us a valid phone number, so the courier couldn't deliver.";

const KINDS: { site: Site; kind: string }[] = [
  { site: 'gmail', kind: 'contenteditable' },
  { site: 'zendesk', kind: 'ckeditor' },
  { site: 'upwork', kind: 'prosemirror' },
  { site: 'fiverr', kind: 'textarea' },
];

let t: Tactful;
beforeAll(async () => {
  t = await launchTactful();
  await t.setSettings({ sites: { 'www.upwork.com': true, 'www.fiverr.com': true } });
});
afterAll(async () => t?.close());

/** Where the browser draws `phrase` now (viewport px, only the visible part), one box per line. */
async function wordBoxes(page: Page, selector: string, phrase: string): Promise<Rect[]> {
  const isTextarea = await page.locator(selector).evaluate((el) => el instanceof HTMLTextAreaElement);
  if (!isTextarea) {
    const rects = await textRects(page, selector, phrase);
    // Cut to what the editor and its clipping ancestors show, like the pixels of a textarea are.
    const clip = await page.locator(selector).evaluate((el) => {
      let r = el.getBoundingClientRect();
      let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        r = p.getBoundingClientRect();
        const inner = { left: r.left + p.clientLeft, top: r.top + p.clientTop, right: r.left + p.clientLeft + p.clientWidth, bottom: r.top + p.clientTop + p.clientHeight };
        box = { left: Math.max(box.left, inner.left), top: Math.max(box.top, inner.top), right: Math.min(box.right, inner.right), bottom: Math.min(box.bottom, inner.bottom) };
      }
      // And the window: nothing below the fold is visible either.
      return { left: Math.max(box.left, 0), top: Math.max(box.top, 0), right: Math.min(box.right, innerWidth), bottom: Math.min(box.bottom, innerHeight) };
    });
    return rects
      .map((r) => {
        const left = Math.max(r.x, clip.left);
        const top = Math.max(r.y, clip.top);
        return { x: left, y: top, width: Math.min(r.x + r.width, clip.right) - left, height: Math.min(r.y + r.height, clip.bottom) - top };
      })
      .filter((r) => r.width > 1 && r.height > 1);
  }
  const restore = await page.locator(selector).evaluate((el, phrase) => {
    const ta = el as HTMLTextAreaElement;
    if (!document.getElementById('truth-style')) {
      const style = document.createElement('style');
      style.id = 'truth-style';
      style.textContent = 'textarea::selection { background: rgb(255, 0, 255); color: rgb(255, 0, 255); } textarea { caret-color: transparent; }';
      document.head.append(style);
    }
    (document.querySelector('tactful-overlay') as HTMLElement).style.visibility = 'hidden';
    const saved = { start: ta.selectionStart, end: ta.selectionEnd, top: ta.scrollTop };
    const i = ta.value.indexOf(phrase);
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(i, i + phrase.length);
    ta.scrollTop = saved.top; // selecting must not scroll what is being measured
    return saved;
  }, phrase);
  const box = await page.locator(selector).boundingBox();
  const png = await page.screenshot({ clip: box! });
  await page.locator(selector).evaluate((el, saved) => {
    const ta = el as HTMLTextAreaElement;
    ta.setSelectionRange(saved.start, saved.end);
    ta.scrollTop = saved.top;
    (document.querySelector('tactful-overlay') as HTMLElement).style.visibility = '';
  }, restore);
  return page.evaluate(
    async ({ b64, origin }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const lines: { x0: number; x1: number; y0: number; y1: number }[] = [];
      for (let y = 0; y < height; y++) {
        let x0 = -1;
        let x1 = -1;
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (data[i] > 200 && data[i + 1] < 60 && data[i + 2] > 200) {
            if (x0 < 0) x0 = x;
            x1 = x;
          }
        }
        if (x0 < 0) continue;
        const last = lines.at(-1);
        if (last && last.y1 === y - 1) Object.assign(last, { y1: y, x0: Math.min(last.x0, x0), x1: Math.max(last.x1, x1) });
        else lines.push({ x0, x1, y0: y, y1: y });
      }
      return lines.map((l) => ({ x: origin.x + l.x0, y: origin.y + l.y0, width: l.x1 - l.x0 + 1, height: l.y1 - l.y0 + 1 }));
    },
    { b64: png.toString('base64'), origin: { x: box!.x, y: box!.y } },
  );
}

/**
 * Every visible piece of the words has an underline whose left and right edges
 * are within 2 px of it and which sits on the same line; no underline of that
 * finding is drawn anywhere else.
 */
async function expectUnderlinesOnWords(page: Page, selector: string, ruleId: string, phrase: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const words = await wordBoxes(page, selector, phrase);
    const lines = (await underlines(page)).filter((u) => u.ruleId === ruleId).map((u) => u.rect);
    const onWords = (w: Rect, u: Rect) => Math.abs(u.x - w.x) <= 2 && Math.abs(u.x + u.width - (w.x + w.width)) <= 2 && u.y < w.y + w.height && u.y + u.height > w.y;
    if (words.length === lines.length && words.every((w) => lines.some((u) => onWords(w, u)))) return;
    if (Date.now() > deadline) expect.fail(`underlines of ${ruleId} not on "${phrase}": ${JSON.stringify({ words, lines })}`);
    await page.waitForTimeout(100);
  }
}

/** Puts the caret `offset` characters into `phrase` without a click (a click would open the card). */
async function placeCaret(page: Page, selector: string, phrase: string, offset: number): Promise<void> {
  await page.locator(selector).focus();
  await page.locator(selector).evaluate(
    (el, { phrase, offset }) => {
      if (el instanceof HTMLTextAreaElement) {
        const i = el.value.indexOf(phrase) + offset;
        return void el.setSelectionRange(i, i);
      }
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.nodeValue ?? '').indexOf(phrase);
        if (i >= 0) return void getSelection()!.setBaseAndExtent(n, i + offset, n, i + offset);
      }
    },
    { phrase, offset },
  );
  await page.waitForTimeout(100); // editors sync their model selection from the DOM
}

// TACTFUL_OVERLAY_KINDS=textarea narrows a run while debugging.
const only = process.env.TACTFUL_OVERLAY_KINDS?.split(',');
for (const { site, kind } of KINDS.filter((k) => !only || only.includes(k.kind))) {
  describe(`overlay in ${kind} (${site})`, () => {
    let page: Page;
    // The flagged words and their rule as the engine reports them now (a re-analysis may pick another rule for the same words).
    // A rule's finding: the tone model may also flag other sentences of this draft, depending on the site's customer thread.
    const flagged = async (category: string): Promise<{ ruleId: string; text: string }> => {
      const state = await panelState(t);
      const f = state.result.findings.find((x: any) => x.category === category && !x.ruleId.startsWith('model/'));
      if (!f) throw new Error(`no ${category} finding in ${JSON.stringify(state.reply)}`);
      return { ruleId: f.ruleId, text: f.text };
    };
    const sel = EDITOR[site];
    beforeAll(async () => {
      page = await t.openSite(site);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 }).catch(() => {});
      await typeDraft(page, sel, DRAFT);
      await waitForUnderline(page, 'dismissive');
      await waitForUnderline(page, 'blame');
    });
    afterAll(async () => page?.close());

    const bothOnWords = async () => {
      for (const category of ['dismissive', 'blame']) {
        const f = await flagged(category);
        await expectUnderlinesOnWords(page, sel, f.ruleId, f.text);
      }
    };

    it('underlines sit on their words after typing, also on wrapped later lines', async () => {
      if (kind === 'textarea') await page.locator(sel).evaluate((el) => ((el as HTMLElement).style.height = '320px'));
      await bothOnWords();
      // Typing before them moves them along.
      await page.locator(sel).focus();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('Hello again. ');
      await bothOnWords();
    });

    it('follow a resized editor and a resized window', async () => {
      await page.locator(sel).evaluate((el) => ((el.closest('.M9, .ticket, #composer, #root') ?? el) as HTMLElement).style.width = '430px');
      if (kind === 'textarea') await page.locator(sel).evaluate((el) => ((el as HTMLElement).style.width = '400px'));
      await bothOnWords();
      await page.setViewportSize({ width: 1000, height: 700 });
      await bothOnWords();
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    it('follow page and editor scrolling, and vanish with words scrolled out of a container', async () => {
      await page.evaluate(() => {
        document.body.style.paddingBottom = '2000px';
        window.scrollTo(0, 120);
      });
      await bothOnWords();
      await page.evaluate(() => window.scrollTo(0, 0));
      // A scrolling box around the editor (the textarea scrolls itself), scrolled so the first flagged line is cut off or gone.
      await page.locator(sel).evaluate((el) => {
        if (el instanceof HTMLTextAreaElement) {
          el.style.height = '90px';
          el.scrollTop = 60;
          return;
        }
        const box = el.closest('.M9, .ck-editor, #composer') as HTMLElement;
        box.style.height = '110px';
        box.style.overflow = 'auto';
        box.scrollTop = 80;
      });
      await bothOnWords();
      // Scrolled just far enough that the dismissive words are above the visible area: their underline goes too.
      // (Room below the text lets the box scroll that far.)
      const calm = await flagged('dismissive');
      const blame = await flagged('blame');
      await page.locator(sel).evaluate((el) => {
        if (!(el instanceof HTMLTextAreaElement)) return void ((el as HTMLElement).style.paddingBottom = '400px');
        // A textarea's padding does not scroll: empty lines at the end do (typed, so React keeps up).
        el.focus();
        el.setSelectionRange(el.value.length, el.value.length);
        document.execCommand('insertText', false, '\n'.repeat(12));
      });
      for (let i = 0; i < 60 && (await wordBoxes(page, sel, calm.text)).length; i++) {
        await page.locator(sel).evaluate((el) => {
          const scroller = el instanceof HTMLTextAreaElement ? el : (el.closest('.M9, .ck-editor, #composer') as HTMLElement);
          scroller.scrollTop += 4;
        });
      }
      expect(await wordBoxes(page, sel, calm.text)).toEqual([]);
      await bothOnWords();
      expect((await wordBoxes(page, sel, blame.text)).length).toBeGreaterThan(0);
      const scroller = await page.locator(sel).evaluate((el) => {
        const s = el instanceof HTMLTextAreaElement ? el : (el.closest('.M9, .ck-editor, #composer') as HTMLElement);
        const r = s.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      for (const u of await underlines(page)) {
        expect(u.rect.y).toBeGreaterThanOrEqual(scroller.y - 1);
        expect(u.rect.y + u.rect.height).toBeLessThanOrEqual(scroller.y + scroller.height + 1);
      }
      // Back to a plain layout for the card tests.
      await page.locator(sel).evaluate((el) => {
        const s = el instanceof HTMLTextAreaElement ? el : (el.closest('.M9, .ck-editor, #composer') as HTMLElement);
        s.style.height = el instanceof HTMLTextAreaElement ? '320px' : '';
        s.style.overflow = '';
        (el as HTMLElement).style.paddingBottom = '';
        s.scrollTop = 0;
      });
    });

    it('closes the card when the words under it change', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const calm = await flagged('dismissive');
      const [u] = await waitForUnderline(page, calm.ruleId).catch(async (e) => {
        throw new Error(`${e.message}; words at ${JSON.stringify(await textRects(page, sel, calm.text))}, editor at ${JSON.stringify(await page.locator(sel).boundingBox())}`);
      });
      // Clicking the words opens the card and leaves the caret in them.
      await page.mouse.click(u.rect.x + 4, u.rect.y + u.rect.height / 2 - 2);
      await expect.poll(() => card(page).count()).toBe(1);
      await page.keyboard.type('x');
      await expect.poll(() => card(page).count()).toBe(0);
      await page.keyboard.press('Backspace');
    });

    it('keyboard: Alt+Shift+F opens the card at the caret, focus moves in, Escape returns it to the editor at the same caret', async () => {
      const { ruleId: calmRule, text: calm } = await flagged('dismissive');
      await waitForUnderline(page, calmRule);
      await placeCaret(page, sel, calm, 3);
      const caret = () =>
        page.locator(sel).evaluate((el) => {
          if (el instanceof HTMLTextAreaElement) return { focused: document.activeElement === el, at: `${el.selectionStart}` };
          const s = getSelection()!;
          return { focused: el.contains(document.activeElement) || document.activeElement === el, at: `${s.anchorNode?.nodeValue}@${s.anchorOffset}` };
        });
      const before = await caret();
      expect(before.focused).toBe(true);
      await page.keyboard.press('Alt+Shift+KeyF');
      await expect.poll(() => card(page).count()).toBe(1);
      expect(await card(page).locator(`section.finding[data-rule-id="${calmRule}"]`).count()).toBe(1);
      const focusedInCard = async () =>
        (await page.evaluate(() => document.activeElement === document.querySelector('tactful-overlay'))) &&
        (await inOverlay<boolean>(page, `(root) => !!(root && root.activeElement && root.activeElement.closest('.card'))`));
      await expect.poll(focusedInCard).toBe(true);
      await page.keyboard.press('Tab');
      expect(await focusedInCard()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => card(page).count()).toBe(0);
      await expect.poll(caret).toEqual(before);
      // Typing goes on where the caret was.
      await page.keyboard.type('Z');
      const text = await page.locator(sel).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));
      expect(text).toContain(`${calm.slice(0, 3)}Z${calm.slice(3)}`);
      await page.keyboard.press('Backspace');
    });

    it('keyboard: Enter on a suggestion in the card applies it through the same path', async () => {
      const before = await page.locator(sel).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));
      // The blame finding: with the tone model on, whether "Calm down" keeps a gated rewrite depends on the site's customer thread.
      const { ruleId: flaggedRule, text: words } = await flagged('blame');
      await waitForUnderline(page, flaggedRule);
      await placeCaret(page, sel, words, 1);
      await page.keyboard.press('Alt+Shift+KeyF');
      await expect.poll(() => card(page).count()).toBe(1);
      // Suggestions are fetched when the card opens: wait for them before pressing Enter.
      await expect.poll(() => card(page).getByRole('button', { name: /^Apply/ }).count()).toBeGreaterThan(0);
      await page.keyboard.press('Enter'); // the first button: the first suggestion's Apply
      await expect.poll(() => card(page).count()).toBe(0);
      const after = await page.locator(sel).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));
      // One occurrence fewer of the flagged words (count, not presence: quoted history may repeat words).
      expect(after.split(words).length).toBe(before.split(words).length - 1);
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.locator(sel).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText))).toBe(before);
    });

    it('the context-menu entry opens the card for the words at the caret (right-click puts the caret there)', async () => {
      const { ruleId, text } = await flagged('dismissive');
      await waitForUnderline(page, ruleId);
      await placeCaret(page, sel, text, 2);
      const { tabId } = await panelState(t);
      // What the background sends when "Tactful suggestions for these words" is clicked.
      await t.serviceWorker.evaluate((id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'card:open-at-caret' }), tabId);
      await expect.poll(() => card(page).locator(`section.finding[data-rule-id="${ruleId}"]`).count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => card(page).count()).toBe(0);
    });
  });
}
