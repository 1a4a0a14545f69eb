// Options page and team packs beyond the file itself: a pack that turns a site
// on asks the browser for it from the Import click; a pack pushed by the
// organisation's policy shows read-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchTactful, type Tactful } from './harness.ts';

const packFile = (settings: object) => ({
  name: 'team.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'tactful-team-pack', version: 1, settings })),
});

/**
 * The options page with chrome.permissions.request watched: each call's origins and whether the page had a user
 * gesture at that moment. `answer` stands in for the user's choice in the browser's prompt, which a headless
 * browser cannot show; without it the real browser answers (origins already granted need no prompt).
 */
async function optionsWatchingPermissions(t: Tactful, answer?: boolean, managedPolicy?: object): Promise<Page> {
  const page = await t.context.newPage();
  await page.addInitScript(
    ({ answer, managedPolicy }) => {
      const chrome = (globalThis as any).chrome;
      const w = globalThis as any;
      w.__permissionRequests = [];
      const real = chrome.permissions.request.bind(chrome.permissions);
      const watched = (req: { origins?: string[] }) => {
        w.__permissionRequests.push({ origins: req.origins, gesture: navigator.userActivation.isActive });
        return answer === null ? real(req) : Promise.resolve(answer);
      };
      for (const ns of [chrome, w.browser]) if (ns?.permissions) ns.permissions.request = watched;
      // The organisation's policy, as Chrome would hand it over from the managed storage area.
      if (managedPolicy) for (const ns of [chrome, w.browser]) if (ns?.storage?.managed) ns.storage.managed.get = async () => structuredClone(managedPolicy);
    },
    { answer: answer ?? null, managedPolicy },
  );
  await page.goto(`chrome-extension://${t.extensionId}/options.html`);
  return page;
}

const permissionRequests = (page: Page) => page.evaluate(() => (globalThis as any).__permissionRequests as { origins: string[]; gesture: boolean }[]);
const storedSites = async (t: Tactful) => ((await t.getSettings()) as { sites?: Record<string, boolean> } | undefined)?.sites ?? {};

describe('options: team packs and permissions', () => {
  let t: Tactful;
  beforeAll(async () => {
    t = await launchTactful();
  });
  afterAll(async () => t?.close());

  it('a pack that turns a site on asks the browser for it from the Import click, and imports it once granted', async () => {
    const options = await optionsWatchingPermissions(t);
    await options.locator('input[type=file]').setInputFiles(packFile({ sites: { 'www.upwork.com': true }, customPhrases: [{ avoid: 'per our policy' }] }));
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => storedSites(t)).toMatchObject({ 'www.upwork.com': true });
    expect(await permissionRequests(options)).toEqual([{ origins: ['https://www.upwork.com/*'], gesture: true }]);
    expect(await options.locator('[data-testid="refused-sites"]').count()).toBe(0);
    await options.close();
  });

  it('when the browser refuses, the pack imports without that site and says so', async () => {
    await t.setSettings({ sites: {}, customPhrases: [] });
    const options = await optionsWatchingPermissions(t, false);
    await options.locator('input[type=file]').setInputFiles(packFile({ sites: { 'support.example.com': true, 'www.fiverr.com': false }, customPhrases: [{ avoid: 'kindly note' }] }));
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.locator('[data-testid="refused-sites"]').textContent()).toMatch(/Imported without support\.example\.com: the browser's permission .* was not\s+granted/);
    expect(await permissionRequests(options)).toEqual([{ origins: ['https://support.example.com/*'], gesture: true }]);
    const stored = (await t.getSettings()) as { sites: Record<string, boolean>; customPhrases: { avoid: string }[] };
    expect(stored.sites).toEqual({ 'www.fiverr.com': false });
    expect(stored.customPhrases.map((p) => p.avoid)).toEqual(['kindly note']);
    await options.close();
  });

  it("shows the organisation's pack read-only, with a note, and none of it can be removed", async () => {
    await t.setSettings({ customPhrases: [{ avoid: 'no worries' }] });
    const policy = { customPhrases: [{ avoid: 'per our terms', note: 'Legal asked us not to quote the terms.' }], sensitivity: 'high' };
    const options = await optionsWatchingPermissions(t, undefined, policy);
    const managed = options.locator('[data-testid="managed-pack"]');
    await expect.poll(() => managed.textContent()).toMatch(/Managed by your organisation/);
    expect(await managed.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('per our terms')]);
    expect(await managed.getByRole('button').count()).toBe(0);
    expect(await managed.textContent()).toMatch(/Default sensitivity: high/);
    // Only the user's own phrase is removable.
    expect(await options.getByRole('button', { name: /^Remove phrase/ }).evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')))).toEqual(['Remove phrase no worries']);
    await options.close();
  });

  it('an unusable policy says so and applies nothing', async () => {
    const options = await optionsWatchingPermissions(t, undefined, { customPhrases: 'per our terms' });
    await expect.poll(() => options.locator('[data-testid="managed-pack"] [role="alert"]').textContent()).toMatch(/could not be used.*"customPhrases" must be a list/);
    expect(await options.locator('[data-testid="managed-pack"] table').count()).toBe(0);
    await options.close();
  });
});
