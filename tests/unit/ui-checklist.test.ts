import { describe, expect, it } from 'vitest';
import type { AnalyzeResult, Finding } from '../../analyzers/types.ts';
import { MANUAL_CHECKS, findingKey, summarizePreSend } from '../../lib/ui-checklist.ts';
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
