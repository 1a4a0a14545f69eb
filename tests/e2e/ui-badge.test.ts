// The editor badge never covers the draft's words or the site's own Send
// button, in each kind of editor: Gmail-like contenteditable, CKEditor 5
// (Zendesk), ProseMirror (Upwork) and a React textarea (Fiverr). The editors
// are given a fixed height and scrolled to the middle of a long draft, so text
// runs to the bottom-right corner where the badge used to sit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badge, EDITOR, editorTextLines, launchTactful, type Rect, type Site, type Tactful } from './harness.ts';

const SENTENCE = 'Calm down, I already told you the parcel left our warehouse on Monday and tracking will update soon. ';
const SEND: Record<Exclude<Site, 'generic'>, string> = {
  gmail: '#compose-1 [role="button"][aria-label="Send"]',
  zendesk: '#ticket-4711 [data-test-id="submit_button-button"]',
  upwork: '.up-d-composer-actions button',
  fiverr: '.composer-actions button',
};

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

let t: Tactful;
beforeAll(async () => {
  t = await launchTactful();
  // Marketplaces are optional sites: on in settings (the e2e build pre-grants their origins).
  await t.setSettings({ sites: { 'www.upwork.com': true, 'www.fiverr.com': true } });
});
afterAll(async () => t?.close());

describe.each(Object.keys(SEND) as (keyof typeof SEND)[])('%s', (site) => {
  it('shows the badge where it covers no line of text and not the Send button', async () => {
    const page = await t.openSite(site);
    const editor = page.locator(EDITOR[site]);
    await editor.waitFor();
    // A reply box of fixed height that scrolls, as the real sites have.
    await page.addStyleTag({ content: `${EDITOR[site]} { height: 160px !important; max-height: 160px !important; min-height: 0 !important; overflow-y: auto !important; box-sizing: border-box; }` });
    await editor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText(SENTENCE.repeat(12));
    // Text fills the box down to its bottom-right corner.
    await editor.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    await expect.poll(async () => (await badge(page))?.text, { timeout: 15_000 }).toMatch(/^\d+$/);
    // Until the redraw after the scroll has moved the badge off the lines now in the corner.
    const covered = async () => {
      const now = await badge(page);
      return now ? (await editorTextLines(page, EDITOR[site])).filter((l) => intersects(now, l)) : null;
    };
    await expect.poll(covered, { timeout: 5_000 }).toEqual([]);

    const b = (await badge(page))!;
    const lines = await editorTextLines(page, EDITOR[site]);
    const box = (await editor.boundingBox())!;
    // The test means something: text reaches the bottom-right corner of the box.
    expect(lines.some((l) => l.x + l.width > box.x + box.width - 60 && l.y + l.height > box.y + box.height - 40)).toBe(true);
    expect(lines.filter((l) => intersects(b, l))).toEqual([]);
    const send = (await page.locator(SEND[site]).boundingBox())!;
    expect(intersects(b, send)).toBe(false);
    // Still by the editor: within a badge's width of its right edge, between its top and bottom.
    expect(b.x).toBeGreaterThan(box.x + box.width / 2);
    expect(b.x).toBeLessThan(box.x + box.width + b.width + 8);
    expect(b.y + b.height).toBeGreaterThan(box.y - b.height - 8);
    expect(b.y).toBeLessThan(box.y + box.height);
    await page.close();
  }, 60_000);
});
