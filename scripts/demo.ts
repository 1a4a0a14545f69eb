// npm run demo: builds Tactful, serves the fixture pages at their real origins,
// opens Chromium with the extension on the Gmail-like thread, types a bad draft,
// saves screenshots to docs/screenshots/ and prints the findings.
// Headed when a display exists (DISPLAY set), otherwise headless.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { card, clickUnderline, EDITOR, highlights, launchTactful, panelState, rephraseCard, ROOT, selectText, typeDraft, waitForUnderline } from '../tests/e2e/harness.ts';

const DRAFT =
  "Hi Sam,\nAs I already explained, you didn't give us the right address. Calm down, it's only a small delay. " +
  'Per our policy we can\'t refund shipped orders. I guarantee it will arrive tomorrow.';

const shots = join(ROOT, 'docs/screenshots');
mkdirSync(shots, { recursive: true });
execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/build-fixtures.ts')], { cwd: ROOT, stdio: 'inherit' });

const headless = !process.env.DISPLAY;
const t = await launchTactful({ headless, extensionDir: join(ROOT, '.output/chrome-mv3') });
try {
  const page = await t.openSite('gmail');
  await page.setViewportSize({ width: 1000, height: 1000 });
  await typeDraft(page, EDITOR.gmail, DRAFT);
  const [calm] = await waitForUnderline(page, 'dismissive');
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shots, 'underlines.png'), clip: { x: 0, y: 560, width: 620, height: 290 } });
  // The badge in the editor's corner: what blocks sending, one click from the side panel.
  await page.locator(EDITOR.gmail).screenshot({ path: join(shots, 'badge.png') });
  await clickUnderline(page, calm);
  await card(page).first().waitFor();
  await page.screenshot({ path: join(shots, 'card.png'), clip: { x: 0, y: 560, width: 820, height: 300 } });

  const state = await panelState(t);
  const panel = await t.openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.waitForTimeout(1200);
  await panel.screenshot({ path: join(shots, 'sidepanel.png'), fullPage: false });
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: join(shots, 'sidepanel-dark.png'), fullPage: false });
  await panel.emulateMedia({ colorScheme: 'light' });

  // "Show in the draft": a click on flagged words in the panel highlights them in the page.
  await page.keyboard.press('Escape');
  await panel.locator('[data-rule-id^="dismissive/"] button.reveal').first().click();
  await page.bringToFront();
  for (let i = 0; i < 40 && !(await highlights(page)).length; i++) await page.waitForTimeout(50);
  await page.screenshot({ path: join(shots, 'highlight.png'), clip: { x: 0, y: 560, width: 620, height: 290 } });

  // Rephrase selection (Alt+Shift+R): the styles that passed the checks, each with its new words.
  await selectText(page, EDITOR.gmail, "Per our policy we can't refund shipped orders.");
  await page.keyboard.press('Alt+Shift+R');
  await rephraseCard(page).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(shots, 'rephrase.png'), clip: { x: 0, y: 560, width: 820, height: 330 } });
  await page.keyboard.press('Escape');

  // The popup opened as a tab of its own follows the latest draft: what blocks sending, named.
  const popup = await t.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 640 });
  await popup.locator('[data-testid="verdict"]').waitFor();
  await popup.screenshot({ path: join(shots, 'popup.png'), fullPage: false });

  const options = await t.openExtensionPage('options.html');
  await options.setViewportSize({ width: 760, height: 900 });
  await options.getByLabel('Find a rule').fill('calm');
  await options.locator('ul.rules').first().waitFor();
  await options.locator('#cats-h').scrollIntoViewIfNeeded();
  await options.screenshot({ path: join(shots, 'options-rules.png'), fullPage: false });

  // A new, empty reply: "Start writing", with the customer card only.
  await page.bringToFront();
  await page.locator('#new-compose').click();
  await page.locator('#compose-2 [g_editable="true"]').click();
  await panel.locator('[data-testid="verdict"][data-kind="start"]').waitFor({ timeout: 10_000 });
  await panel.screenshot({ path: join(shots, 'empty.png'), fullPage: false });

  console.log(`Customer: upset ${state.result.customer.upset.toFixed(2)}${state.result.customer.escalate ? ' (escalate)' : ''} — ${state.result.customer.reasons.join('; ')}`);
  console.log(`Draft: ${JSON.stringify(state.reply)}\nFindings:`);
  for (const f of state.result.findings) {
    const where = f.end > f.start ? `"${state.reply.slice(f.start, f.end)}"` : '(missing)';
    console.log(`  [${f.severity}] ${f.category} ${f.ruleId} ${where}: ${f.message}${f.suggestions?.[0] ? ` → ${f.suggestions[0].label}: "${f.suggestions[0].replacement}"` : ''}`);
  }
  const names = ['underlines.png', 'badge.png', 'card.png', 'sidepanel.png', 'sidepanel-dark.png', 'highlight.png', 'rephrase.png', 'popup.png', 'options-rules.png', 'empty.png'];
  console.log(`Screenshots: ${names.map((s) => join('docs/screenshots', s)).join(', ')}`);
  console.log(`Network requests leaving the machine: ${t.externalRequests.length}`);
  if (!headless) await page.waitForTimeout(15_000);
} finally {
  await t.close();
}
