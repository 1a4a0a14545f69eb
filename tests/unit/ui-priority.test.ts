import { describe, expect, it } from 'vitest';
import type { Finding } from '../../analyzers/types.ts';
import { groupFindings, panelVerdict, shownFindings } from '../../lib/ui-priority.ts';
import { applyEdits } from '../../lib/ui-diff.ts';

const reply = 'Hi Dana,\nActually, it shipped. Actually, the tracking works. Calm down. Actually, it arrives Monday.\nJo';
const every = (word: string) => [...reply.matchAll(new RegExp(word, 'g'))].map((m) => m.index!);
const actually = (start: number): Finding => ({
  ruleId: 'defensive/actually-correction',
  category: 'defensive',
  severity: 'warning',
  start,
  end: start + 'Actually, '.length,
  message: '"Actually" used to correct the customer sounds like scoring a point.',
  rationale: '',
  suggestions: [{ label: 'Cut “Actually”', replacement: '' }],
});
const calm: Finding = {
  ruleId: 'dismissive/calm-down',
  category: 'dismissive',
  severity: 'error',
  start: reply.indexOf('Calm down'),
  end: reply.indexOf('Calm down') + 9,
  message: 'm',
  rationale: '',
  suggestions: [{ label: 'Acknowledge', replacement: 'I understand this is frustrating' }],
};
const noApology: Finding = { ruleId: 'missing.apology', category: 'missing_apology', severity: 'error', start: 0, end: 0, message: 'm', rationale: '', suggestions: [] };
const findings = [...every('Actually, ').map(actually), calm, noApology];

describe('panel priorities', () => {
  it('puts errors before warnings, phrase errors before missing pieces, and groups one rule with its count', () => {
    const groups = groupFindings(reply, findings);
    expect(groups.map((g) => [g.ruleId, g.findings.length])).toEqual([
      ['dismissive/calm-down', 1],
      ['missing.apology', 1],
      ['defensive/actually-correction', 3],
    ]);
  });

  it('fixes every occurrence of a repeated rule in one edit', () => {
    const group = groupFindings(reply, findings).find((g) => g.findings.length === 3)!;
    const after = applyEdits(reply, [group.fixAll!]);
    expect(after).toBe('Hi Dana,\nit shipped. the tracking works. Calm down. it arrives Monday.\nJo');
    expect(group.fixAll!.expected).toBe(reply.slice(group.fixAll!.start, group.fixAll!.end));
  });

  it('offers no fix-all when an occurrence has no suggestion or two overlap', () => {
    const [a, b] = every('Actually, ').map(actually);
    expect(groupFindings(reply, [a, { ...b, suggestions: [] }])[0].fixAll).toBeNull();
    expect(groupFindings(reply, [a, { ...a, end: a.end + 3 }])[0].fixAll).toBeNull();
  });

  it('opens with a one-line verdict and at most three named things, most important first', () => {
    const v = panelVerdict(reply, groupFindings(reply, findings));
    expect(v.kind).toBe('fix');
    expect(v.text).toBe('Not ready: fix 2 errors first, then 3 warnings.');
    expect(v.top.map((t) => t.text)).toEqual(['Brushes the problem off: “Calm down”', 'No apology yet', 'Sounds defensive (3×)']);
  });

  it('says "Start writing" for an empty draft and hides missing pieces until the draft has a body', () => {
    const empty = 'Hi Dana,\n\nBest,\nJo';
    const shown = shownFindings(empty, [noApology]);
    expect(shown).toEqual([]);
    expect(panelVerdict(empty, groupFindings(empty, shown))).toEqual({ kind: 'start', text: 'Start writing: Tactful checks your reply as you type.', top: [] });
    expect(shownFindings(reply, [noApology])).toEqual([noApology]);
  });

  it('reads well with only hints, and counts warnings when no error is left', () => {
    expect(panelVerdict(reply, groupFindings(reply, [{ ...calm, severity: 'info' }])).kind).toBe('good');
    expect(panelVerdict(reply, groupFindings(reply, [actually(every('Actually, ')[0])])).text).toBe('Almost there: 1 thing to soften.');
  });
});
