// A 5,000-word draft must not freeze the side panel: the suggested reply is
// built in a worker, so the panel's longest main-thread task stays short.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchTactful, type Tactful } from './harness.ts';
import { feed, openFedPage } from './ui-feed.ts';
import { analyze } from '../../analyzers/index.ts';
import type { DraftState } from '../../lib/messages.ts';

const CUSTOMER = 'My order #5521 still has not shipped and nobody answers. I want my money back.';
const PARAGRAPH =
  'Calm down. As I already explained, we cannot refund it. You should have read the terms. The parcel left the warehouse on Monday and the carrier has it now. ';

let t: Tactful;
beforeAll(async () => {
  t = await launchTactful();
});
afterAll(async () => t?.close());

it('keeps the side panel responsive while suggesting a reply for a 5,000-word draft', async () => {
  let reply = 'Hi Dana,\n';
  while (reply.split(/\s+/).length < 5000) reply += PARAGRAPH;
  const state: DraftState = {
    tabId: 99,
    draftId: 'long',
    site: 'gmail',
    editorKind: 'contenteditable',
    channel: 'email',
    internalNote: false,
    reply,
    customer: CUSTOMER,
    result: analyze({ reply, customer: CUSTOMER, channel: 'email' }),
    version: 1,
    updatedAt: Date.now(),
  };
  const panel = await openFedPage(t, 'sidepanel.html');
  await panel.evaluate(() => {
    (globalThis as any).__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (globalThis as any).__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await expect.poll(() => panel.locator('[data-testid="empty-state"]').count()).toBe(1);
  await panel.evaluate(() => ((globalThis as any).__longTasks = []));

  const started = Date.now();
  await feed(state);
  await expect.poll(() => panel.locator('[data-rule-id]').count(), { timeout: 20_000 }).toBeGreaterThan(100);
  const findingsShownMs = Date.now() - started;
  await expect.poll(() => panel.locator('[data-testid="suggested-reply"]').count(), { timeout: 60_000 }).toBe(1);
  const suggestionShownMs = Date.now() - started;
  const longTasks: number[] = await panel.evaluate(() => (globalThis as any).__longTasks);
  const longest = Math.round(Math.max(0, ...longTasks));
  console.log(`[ui-panel-long-draft] findings shown after ${findingsShownMs} ms, suggestion after ${suggestionShownMs} ms, longest main-thread task ${longest} ms`);
  // Without the worker the suggestion alone blocks the panel for seconds.
  expect(longest).toBeLessThan(1500);
  await panel.close();
});
