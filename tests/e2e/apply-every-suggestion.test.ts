// Property-style end-to-end check of Apply: in each editor kind (Gmail-like
// contenteditable, CKEditor 5, ProseMirror, React-controlled textarea), every
// suggestion of every finding on a corpus of bad drafts is applied from the
// in-page card and from the side panel, plus the panel's Accept all. Each
// apply must leave the editor's own model holding exactly the engine's text
// (the draft with the suggestion's range replaced), and one Ctrl+Z must bring
// the draft back exactly. Mismatches are collected, printed as a table
// ("N of N applies matched" per editor kind) and fail the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { suggestReply } from '../../analyzers/index.ts';
import type { Finding } from '../../analyzers/types.ts';
import type { DraftState, EditorKind } from '../../lib/messages.ts';
import { DEFAULT_SETTINGS, toAnalyzeOptions } from '../../lib/settings.ts';
import { applyEdits, editForAll, placeholdersIn } from '../../lib/ui-diff.ts';
import { suggestionEdit } from '../../lib/ui-suggestion.ts';
import { card, EDITOR, inOverlay, launchTactful, ROOT, typeDraft, type Site, type Tactful } from './harness.ts';
import { findingsWithSuggestions } from './worker-suggestions.ts';

const DRAFTS: { id: string; reply: string }[] = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/apply-drafts.json'), 'utf8')).drafts;

interface EditorUnderTest {
  kind: EditorKind;
  site: Site;
  /** The text the editor's own model holds (what would be sent), never the extension's reading of the DOM. */
  model(page: Page): Promise<string>;
  /** Empties the reply (a Gmail signature and quoted history stay). */
  clear(page: Page): Promise<void>;
}

const EDITORS: EditorUnderTest[] = [
  {
    kind: 'contenteditable',
    site: 'gmail',
    // The agent's own words, as Gmail keeps them: one <div> per line above the signature
    // (a lone <br> is an empty line; &nbsp; shows as a space).
    model: (page) =>
      page.locator(EDITOR.gmail).evaluate((el) => {
        const lines: string[] = [];
        for (const line of el.childNodes) {
          if (line instanceof Element && line.classList.contains('gmail_signature_prefix')) break;
          const text = [...line.childNodes].map((n) => (n.nodeName === 'BR' ? '\n' : (n.textContent ?? ''))).join('');
          lines.push((line.nodeName === 'DIV' ? text.replace(/\n$/, '') : (line.textContent ?? '')).replace(/\u00a0/g, ' '));
        }
        return lines.join('\n');
      }),
    clear: (page) =>
      page.locator(EDITOR.gmail).evaluate((el) => {
        const signature = el.querySelector('.gmail_signature_prefix');
        while (el.firstChild && el.firstChild !== signature) el.firstChild.remove();
        const line = document.createElement('div');
        line.append(document.createElement('br'));
        el.insertBefore(line, signature);
      }),
  },
  {
    kind: 'ckeditor',
    site: 'zendesk',
    model: (page) =>
      page.evaluate(() => {
        const root = (window as any).editors['4711'].model.document.getRoot();
        return [...root.getChildren()].map((block: any) => [...block.getChildren()].map((n: any) => (n.is('$text') ? n.data : '\n')).join('')).join('\n');
      }),
    clear: (page) => page.evaluate(() => (window as any).editors['4711'].setData('')),
  },
  {
    kind: 'prosemirror',
    site: 'upwork',
    model: (page) => page.evaluate(() => (window as any).pmText() as string),
    clear: (page) =>
      page.evaluate(() => {
        const view = (window as any).pmView;
        const { state } = view;
        view.dispatch(state.tr.replaceWith(0, state.doc.content.size, state.schema.nodes.paragraph.create()));
      }),
  },
  {
    kind: 'textarea',
    site: 'fiverr',
    // React state, rendered by the page from onChange only: proves React saw the edit.
    model: (page) => page.locator('#react-state').textContent().then((s) => s ?? ''),
    clear: async (page) => {
      await page.locator(EDITOR.fiverr).click();
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Delete');
    },
  },
];

interface Outcome {
  kind: EditorKind;
  via: 'card' | 'panel' | 'accept-all';
  draft: string;
  what: string;
  matched: boolean;
  undone: boolean;
  detail?: string;
}

const outcomes: Outcome[] = [];

/** The draft with one suggestion applied, computed from the engine's own offsets (not through the extension's helpers). */
function expectedAfter(reply: string, f: Finding, i: number): string {
  const s = f.suggestions[i];
  const start = s.start ?? f.start;
  const end = s.end ?? f.end;
  return reply.slice(0, start) + s.replacement + reply.slice(end);
}

/** Polls `check` until it holds or `ms` pass (the kinds run concurrently: no global expect.poll). */
async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 40));
  }
}

describe('every suggestion applies exactly, from the card and from the panel, with one undo', () => {
  afterAll(() => {
    const rows = EDITORS.map(({ kind }) => {
      const mine = outcomes.filter((o) => o.kind === kind);
      const ok = (via: Outcome['via']) => {
        const v = mine.filter((o) => o.via === via);
        return `${v.filter((o) => o.matched && o.undone).length} of ${v.length}`;
      };
      return `${kind.padEnd(16)} card ${ok('card').padEnd(9)} panel ${ok('panel').padEnd(9)} accept-all ${ok('accept-all').padEnd(8)} all ${mine.filter((o) => o.matched && o.undone).length} of ${mine.length}`;
    });
    console.log(`Apply results (matched the engine's text and one undo restored the draft):\n${rows.join('\n')}`);
    for (const o of outcomes.filter((x) => !x.matched || !x.undone)) console.log(`MISMATCH ${o.kind} ${o.via} ${o.draft} ${o.what}: ${o.detail}`);
  });

  // TACTFUL_APPLY_KINDS=textarea,ckeditor narrows a run while debugging.
  const only = process.env.TACTFUL_APPLY_KINDS?.split(',');
  for (const editor of EDITORS.filter((e) => !only || only.includes(e.kind))) {
    // One browser per editor kind, the four side by side: the run takes minutes, not ten.
    it.concurrent(`${editor.kind} (${editor.site})`, async ({ expect }) => {
      const t: Tactful = await launchTactful();
      try {
        await runEditor(t, editor, expect);
      } finally {
        await t.close();
      }
      const mine = outcomes.filter((o) => o.kind === editor.kind);
      expect(mine.length).toBeGreaterThan(DRAFTS.length);
      expect(mine.filter((o) => !o.matched || !o.undone)).toEqual([]);
    }, 600_000);
  }
});

async function runEditor(t: Tactful, editor: EditorUnderTest, expect: ExpectStatic): Promise<void> {
  await t.setSettings({ sites: { 'www.upwork.com': true, 'www.fiverr.com': true } });
  const page = await t.openSite(editor.site);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 }).catch(() => {});
  const panel = await t.openExtensionPage('sidepanel.html');
  const backgroundState = () => panel.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'panel:get' })) as Promise<DraftState | null>;
  const model = () => editor.model(page);

  /** Waits until the editor holds `text` and the extension has analyzed exactly that text (newer than version `after`). */
  const settled = async (text: string, after = 0): Promise<DraftState> => {
    if (!(await until(async () => (await model()) === text, 5_000))) throw new Error(`the editor holds ${JSON.stringify(await model())}, not ${JSON.stringify(text)}`);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const state = await backgroundState();
      if (state?.reply === text && state.version > after) return state;
      if (Date.now() > deadline) throw new Error(`no analysis of ${JSON.stringify(text)} newer than version ${after}; last: ${JSON.stringify([state?.version, state?.reply])}`);
      await page.waitForTimeout(40);
    }
  };

  const load = async (reply: string) => {
    await page.bringToFront();
    await editor.clear(page);
    await typeDraft(page, EDITOR[editor.site], reply);
    return settled(reply);
  };

  let state: DraftState;

  /**
   * One apply: `act` clicks the button; the editor must then hold `expected`.
   * Once the extension has re-read the edited draft, one Ctrl+Z must restore
   * `original` exactly (reloaded otherwise, so the next case starts clean).
   */
  const check = async (o: Pick<Outcome, 'via' | 'draft' | 'what'>, original: string, expected: string, act: () => Promise<void>, notice?: () => Promise<string | null>) => {
    await act();
    const matched = await until(async () => (await model()) === expected, 4_000);
    const holds = await model();
    const outcome: Outcome = { kind: editor.kind, ...o, matched, undone: false };
    if (!matched) outcome.detail = `expected ${JSON.stringify(expected)}, editor holds ${JSON.stringify(holds)}${notice ? `; said ${JSON.stringify(await notice())}` : ''}`;
    outcomes.push(outcome);
    if (holds === original) return; // nothing was written: nothing to undo
    await page.bringToFront();
    const edited = await settled(holds, state.version);
    await page.keyboard.press('Control+z');
    outcome.undone = await until(async () => (await model()) === original, 3_000);
    if (outcome.undone) state = await settled(original, edited.version);
    else {
      outcome.detail = `${outcome.detail ?? ''} after one undo the editor holds ${JSON.stringify(await model())}`.trim();
      state = await load(original);
    }
  };

  for (const draft of DRAFTS) {
    state = await load(draft.reply);
    const reply = state.reply;
    // The engine's findings for exactly this text, as the background computed them (suggestions asked for as the panel does).
    const findings = await findingsWithSuggestions(panel, state);

    for (const f of findings) {
      for (let i = 0; i < f.suggestions.length; i++) {
        const what = `${f.ruleId}@${f.start} suggestion ${i + 1} ${JSON.stringify(f.suggestions[i].replacement)}`;
        const expected = expectedAfter(reply, f, i);

        // From the card: only phrase findings are underlined.
        if (f.end > f.start) {
          await check({ via: 'card', draft: draft.id, what }, reply, expected, async () => {
            await page.bringToFront();
            await openCardFor(page, f);
            const button = card(page).locator(`section.finding[data-rule-id="${f.ruleId}"][data-start="${f.start}"] button.apply`).nth(i);
            await button.click();
            // A placeholder asks first; the second click inserts.
            const status = (await card(page).count()) ? await card(page).locator('.status').textContent() : '';
            if (/placeholder/.test(status ?? '')) await button.click();
          }, () => card(page).locator('.status').textContent({ timeout: 500 }).catch(() => null));
        }

        // From the side panel.
        await check({ via: 'panel', draft: draft.id, what }, reply, expected, async () => {
          await panel.bringToFront();
          await panel.locator(`article.finding[data-rule-id="${f.ruleId}"][data-start="${f.start}"] button.apply`).nth(i).click();
          if (placeholdersIn(f.suggestions[i].replacement).length) await confirmPlaceholders(panel);
        }, () => panel.locator('[data-testid="notice"]').textContent({ timeout: 500 }).catch(() => null));
      }
    }

    // Accept all: the whole suggested reply as one edit.
    const suggested = suggestReply({ reply, customer: state.customer, channel: state.channel }, { voice: DEFAULT_SETTINGS.voice, ...toAnalyzeOptions(DEFAULT_SETTINGS) });
    const expected = applyEdits(reply, suggested.edits);
    if (expected !== reply) {
      await check({ via: 'accept-all', draft: draft.id, what: 'Accept all' }, reply, expected, async () => {
        await panel.bringToFront();
        // The panel builds the suggested reply in a worker once the draft settles.
        await panel.getByRole('button', { name: 'Accept all' }).click({ timeout: 30_000 });
        if (placeholdersIn(editForAll(reply, suggested.edits)!.replacement).length) await confirmPlaceholders(panel);
      }, () => panel.locator('[data-testid="notice"]').textContent({ timeout: 500 }).catch(() => null));
    }
  }

  // The same stale-text check guards every path: an edit computed before the words under it changed is refused, and nothing is written.
  let before = await load(DRAFTS[0].reply);
  let flagged = (await findingsWithSuggestions(panel, before)).find((x) => x.end > x.start && x.suggestions.length);
  for (const draft of DRAFTS.slice(1)) {
    if (flagged) break;
    before = await load(draft.reply);
    flagged = (await findingsWithSuggestions(panel, before)).find((x) => x.end > x.start && x.suggestions.length);
  }
  if (!flagged) throw new Error('no draft has a flagged phrase with a suggestion');
  const edit = suggestionEdit(before.reply, flagged, flagged.suggestions[0]);
  const changed = before.reply.replace(flagged.text!, `${flagged.text} really`);
  await editor.clear(page);
  await typeDraft(page, EDITOR[editor.site], changed);
  await settled(changed, before.version);
  const answer = await panel.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), { type: 'draft:apply', tabId: before.tabId, draftId: before.draftId, edit });
  expect(answer).toEqual({ ok: false, reason: expect.stringMatching(/changed/i) });
  expect(await model()).toBe(changed);
  // Suggestions asked for the old version are refused as stale, never computed against the new text.
  const late = await panel.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), {
    type: 'draft:suggestions', tabId: before.tabId, draftId: before.draftId, version: before.version, findings: [{ ruleId: flagged.ruleId, start: flagged.start, end: flagged.end }],
  });
  expect(late).toEqual({ ok: false, stale: true, reason: expect.stringMatching(/changed/i) });
}

/** Clicks the underline of `f` (the card lists every finding under that spot). */
async function openCardFor(page: Page, f: Finding): Promise<void> {
  const selector = `.underline[data-rule-id="${f.ruleId}"][data-start="${f.start}"]`;
  const opened = await until(async () => {
  const rect = await inOverlay<{ x: number; y: number; width: number; height: number } | null>(
    page,
    `(root, sel) => {
      const el = root && root.querySelector(sel);
      const r = el && el.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }`,
    selector,
  );
  if (!rect) return false;
  await page.mouse.click(rect.x + Math.min(rect.width / 2, 12), rect.y + rect.height / 2 - 2);
  return (await card(page).locator(`section.finding[data-rule-id="${f.ruleId}"][data-start="${f.start}"]`).count()) === 1;
  }, 10_000);
  if (!opened) throw new Error(`no card for ${f.ruleId}@${f.start}`);
}

/** The panel asks before writing a placeholder the agent must fill in. */
async function confirmPlaceholders(panel: Page): Promise<void> {
  await panel.locator('[data-testid="placeholder-confirm"]').getByRole('button', { name: 'Insert with placeholders' }).click();
}
