import { describe, expect, it } from 'vitest';
import type { Category, Finding, Severity } from '../../analyzers/types.ts';
import { summarizeTone } from '../../lib/ui-tone-summary.ts';
import { analyze } from '../../analyzers/index.ts';

let at = 0;
const f = (category: Category, severity: Severity = 'warning', span = true): Finding => {
  at += 10;
  return { ruleId: `${category}/x`, category, severity, start: span ? at : 0, end: span ? at + 5 : 0, message: '', rationale: '', suggestions: [] };
};

describe('tone summary in words', () => {
  it('reads a lightly defensive reply with no apology as firm, a little defensive', () => {
    const s = summarizeTone([f('defensive'), f('missing_apology', 'error', false)], -0.05);
    expect(s.text).toBe('Firm, a little defensive; no apology yet');
  });

  it('names the two strongest qualities, strongest first, with how strongly they show', () => {
    const s = summarizeTone([f('blame', 'error'), f('blame', 'warning'), f('dismissive', 'error'), f('shouting', 'info')], 0.1);
    expect(s.text).toBe('Hostile, blaming, dismissive');
    expect(summarizeTone([f('blame', 'error'), f('blame', 'error')], 0.3).text).toMatch(/very blaming/);
  });

  it('does not call a heavily flagged reply warm because its words are polite', () => {
    const flags = Array.from({ length: 6 }, () => f('defensive'));
    const s = summarizeTone(flags, 0.45);
    expect(['Cold', 'Hostile']).toContain(s.word);
    expect(s.reading).toBeLessThan(-0.4);
  });

  it('calls an unflagged polite reply warm, and lists every missing piece', () => {
    expect(summarizeTone([], 0.5)).toMatchObject({ text: 'Warm', word: 'Warm' });
    const s = summarizeTone([f('missing_empathy', 'error', false), f('missing_apology', 'warning', false), f('missing_next_step', 'error', false)], 0.2);
    expect(s.text).toBe('Friendly; no empathy, apology or next step yet');
    // A hint-level missing piece (calm customer) is not announced.
    expect(summarizeTone([f('missing_empathy', 'info', false)], 0.2).text).toBe('Friendly');
  });

  it('counts words flagged by both the rules and the tone model once', () => {
    const rule = f('defensive');
    const model: Finding = { ...rule, ruleId: 'model/defensive' };
    expect(summarizeTone([rule, model], 0).reading).toBeCloseTo(summarizeTone([rule], 0).reading);
  });

  it('on a real angry draft, sounds worse than on a real good one', () => {
    const customer = 'My order #5521 still has not shipped and nobody answers. I want my money back NOW.';
    const angry = analyze({ reply: 'Hi Dana,\nCalm down. As I already explained, per our policy we cannot refund shipped orders. You should have read the terms.\nJo', customer }, { engine: 'rules' });
    const good = analyze({
      reply: "Hi Dana,\nI'm sorry your order #5521 hasn't shipped yet, I understand how frustrating the wait is. I've asked the warehouse to prioritise it and I'll email you the tracking number by Friday.\nBest,\nJo",
      customer,
    }, { engine: 'rules' });
    const a = summarizeTone(angry.findings, angry.tone.politeness);
    const g = summarizeTone(good.findings, good.tone.politeness);
    expect(a.reading).toBeLessThan(g.reading);
    expect(['Cold', 'Hostile']).toContain(a.word);
    expect(a.text).toMatch(/no (empathy|apology)/);
    expect(['Warm', 'Friendly']).toContain(g.word);
  });
});
