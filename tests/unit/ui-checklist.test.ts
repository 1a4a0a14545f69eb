import { describe, expect, it } from 'vitest';
import type { AnalyzeResult, Finding } from '../../analyzers/types.ts';
import { MANUAL_CHECKS, findingKey, preSendPlan, summarizePreSend } from '../../lib/ui-checklist.ts';
import { analyze } from '../../analyzers/index.ts';
import { siteEnabled } from '../../lib/ui-sites.ts';

const finding = (severity: Finding['severity'], start = 0): Finding => ({
  ruleId: `r.${severity}`,
  category: 'defensive',
  severity,
  start,
  end: start + 4,
  message: 'm',
  rationale: 'r',
  suggestions: [],
});

const result = (findings: Finding[], statuses: AnalyzeResult['checklist'][number]['status'][]): AnalyzeResult => ({
  findings,
  checklist: statuses.map((status, i) => ({ id: `step${i}`, label: `Step ${i}`, status })),
  tone: { politeness: 0 },
  customer: { upset: 0.5, escalate: false, reasons: [] },
});

const allManual = Object.fromEntries(MANUAL_CHECKS.map((c) => [c.id, true]));

describe('pre-send checklist', () => {
  it('is ready only with no warning/error flags, no missing item and every manual check ticked', () => {
    const good = result([finding('info')], ['done', 'not_needed']);
    expect(summarizePreSend(good, allManual)).toMatchObject({ ready: true, openFlags: 0, missing: 0 });
    expect(summarizePreSend(good, {})).toMatchObject({ ready: false, missing: MANUAL_CHECKS.length });
    expect(summarizePreSend(result([finding('warning')], ['done']), allManual)).toMatchObject({ ready: false, openFlags: 1 });
    expect(summarizePreSend(result([], ['done', 'missing']), allManual)).toMatchObject({ ready: false, missing: 1 });
  });

  it('ticks analysis items automatically and lists manual checks after them', () => {
    const summary = summarizePreSend(result([], ['done', 'missing', 'not_needed']), { [MANUAL_CHECKS[0].id]: true });
    expect(summary.rows.map((r) => [r.source, r.status])).toEqual([
      ['auto', 'done'],
      ['auto', 'missing'],
      ['auto', 'not_needed'],
      ['manual', 'done'],
      ['manual', 'missing'],
    ]);
  });

  it('does not count flags the user ignored', () => {
    const f = finding('error', 10);
    const summary = summarizePreSend(result([f, finding('warning', 30)], []), allManual, new Set([findingKey(f)]));
    expect(summary.openFlags).toBe(1);
  });
});

describe('pre-send plan (popup)', () => {
  // The phrase rules alone: these tests are about the popup, not the tone model being trained beside it.
  const RULES = { engine: 'rules' } as const;
  const CUSTOMER = 'My order #5521 still has not shipped and nobody answers. I want my money back NOW.';
  const ANGRY = "Hi Dana,\nCalm down. As I already explained, per our policy we cannot refund shipped orders. That's not our fault.\nJo";
  const GOOD =
    "Hi Dana,\nI'm sorry your order #5521 hasn't shipped yet, I understand how frustrating the wait is. I've asked the warehouse to prioritise it and I'll email you the tracking number by Friday.\nBest,\nJo";

  it('names each blocking problem with its words, and keeps confirmations separate', () => {
    const plan = preSendPlan(ANGRY, analyze({ reply: ANGRY, customer: CUSTOMER }, RULES), {});
    expect(plan.ready).toBe(false);
    const texts = plan.fix.map((f) => f.text);
    expect(texts).toContain('Brushes the problem off: “Calm down”');
    expect(texts.some((t) => t.includes('“That\'s not our fault”'))).toBe(true);
    // Errors are listed before warnings.
    const firstWarning = plan.fix.findIndex((f) => f.severity === 'warning');
    expect(plan.fix.slice(firstWarning).every((f) => f.severity === 'warning')).toBe(true);
    expect(plan.confirm.map((c) => c.id)).toEqual(MANUAL_CHECKS.map((c) => c.id));
    expect(plan.confirm.every((c) => c.status === 'missing')).toBe(true);
  });

  it('reaches "ready" for a good reply once the writer confirms the manual checks', () => {
    const result = analyze({ reply: GOOD, customer: CUSTOMER }, RULES);
    expect(preSendPlan(GOOD, result, {})).toMatchObject({ fix: [], ready: false });
    expect(preSendPlan(GOOD, result, allManual)).toMatchObject({ fix: [], ready: true });
  });

  it('does not block on steps nothing flags (restate, follow up): they are suggestions', () => {
    const r = result([], ['done']);
    r.checklist = [
      { id: 'restate', label: 'Restate the problem in their words', status: 'missing' },
      { id: 'empathy', label: 'Express empathy', status: 'done' },
    ];
    const plan = preSendPlan('Hi,\nYour refund of $40 went out today and should reach you by Friday.\nJo', r, allManual);
    expect(plan).toMatchObject({ ready: true, fix: [] });
    expect(plan.consider.map((c) => c.id)).toEqual(['restate']);
  });

  it('does not list a step again under "worth adding" when a flag in the draft already names it', () => {
    const r = result([{ ...finding('warning', 5), category: 'overpromise' }], []);
    r.checklist = [{ id: 'no-overpromise', label: 'Promise only what you can deliver', status: 'missing' }];
    const plan = preSendPlan('Hi,\nI guarantee it will arrive tomorrow, and I will email you the tracking.\nJo', r, allManual);
    expect(plan.fix).toHaveLength(1);
    expect(plan.consider).toEqual([]);
  });

  it('is not ready and lists nothing to fix for an empty draft', () => {
    const plan = preSendPlan('', analyze({ reply: '', customer: CUSTOMER }, RULES), allManual);
    expect(plan).toMatchObject({ stage: 'empty', fix: [], consider: [], ready: false });
  });

  it('leaves out findings the writer ignored', () => {
    const r = analyze({ reply: ANGRY, customer: CUSTOMER }, RULES);
    const all = preSendPlan(ANGRY, r, {});
    const ignored = new Set(r.findings.filter((f) => f.ruleId === 'dismissive/calm-down').map(findingKey));
    expect(preSendPlan(ANGRY, r, {}, ignored).fix.length).toBe(all.fix.length - 1);
  });
});

describe('site switch', () => {
  it('Gmail and Zendesk default on, other sites off, explicit settings win', () => {
    expect(siteEnabled({}, 'mail.google.com')).toBe(true);
    expect(siteEnabled({}, 'acme.zendesk.com')).toBe(true);
    expect(siteEnabled({}, 'www.upwork.com')).toBe(false);
    expect(siteEnabled({ 'www.upwork.com': true }, 'www.upwork.com')).toBe(true);
    expect(siteEnabled({ '*.zendesk.com': false }, 'acme.zendesk.com')).toBe(false);
    expect(siteEnabled({ '*.zendesk.com': false, 'acme.zendesk.com': true }, 'acme.zendesk.com')).toBe(true);
    expect(siteEnabled({ '*.zendesk.com': false }, 'evilzendesk.com')).toBe(false);
  });
});
