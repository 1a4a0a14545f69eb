// axe-core on the side panel, popup and options pages of the built extension,
// in light and dark colour schemes, at 360 px and at 200% browser zoom. Any
// violation (WCAG 2.1 A/AA and axe's best practices: contrast, labels,
// landmarks, focus order) fails the test, listed by rule and element.
//
// 200% zoom: browser zoom halves the CSS viewport and doubles devicePixelRatio,
// which is what layout, media queries and axe see, so it is emulated exactly
// that way (CDP device metrics). The side panel and popup are ~360 px wide in
// the browser, so at 200% they lay out in 180 CSS px; the options page is a
// tab, so a 1280 × 900 window at 200% gives 640 × 450 CSS px.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchTactful, ROOT, type Tactful } from './harness.ts';
import { feed, openFedPage } from './ui-feed.ts';
import { analyze } from '../../analyzers/index.ts';
import type { DraftState } from '../../lib/messages.ts';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const CUSTOMER = 'My order #5521 still has not shipped and nobody answers. I want my money back NOW or I will call my lawyer.';
const ANGRY_REPLY = 'Hi Dana,\nCalm down. As I already explained, per our policy we cannot refund shipped orders. You should have read the terms.\nJo';

const angryDraft = (): DraftState => ({
  tabId: 4242,
  draftId: 'a11y-draft',
  site: 'gmail',
  editorKind: 'contenteditable',
  channel: 'email',
  internalNote: false,
  reply: ANGRY_REPLY,
  customer: CUSTOMER,
  result: analyze({ reply: ANGRY_REPLY, customer: CUSTOMER, channel: 'email' }),
  version: 1,
  updatedAt: Date.now(),
});

type PagePath = 'sidepanel.html' | 'popup.html' | 'options.html';
interface Size { width: number; height: number; scale: number; name: string }
const NARROW: Size = { width: 360, height: 800, scale: 1, name: '360 px' };
const ZOOM_PANEL: Size = { width: 180, height: 400, scale: 2, name: '200% zoom of a 360 px panel' };
const ZOOM_TAB: Size = { width: 640, height: 450, scale: 2, name: '200% zoom of a 1280 × 900 tab' };
const SIZES: Record<PagePath, Size[]> = {
  'sidepanel.html': [NARROW, ZOOM_PANEL],
  'popup.html': [NARROW, ZOOM_PANEL],
  'options.html': [NARROW, ZOOM_TAB],
};

let t: Tactful;
beforeAll(async () => {
  t = await launchTactful();
});
afterAll(async () => t?.close());

/** Every axe violation on the page, one line each: rule, impact, the elements. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  const { passed, found } = await page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    const passed = result.passes.reduce((n: number, p: any) => n + p.nodes.length, 0);
    return { passed, found: result.violations.map(
      (v: any) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n: any) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}]` : ''}`).slice(0, 4).join('; ')}`,
    ) as string[] };
  });
  // axe really looked at the page (a blank or unstyled page would pass trivially).
  expect(passed).toBeGreaterThan(20);
  return found;
}

describe.each(['sidepanel.html', 'popup.html', 'options.html'] as PagePath[])('%s', (path) => {
  it.each(['light', 'dark'] as const)('has no axe violation in the %s colour scheme, at 360 px and at 200% zoom', async (scheme) => {
    // Options takes no draft (and opens no port to the worker).
    const page = path === 'options.html' ? await t.openExtensionPage(path) : await openFedPage(t, path);
    await page.emulateMedia({ colorScheme: scheme });
    if (path !== 'options.html') {
      await feed(angryDraft());
      await page.locator('[data-testid="verdict"]').first().waitFor({ timeout: 10_000 });
    } else {
      await page.locator('main').first().waitFor();
    }
    const cdp = await t.context.newCDPSession(page);
    const found: string[] = [];
    for (const size of SIZES[path]) {
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: size.width, height: size.height, deviceScaleFactor: size.scale, mobile: false });
      await page.waitForTimeout(100); // one layout at the new size
      expect(await page.evaluate(() => [innerWidth, devicePixelRatio])).toEqual([size.width, size.scale]);
      for (const v of await violations(page)) found.push(`${size.name}: ${v}`);
    }
    await cdp.detach();
    await page.close();
    expect(found).toEqual([]);
  }, 60_000);
});

it('reports a violation when there is one (an unlabelled, low-contrast control added to the side panel)', async () => {
  const page = await openFedPage(t, 'sidepanel.html');
  await feed(angryDraft());
  await page.locator('[data-testid="verdict"]').first().waitFor({ timeout: 10_000 });
  await page.evaluate(() => {
    const input = document.createElement('input');
    const faint = document.createElement('p');
    faint.textContent = 'Faint words';
    faint.style.color = '#ccc';
    document.querySelector('main')!.append(input, faint);
  });
  const found = await violations(page);
  expect(found.some((v) => v.startsWith('label '))).toBe(true);
  expect(found.some((v) => v.startsWith('color-contrast '))).toBe(true);
  await page.close();
}, 60_000);
