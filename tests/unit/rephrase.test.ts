// Rephrase selection: each style does what it says, every fact of the selection
// (amounts, dates, order numbers, names) survives, and what cannot be offered is
// said plainly.
import { describe, expect, it } from 'vitest';
import { rephrase, MAX_REPHRASE_CHARS, type RephraseStyle } from '../../analyzers/rewrite/rephrase.ts';
import { containsFact, extractFacts } from '../../analyzers/facts.ts';

const CUSTOMER = 'My order #5521 is late and I want my money back!';

function run(reply: string, selected: string) {
  const start = reply.indexOf(selected);
  expect(start).toBeGreaterThanOrEqual(0);
  return { selected, result: rephrase({ reply, start, end: start + selected.length, customer: CUSTOMER }) };
}
const option = (r: ReturnType<typeof rephrase>, style: RephraseStyle) => r.options.find((o) => o.style === style)?.replacement;

const ANGRY = "Hi Dana,\nCalm down!!! You didn't read the email, it's gonna ship on March 3 with order #5521.\nJo";
const ANGRY_SEL = "Calm down!!! You didn't read the email, it's gonna ship on March 3 with order #5521.";
const WORDY = 'Hi Sam,\nI just wanted to let you know that I really think the refund of $49 will basically be processed by Friday.\nBest';
const WORDY_SEL = 'I just wanted to let you know that I really think the refund of $49 will basically be processed by Friday.';
const BOSSY = "Hi Lee,\nYou need to send Maria the invoice ASAP!! It's URGENT.\nThanks";
const BOSSY_SEL = "You need to send Maria the invoice ASAP!! It's URGENT.";

describe('rephrase', () => {
  it('keeps every fact of the selection in every option it offers', () => {
    for (const [reply, sel] of [[ANGRY, ANGRY_SEL], [WORDY, WORDY_SEL], [BOSSY, BOSSY_SEL]]) {
      const { result } = run(reply, sel);
      expect(result.options.length).toBeGreaterThan(0);
      const facts = extractFacts(sel);
      expect(facts.length).toBeGreaterThan(0);
      for (const o of result.options) for (const f of facts) expect(containsFact(o.replacement, f), `${o.style} lost ${f}: ${o.replacement}`).toBe(true);
    }
    expect(option(run(BOSSY, BOSSY_SEL).result, 'formal')).toContain('Maria');
  });

  it('more formal: no contractions, slang, shouting or exclamation marks', () => {
    const formal = option(run(ANGRY, ANGRY_SEL).result, 'formal')!;
    expect(formal).toBe('Calm down. You did not read the email, it is going to ship on March 3 with order #5521.');
    const bossy = option(run(BOSSY, BOSSY_SEL).result, 'formal')!;
    expect(bossy).not.toMatch(/['’](t|s|re|ll|ve|m|d)\b|!|URGENT|ASAP/);
    expect(bossy).toContain('as soon as possible');
  });

  it('shorter: drops filler and hedges, keeps the point', () => {
    const shorter = option(run(WORDY, WORDY_SEL).result, 'shorter')!;
    expect(shorter).toBe('The refund of $49 will be processed by Friday.');
    expect(shorter.length).toBeLessThan(WORDY_SEL.length / 2);
  });

  it("kinder: fixes the flags inside the selection and softens orders and shouting", () => {
    const kind = option(run(ANGRY, ANGRY_SEL).result, 'kinder')!;
    expect(kind).not.toMatch(/You didn't read/);
    expect(kind).not.toContain('!');
    const bossy = option(run(BOSSY, BOSSY_SEL).result, 'kinder')!;
    expect(bossy).toMatch(/^Could you please send Maria the invoice/);
    expect(bossy).not.toMatch(/URGENT|!/);
  });

  it('offers nothing, and says so, when no style changes the words or the selection is unusable', () => {
    const plain = run('Hi Dana,\nYour order #5521 shipped on March 3.\nJo', 'Your order #5521 shipped on March 3.').result;
    expect(plain.options).toEqual([]);
    expect(plain.problem).toMatch(/none is offered/);
    expect(rephrase({ reply: 'Hello there.', start: 5, end: 5 }).problem).toMatch(/Select the words/);
    const long = 'Fine. '.repeat(MAX_REPHRASE_CHARS);
    expect(rephrase({ reply: long, start: 0, end: long.length }).problem).toMatch(/at most 2,000 characters/);
  });
});
