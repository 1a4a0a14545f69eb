// The editor's session (`createAnalyzer().update`) on realistic typing: each
// keystroke must give exactly what a cold `analyze` gives, findings must follow
// the text they flag as it moves, and a fixed phrase must stop being flagged.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../analyzers/index.ts';

const SAMPLES = resolve(import.meta.dirname, '../../scripts/samples');
const REPLY = readFileSync(resolve(SAMPLES, 'thread-reply.txt'), 'utf8');
const GOOD = readFileSync(resolve(SAMPLES, 'good-reply.txt'), 'utf8');
const CUSTOMER = readFileSync(resolve(SAMPLES, 'thread-customer.txt'), 'utf8');

describe('createAnalyzer().update while typing', () => {
  it('matches a cold analyze after every keystroke of a new sentence', { timeout: 60_000 }, () => {
    const session = createAnalyzer();
    const at = GOOD.indexOf('I\'ve looked at your account');
    const typed = 'Calm down, as I already explained you clicked twice!!! ';
    session.update(GOOD, CUSTOMER);
    for (let i = 1; i <= typed.length; i++) {
      const reply = GOOD.slice(0, at) + typed.slice(0, i) + GOOD.slice(at);
      expect(session.update(reply, CUSTOMER), `after typing ${JSON.stringify(typed.slice(0, i))}`).toEqual(
        analyze({ reply, customer: CUSTOMER }),
      );
    }
  });

  it('matches a cold analyze while backspacing through the bad draft', { timeout: 60_000 }, () => {
    const session = createAnalyzer();
    let reply = REPLY;
    session.update(reply, CUSTOMER);
    // Delete the first 120 characters of the body one at a time.
    const from = REPLY.indexOf('Calm down');
    for (let i = 0; i < 120; i++) {
      reply = reply.slice(0, from) + reply.slice(from + 1);
      expect(session.update(reply, CUSTOMER)).toEqual(analyze({ reply, customer: CUSTOMER }));
    }
  });

  it('moves findings with their text when an earlier paragraph grows', () => {
    const session = createAnalyzer();
    const before = session.update(REPLY, CUSTOMER);
    const calm = before.findings.find((f) => f.category === 'dismissive');
    expect(calm).toBeDefined();
    const insertAt = REPLY.indexOf('\n') + 1;
    const added = '\nThank you for getting back to us.\n';
    const edited = REPLY.slice(0, insertAt) + added + REPLY.slice(insertAt);
    const after = session.update(edited, CUSTOMER);
    const moved = after.findings.find((f) => f.category === 'dismissive');
    expect(moved).toMatchObject({ start: calm!.start + added.length, end: calm!.end + added.length });
    expect(edited.slice(moved!.start, moved!.end)).toBe(REPLY.slice(calm!.start, calm!.end));
  });

  it('drops a finding once the agent rewrites the phrase, and brings it back on undo', () => {
    const session = createAnalyzer();
    const flagsCalmDown = (reply: string, findings: { start: number; end: number }[]) =>
      findings.some((f) => /calm down/i.test(reply.slice(f.start, f.end)));
    const bad = session.update(REPLY, CUSTOMER);
    expect(flagsCalmDown(REPLY, bad.findings)).toBe(true);
    const fixed = REPLY.replace('Calm down, it', 'I understand why you are upset, and it');
    const after = session.update(fixed, CUSTOMER);
    expect(flagsCalmDown(fixed, after.findings)).toBe(false);
    expect(session.update(REPLY, CUSTOMER)).toEqual(bad);
  });

  it('re-judges missing pieces when the customer message changes', () => {
    const session = createAnalyzer();
    const reply = 'Hi Sam,\n\nYour order shipped on Tuesday.\n\nBest,\nAna';
    const calm = session.update(reply, 'Thanks so much, everything arrived and it looks great!');
    const furious = session.update(reply, CUSTOMER);
    expect(calm.findings.filter((f) => f.category.startsWith('missing_'))).toEqual([]);
    expect(furious.findings.some((f) => f.category === 'missing_empathy' && f.severity === 'error')).toBe(true);
    expect(furious).toEqual(analyze({ reply, customer: CUSTOMER }));
  });
});

describe('cached rewrites and what surrounds their sentence', () => {
  it('re-judges a suggestion when only the text before its sentence changes', () => {
    const customer = 'I was charged TWICE!!! This is the third time. I want a manager.';
    const session = createAnalyzer();
    const first = '!'.repeat(39);
    expect(session.update(first, customer)).toEqual(analyze({ reply: first, customer }));
    const edited = `\t${first}`;
    expect(session.update(edited, customer)).toEqual(analyze({ reply: edited, customer }));
  });
  it('re-judges when an apology appears elsewhere in the reply', () => {
    const customer = 'My order #5521 is two weeks late.';
    const session = createAnalyzer();
    const draft = 'Sorry you feel that way. The courier is slow.';
    expect(session.update(draft, customer)).toEqual(analyze({ reply: draft, customer }));
    const more = `I'm so sorry about the wait. ${draft}`;
    expect(session.update(more, customer)).toEqual(analyze({ reply: more, customer }));
  });
});
