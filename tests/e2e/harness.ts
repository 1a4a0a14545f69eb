/**
 * E2E harness: loads the BUILT Tactful extension (.output/chrome-mv3) into
 * Debian's Chromium via playwright-core and serves fixture pages at the real
 * site origins with `context.route`. Run after `npm run build` (the
 * `test:e2e` script does that with TACTFUL_E2E_HOSTS=1 into .output/e2e/); fixtures are bundled on demand.
 *
 * API (stable; tests/e2e/ui-*.test.ts build on it):
 *   const t = await launchTactful();          // one browser per test file (beforeAll); opts { headless, extensionDir }
 *   t.context / t.extensionId / t.serviceWorker
 *   t.externalRequests                         // URLs that would have left the machine (aborted)
 *   await t.openSite('gmail' | 'zendesk' | 'upwork' | 'fiverr' | 'generic') -> Page at the real origin
 *   await t.openExtensionPage('sidepanel.html' | 'popup.html' | 'options.html') -> Page (chrome-extension://ID/…)
 *   await t.getSettings() / t.setSettings(partial)   // chrome.storage.local 'tactful:settings', from the worker
 *   await t.close()
 *   EDITOR[site]                              // CSS selector of the fixture's main reply editor per site
 *   await typeDraft(page, selector, text)     // clicks the editor end and types with the real keyboard
 *   await underlines(page)                    // [{ruleId, category, severity, rect}] from <tactful-overlay>'s closed shadow root (over CDP)
 *   await waitForUnderline(page, ruleIdOrPredicate, timeoutMs?)
 *   await textRects(page, editorSelector, phrase) // client rects of `phrase` inside the editor (Range or textarea mirror)
 *   rectsOverlap(a, b)                         // true when two rects intersect meaningfully
 *   await clickUnderline(page, underline)     // clicks the flagged text's centre (opens the card)
 *   card(page)                                 // OverlayLocator of the open card (Locator-like, over CDP; clicks with the real mouse)
 *   inOverlay(page, '(root, arg) => …', arg)   // runs code with the overlay's closed shadow root; inOverlayLocator(page, css)
 *   await panelState(t)                        // latest DraftState the background would show (panel:get)
 */
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker, type Locator } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname } from 'node:path';
import { execFileSync } from 'node:child_process';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The e2e build (TACTFUL_E2E_HOSTS=1): store manifest + the marketplace fixtures' origins pre-granted. */
export const EXTENSION_DIR = join(ROOT, '.output/e2e/chrome-mv3');
const FIXTURES = join(ROOT, 'tests/fixtures');
const FIXTURES_DIST = join(FIXTURES, 'dist');

export type Site = 'gmail' | 'zendesk' | 'upwork' | 'fiverr' | 'generic';

/** Real origins the fixtures are served at. */
export const SITE_URL: Record<Site, string> = {
  gmail: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ',
  zendesk: 'https://acme.zendesk.com/agent/tickets/4711',
  upwork: 'https://www.upwork.com/ab/messages/rooms/room_1',
  fiverr: 'https://www.fiverr.com/inbox/customer1',
  generic: 'https://forum.example.org/reply',
};
const SITE_PAGE: Record<Site, string> = {
  gmail: 'gmail.html',
  zendesk: 'zendesk.html',
  upwork: 'upwork.html',
  fiverr: 'fiverr.html',
  generic: 'generic.html',
};

/** The main reply editor in each fixture page. */
export const EDITOR: Record<Site, string> = {
  gmail: '#compose-1 [g_editable="true"][role="textbox"]',
  zendesk: '#ticket-4711 .ck-editor__editable[data-test-id="omnicomposer-rich-text-ckeditor"]',
  upwork: '#composer .ProseMirror',
  fiverr: '#fiverr-message',
  generic: '#generic-reply',
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** `npm run test:e2e` builds first; a bare `vitest run --project e2e` builds once if nothing is there. */
export function assertBuilt(): void {
  if (existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TACTFUL_E2E_HOSTS: '1' } });
}

/** Bundles fixture scripts (ProseMirror, React) once; cheap when up to date. */
export function ensureFixtures(): void {
  const stamp = join(FIXTURES_DIST, '.built');
  const sources = ['build-upwork.ts', 'build-fiverr.tsx'].map((f) => join(FIXTURES, 'src', f));
  const fresh = existsSync(stamp) && sources.every((s) => !existsSync(s) || statSync(s).mtimeMs < statSync(stamp).mtimeMs);
  if (!fresh) execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/build-fixtures.ts')], { stdio: 'inherit', cwd: ROOT });
}

/** Static files under /__fixtures/ on any fixture origin. */
function fixtureAsset(pathname: string): string | undefined {
  const name = pathname.replace(/^\/__fixtures\//, '');
  if (name.includes('..')) return undefined;
  const candidates = [join(FIXTURES_DIST, name), join(FIXTURES, name)];
  if (name.startsWith('ckeditor5')) candidates.unshift(join(ROOT, 'node_modules/ckeditor5/dist/browser', name));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

function siteForHost(host: string): Site | undefined {
  if (host === 'mail.google.com') return 'gmail';
  if (host.endsWith('.zendesk.com')) return 'zendesk';
  if (host === 'www.upwork.com') return 'upwork';
  if (host === 'www.fiverr.com') return 'fiverr';
  if (host === 'forum.example.org') return 'generic';
  return undefined;
}

export interface Tactful {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  externalRequests: string[];
  openSite(site: Site): Promise<Page>;
  openExtensionPage(path: string): Promise<Page>;
  getSettings(): Promise<Record<string, unknown> | undefined>;
  setSettings(partial: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function launchTactful(opts: { headless?: boolean; extensionDir?: string } = {}): Promise<Tactful> {
  if (!opts.extensionDir) assertBuilt();
  ensureFixtures();
  const userDir = mkdtempSync(join(tmpdir(), 'tactful-e2e-'));
  // A private copy: a rebuild of .output during the run must not swap chunks under the browser.
  const extensionDir = join(userDir, 'extension');
  cpSync(opts.extensionDir ?? EXTENSION_DIR, extensionDir, { recursive: true });
  const profileDir = join(userDir, 'profile');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const externalRequests: string[] = [];
  const isLocal = (url: string) => /^(chrome-extension|data|blob|about|chrome):/.test(url);
  context.on('request', (req) => {
    const url = req.url();
    if (isLocal(url)) return;
    const host = new URL(url).host;
    if (!siteForHost(host)) externalRequests.push(url);
  });
  // Only web requests: the extension's own pages and chunks (chrome-extension://) load untouched.
  await context.route((url) => url.protocol === 'https:' || url.protocol === 'http:', async (route) => {
    const url = new URL(route.request().url());
    const site = siteForHost(url.host);
    if (!site) return route.abort();
    if (url.pathname.startsWith('/__fixtures/')) {
      const file = fixtureAsset(url.pathname);
      if (!file) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' } });
    }
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 204, body: '' });
    const headers: Record<string, string> = { 'content-type': MIME['.html'] };
    // Gmail enforces Trusted Types: any innerHTML from the extension would throw there.
    if (site === 'gmail') headers['content-security-policy'] = "require-trusted-types-for 'script'";
    return route.fulfill({ status: 200, body: readFileSync(join(FIXTURES, SITE_PAGE[site])), headers });
  });
  let [serviceWorker] = context.serviceWorkers();
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(serviceWorker.url()).host;

  const tactful: Tactful = {
    context,
    extensionId,
    serviceWorker,
    externalRequests,
    async openSite(site) {
      const page = await context.newPage();
      await page.goto(SITE_URL[site]);
      await page.waitForLoadState('load');
      return page;
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async getSettings() {
      return serviceWorker.evaluate(async () => {
        const got = await (globalThis as any).chrome.storage.local.get('tactful:settings');
        return got['tactful:settings'];
      });
    },
    async setSettings(partial) {
      await serviceWorker.evaluate(async (p) => {
        const storage = (globalThis as any).chrome.storage.local;
        const got = await storage.get('tactful:settings');
        await storage.set({ 'tactful:settings': { ...(got['tactful:settings'] ?? {}), ...p } });
      }, partial);
    },
    async close() {
      await context.close();
      rmSync(userDir, { recursive: true, force: true });
    },
  };
  return tactful;
}

export interface Rect { x: number; y: number; width: number; height: number }
export interface Underline { ruleId: string; category: string; severity: string; rect: Rect }

export async function typeDraft(page: Page, selector: string, text: string): Promise<void> {
  const editor = page.locator(selector);
  await editor.click();
  // Put the caret at the very start (before any signature/quote) for rich editors; end for textareas.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text);
}

export async function underlines(page: Page): Promise<Underline[]> {
  return inOverlay<Underline[]>(
    page,
    `(root) => [...(root ? root.querySelectorAll('.underline[data-rule-id]') : [])].map((el) => {
      const r = el.getBoundingClientRect();
      return { ruleId: el.dataset.ruleId, category: el.dataset.category, severity: el.dataset.severity || '', rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
    })`,
  );
}

export async function waitForUnderline(
  page: Page,
  match: string | ((u: Underline) => boolean),
  timeoutMs = 10_000,
): Promise<Underline[]> {
  const pred = typeof match === 'string' ? (u: Underline) => u.ruleId === match || u.category === match : match;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await underlines(page);
    const hits = all.filter(pred);
    if (hits.length) return hits;
    if (Date.now() > deadline) throw new Error(`No underline matching ${String(match)}; have ${JSON.stringify(all.map((u) => u.ruleId))}`);
    await page.waitForTimeout(150);
  }
}

/** Client rects of the first occurrence of `phrase` in the editor (textarea: mirror measurement). */
export async function textRects(page: Page, editorSelector: string, phrase: string): Promise<Rect[]> {
  return page.evaluate(
    ({ editorSelector, phrase }) => {
      const el = document.querySelector(editorSelector) as HTMLElement | null;
      if (!el) throw new Error(`no editor ${editorSelector}`);
      const toRect = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
      if (el instanceof HTMLTextAreaElement) {
        const i = el.value.indexOf(phrase);
        if (i < 0) return [];
        const cs = getComputedStyle(el);
        const mirror = document.createElement('div');
        for (const p of ['font', 'letterSpacing', 'padding', 'border', 'boxSizing', 'lineHeight', 'width', 'wordSpacing', 'textIndent', 'whiteSpace', 'overflowWrap'] as const)
          (mirror.style as any)[p] = (cs as any)[p];
        mirror.style.whiteSpace = 'pre-wrap';
        mirror.style.overflowWrap = 'break-word';
        mirror.style.position = 'absolute';
        mirror.style.visibility = 'hidden';
        const box = el.getBoundingClientRect();
        mirror.style.left = `${box.left + scrollX}px`;
        mirror.style.top = `${box.top + scrollY - el.scrollTop}px`;
        mirror.append(el.value.slice(0, i));
        const span = document.createElement('span');
        span.textContent = phrase;
        mirror.append(span, el.value.slice(i + phrase.length));
        document.body.append(mirror);
        const rects = [...span.getClientRects()].map(toRect);
        mirror.remove();
        return rects;
      }
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.nodeValue ?? '').indexOf(phrase);
        if (i >= 0) {
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + phrase.length);
          return [...range.getClientRects()].map(toRect);
        }
      }
      return [];
    },
    { editorSelector, phrase },
  );
}

export function rectsOverlap(a: Rect, b: Rect, minFraction = 0.5): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= -3) return false;
  return w >= minFraction * Math.min(a.width, b.width);
}

export async function clickUnderline(page: Page, u: Underline): Promise<void> {
  // Underlines sit at the bottom of the text line: click the text just above them.
  await page.mouse.click(u.rect.x + u.rect.width / 2, u.rect.y + u.rect.height / 2 - 4);
}


/** What the side panel would show: the background's answer to panel:get. */
export async function panelState(t: Tactful): Promise<any> {
  const page = await t.openExtensionPage('popup.html');
  try {
    return await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'panel:get' }));
  } finally {
    await page.close();
  }
}

/** The "show in the draft" highlight boxes drawn in the overlay (empty once they faded). */
export async function highlights(page: Page): Promise<Rect[]> {
  return inOverlay<Rect[]>(
    page,
    `(root) => [...(root ? root.querySelectorAll('.flash') : [])].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    })`,
  );
}

/** Client rects of every line of visible text in the editor (signature and quotes too; textarea: mirror measurement). */
export async function editorTextLines(page: Page, editorSelector: string): Promise<Rect[]> {
  return page.evaluate((editorSelector) => {
    const el = document.querySelector(editorSelector) as HTMLElement | null;
    if (!el) throw new Error(`no editor ${editorSelector}`);
    const toRect = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const box = el.getBoundingClientRect();
    const visible = (r: DOMRect) => r.width > 0 && r.bottom > box.top + el.clientTop && r.top < box.top + el.clientTop + el.clientHeight;
    if (el instanceof HTMLTextAreaElement) {
      const cs = getComputedStyle(el);
      const mirror = document.createElement('div');
      for (const p of ['font', 'letterSpacing', 'padding', 'border', 'boxSizing', 'lineHeight', 'wordSpacing', 'textIndent'] as const) (mirror.style as any)[p] = (cs as any)[p];
      Object.assign(mirror.style, { whiteSpace: 'pre-wrap', overflowWrap: 'break-word', position: 'fixed', visibility: 'hidden', left: `${box.left}px`, top: `${box.top - el.scrollTop}px`, width: `${el.clientWidth + el.clientLeft * 2}px` });
      mirror.textContent = el.value;
      document.body.append(mirror);
      const range = document.createRange();
      range.selectNodeContents(mirror.firstChild!);
      const rects = [...range.getClientRects()].filter(visible).map(toRect);
      mirror.remove();
      return rects;
    }
    const out: { x: number; y: number; width: number; height: number }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.nodeValue?.trim()) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (visible(r)) out.push(toRect(r));
    }
    return out;
  }, editorSelector);
}

/** Selects the first occurrence of `phrase` in the editor (textarea or contenteditable) and focuses it. */
export async function selectText(page: Page, editorSelector: string, phrase: string): Promise<void> {
  await page.evaluate(
    ({ editorSelector, phrase }) => {
      const el = document.querySelector(editorSelector) as HTMLElement;
      el.focus();
      if (el instanceof HTMLTextAreaElement) {
        const i = el.value.indexOf(phrase);
        if (i < 0) throw new Error(`no "${phrase}" in the textarea`);
        el.setSelectionRange(i, i + phrase.length);
        return;
      }
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.nodeValue ?? '').indexOf(phrase);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + phrase.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`no "${phrase}" in the editor`);
    },
    { editorSelector, phrase },
  );
}

/** The rephrase card (options for the selected words) in the overlay. */
export function rephraseCard(page: Page): OverlayLocator {
  return inOverlayLocator(page, '.card.rephrase');
}

/** The editor badge's rect and text, or null when none is shown. */
export async function badge(page: Page): Promise<(Rect & { text: string; label: string }) | null> {
  return inOverlay(
    page,
    `(root) => {
      const b = root && root.querySelector('.badge');
      if (!b) return null;
      const r = b.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: b.textContent || '', label: b.getAttribute('aria-label') || '' };
    }`,
  );
}

// ---- Inside the overlay: its shadow root is closed ----
// Neither the page nor Playwright's selectors can see into <tactful-overlay> (so a page cannot read a card's
// text). Tests reach it over the DevTools protocol: the host's shadow root comes from DOM.describeNode with
// pierce, DOM.resolveNode turns it into an object, and Runtime.callFunctionOn runs code with it as `this`.
// Clicks go through the real mouse at the element's coordinates, as a user's would. Code sent to the page is
// kept as plain source text: a bundler's helpers (tsx's __name) must not leak into the page.

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();
function cdpFor(page: Page): Promise<CDPSession> {
  let session = cdpSessions.get(page);
  if (!session) cdpSessions.set(page, (session = page.context().newCDPSession(page)));
  return session;
}

/**
 * Runs `fnSource` — the source of `(root, arg) => …`, self-contained — in the page's main world with the
 * overlay's shadow root (null when there is no overlay) and returns its JSON result.
 */
export async function inOverlay<R = unknown>(page: Page, fnSource: string, arg: unknown = null): Promise<R> {
  const cdp = await cdpFor(page);
  const group = 'tactful-e2e-overlay';
  try {
    const host = await cdp.send('Runtime.evaluate', { expression: "document.querySelector('tactful-overlay')", objectGroup: group });
    let rootId: string | undefined;
    if (host.result.objectId) {
      const { node } = await cdp.send('DOM.describeNode', { objectId: host.result.objectId, pierce: true, depth: 1 });
      const shadow = node.shadowRoots?.[0];
      if (shadow) rootId = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup: group })).object.objectId;
    }
    const call = rootId
      ? await cdp.send('Runtime.callFunctionOn', {
          objectId: rootId,
          functionDeclaration: `function (arg) { return (${fnSource})(this, arg); }`,
          arguments: [{ value: arg }],
          returnByValue: true,
          awaitPromise: true,
        })
      : await cdp.send('Runtime.evaluate', { expression: `(${fnSource})(null, ${JSON.stringify(arg)})`, returnByValue: true, awaitPromise: true });
    if (call.exceptionDetails) throw new Error(`In the overlay: ${call.exceptionDetails.exception?.description ?? call.exceptionDetails.text}`);
    return call.result.value as R;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group }).catch(() => {});
  }
}

type Step = { css: string } | { role: string; name?: { text: string; exact: boolean } | { source: string; flags: string } } | { nth: number };
type Op = 'count' | 'texts' | 'innerTexts' | 'text' | 'innerText' | 'attr' | 'visible' | 'rect' | 'focus';

/** Resolves a chain of steps from the shadow root, Playwright-style (css, role + accessible name, nth), and reads one thing. */
const RESOLVE = `(root, { steps, op, attr }) => {
  if (!root) return op === 'count' ? 0 : op === 'texts' || op === 'innerTexts' ? [] : { missing: true };
  const ROLES = { button: 'button,[role="button"]', status: '[role="status"],output', link: 'a[href],[role="link"]', dialog: 'dialog,[role="dialog"]',
    heading: 'h1,h2,h3,h4,h5,h6,[role="heading"]', checkbox: 'input[type="checkbox"],[role="checkbox"]', region: '[role="region"]', list: 'ul,ol,[role="list"]',
    listitem: 'li,[role="listitem"]', group: 'fieldset,[role="group"]', textbox: 'textarea,input:not([type]),input[type="text"],[role="textbox"]' };
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const nameOf = (el) => {
    if (el.getAttribute('aria-label')) return norm(el.getAttribute('aria-label'));
    const by = el.getAttribute('aria-labelledby');
    if (by) return norm(by.split(/\\s+/).map((id) => (root.getElementById(id) || {}).textContent || '').join(' '));
    return norm(el.textContent);
  };
  let set = [root];
  for (const s of steps) {
    if ('nth' in s) {
      const i = s.nth < 0 ? set.length + s.nth : s.nth;
      set = set[i] ? [set[i]] : [];
      continue;
    }
    const found = new Set();
    for (const el of set) for (const m of el.querySelectorAll('css' in s ? s.css : ROLES[s.role] || '[role="' + s.role + '"]')) found.add(m);
    let list = [...found].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
    if ('role' in s && s.name)
      list = list.filter((el) => {
        const n = nameOf(el);
        if ('source' in s.name) return new RegExp(s.name.source, s.name.flags).test(n);
        return s.name.exact ? n === s.name.text : n.toLowerCase().includes(s.name.text.toLowerCase());
      });
    set = list;
  }
  if (op === 'count') return set.length;
  if (op === 'texts') return set.map((e) => e.textContent || '');
  if (op === 'innerTexts') return set.map((e) => e.innerText);
  if (set.length === 0) return { missing: true };
  if (set.length > 1) return { strict: set.length };
  const el = set[0];
  if (op === 'text') return { value: el.textContent };
  if (op === 'innerText') return { value: el.innerText };
  if (op === 'attr') return { value: el.getAttribute(attr) };
  if (op === 'visible') return { value: el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' };
  if (op === 'focus') { el.focus(); return { value: true }; }
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const r = el.getBoundingClientRect();
  return { value: { x: r.x, y: r.y, width: r.width, height: r.height } };
}`;

/**
 * A Playwright-Locator-like handle on elements inside the overlay's closed shadow root: the subset the tests
 * use (locator, getByRole, first/nth/last, count, textContent, innerText, getAttribute, allTextContents,
 * isVisible, waitFor, click, focus). Reads wait up to `timeout` ms for the element, as a Locator does, and
 * refuse a selector that matches more than one element.
 */
export class OverlayLocator {
  constructor(readonly page: Page, private readonly steps: Step[], private readonly description: string) {}

  locator(css: string): OverlayLocator {
    return new OverlayLocator(this.page, [...this.steps, { css }], `${this.description} ${css}`);
  }
  getByRole(role: string, opts: { name?: string | RegExp; exact?: boolean } = {}): OverlayLocator {
    const name = opts.name === undefined ? undefined : opts.name instanceof RegExp ? { source: opts.name.source, flags: opts.name.flags } : { text: opts.name, exact: !!opts.exact };
    return new OverlayLocator(this.page, [...this.steps, { role, name }], `${this.description} role=${role}[name=${String(opts.name ?? '')}]`);
  }
  nth(index: number): OverlayLocator {
    return new OverlayLocator(this.page, [...this.steps, { nth: index }], `${this.description} >> nth=${index}`);
  }
  first(): OverlayLocator {
    return this.nth(0);
  }
  last(): OverlayLocator {
    return this.nth(-1);
  }

  private run<R>(op: Op, attr?: string): Promise<R> {
    return inOverlay<R>(this.page, RESOLVE, { steps: this.steps, op, attr: attr ?? null });
  }
  /** One element's answer, waiting for it to exist. */
  private async one<R>(op: Op, attr?: string, timeout = 10_000): Promise<R> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const got = await this.run<{ value?: R; missing?: true; strict?: number }>(op, attr);
      if (got.strict) throw new Error(`${this.description} matches ${got.strict} elements in the overlay; expected one`);
      if (!got.missing) return got.value as R;
      if (Date.now() > deadline) throw new Error(`${this.description}: not found in the overlay within ${timeout} ms`);
      await this.page.waitForTimeout(100);
    }
  }

  count(): Promise<number> {
    return this.run<number>('count');
  }
  allTextContents(): Promise<string[]> {
    return this.run<string[]>('texts');
  }
  allInnerTexts(): Promise<string[]> {
    return this.run<string[]>('innerTexts');
  }
  textContent(opts: { timeout?: number } = {}): Promise<string | null> {
    return this.one('text', undefined, opts.timeout);
  }
  innerText(opts: { timeout?: number } = {}): Promise<string> {
    return this.one('innerText', undefined, opts.timeout);
  }
  getAttribute(name: string, opts: { timeout?: number } = {}): Promise<string | null> {
    return this.one('attr', name, opts.timeout);
  }
  async isVisible(): Promise<boolean> {
    const got = await this.run<{ value?: boolean; missing?: true; strict?: number }>('visible');
    if (got.strict) throw new Error(`${this.description} matches ${got.strict} elements in the overlay; expected one`);
    return !!got.value;
  }
  async waitFor(opts: { timeout?: number } = {}): Promise<void> {
    const deadline = Date.now() + (opts.timeout ?? 10_000);
    while (!(await this.count())) {
      if (Date.now() > deadline) throw new Error(`${this.description}: not found in the overlay`);
      await this.page.waitForTimeout(100);
    }
  }
  focus(): Promise<void> {
    return this.one('focus');
  }
  /** Clicks the element's centre with the real mouse (scrolled into view first). */
  async click(opts: { timeout?: number } = {}): Promise<void> {
    const r = await this.one<Rect>('rect', undefined, opts.timeout);
    await this.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  }
}

/** The open card inside the overlay. */
export function card(page: Page): OverlayLocator {
  return new OverlayLocator(page, [{ css: '.card' }], 'card');
}

/** Anything inside the overlay, by CSS selector. */
export function inOverlayLocator(page: Page, css: string): OverlayLocator {
  return new OverlayLocator(page, [{ css }], css);
}
