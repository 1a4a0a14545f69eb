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
    // "it's gonna" keeps its 's: before "going" it could only be read as "is", but 's is expanded only where it is certain.
    expect(formal).toBe("Calm down. You did not read the email, it's going to ship on March 3 with order #5521.");
    const bossy = option(run(BOSSY, BOSSY_SEL).result, 'formal')!;
    expect(bossy).not.toMatch(/['’](t|re|ll|ve|m)\b|!|URGENT|ASAP/);
    expect(bossy).toContain('as soon as possible');
  });

  it('shorter: drops filler, keeps the point and a hedge in front of a promise', () => {
    const shorter = option(run(WORDY, WORDY_SEL).result, 'shorter')!;
    expect(shorter).toBe('I think the refund of $49 will be processed by Friday.');
    expect(shorter.length).toBeLessThan(WORDY_SEL.length * 0.55);
    const hedge = 'Hi Sam,\nI think your parcel is basically in the depot now.\nBest';
    expect(option(run(hedge, 'I think your parcel is basically in the depot now.').result, 'shorter')).toBe('Your parcel is in the depot now.');
  });

  it("shorter keeps the writer's maybe: a hedge before a modal or promise verb stays", () => {
    const reply = 'Hi Sam,\nI think we can refund $20 by Friday. I believe it will probably arrive on Monday.\nBest';
    for (const sel of ['I think we can refund $20 by Friday.', 'I believe it will probably arrive on Monday.']) {
      const r = run(reply, sel).result;
      expect(r.rejected.shorter, sel).toEqual(['changes nothing']);
      for (const o of r.options) {
        expect(o.replacement, o.style).toMatch(/^I (think|believe)\b/);
        if (sel.includes('probably')) expect(o.replacement, o.style).toContain('probably');
      }
    }
  });

  it("more formal expands 's and 'd only when they can only mean has / had", () => {
    const reply = "Hi Sam,\nIt's been a week, I know. I'd sent you the label on Monday, and I'd like to help!\nBest";
    const sel = "It's been a week, I know. I'd sent you the label on Monday, and I'd like to help!";
    const formal = option(run(reply, sel).result, 'formal')!;
    expect(formal).toBe("It has been a week, I know. I had sent you the label on Monday, and I'd like to help.");
    expect(formal).not.toMatch(/It is been|would sent/);
  });

  it('keeps carrier and shop names in capitals; only shouted words are lowered', () => {
    const reply = 'Hi Sam,\nYour parcel went with UPS and DHL from IKEA, it arrives soon!! This is NOT ACCEPTABLE.\nBest';
    const sel = 'Your parcel went with UPS and DHL from IKEA, it arrives soon!! This is NOT ACCEPTABLE.';
    const r = run(reply, sel).result;
    expect(r.options.length).toBeGreaterThan(0);
    for (const o of r.options) expect(o.replacement, o.style).toMatch(/with UPS and DHL from IKEA/);
    expect(option(r, 'kinder')).toBe('Your parcel went with UPS and DHL from IKEA, it arrives soon. This is not acceptable.');
  });

  it('kinder never deletes an apology sentence', () => {
    const reply = "Hi Sam,\nWe're sorry. Sorry again. So sorry!!\nBest";
    const r = run(reply, "We're sorry. Sorry again. So sorry!!").result;
    const kind = option(r, 'kinder');
    expect(kind).toBeDefined();
    expect(kind).toMatch(/^We're sorry\./);
  });

  it('a selection in the middle of a sentence keeps its lower-case start and is offered', () => {
    const reply = 'Hi Sam,\nThanks for waiting, the parcel is gonna arrive really soon!! Best wishes.\nJo';
    const sel = 'the parcel is gonna arrive really soon!!';
    const r = run(reply, sel).result;
    expect(r.options.length).toBeGreaterThan(0);
    for (const o of r.options) expect(o.replacement, o.style).toMatch(/^the parcel/);
    expect(r.rejected.formal ?? []).not.toContain('capital mid-sentence');
    expect(option(r, 'formal')).toBe('the parcel is going to arrive really soon.');
  });

  it('reads only the selection and a little context: a long draft answers as a short one does', () => {
    const filler = 'Please note that your account is active and the team has checked it twice. '.repeat(1300); // ~100k characters
    const reply = `Hi Sam,\n${filler}${WORDY_SEL}\n${filler}Best`;
    const start = reply.indexOf(WORDY_SEL);
    const long = rephrase({ reply, start, end: start + WORDY_SEL.length, customer: CUSTOMER });
    const short = run(WORDY, WORDY_SEL).result;
    expect(long.options).toEqual(short.options);
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
