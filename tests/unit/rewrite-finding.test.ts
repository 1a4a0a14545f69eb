import { describe, expect, it } from 'vitest';
import { rewriteFinding } from '../../analyzers/rewrite/finding.ts';
import { readCustomer } from '../../analyzers/customer.ts';
import type { Category, Finding, Suggestion } from '../../analyzers/types.ts';
import type { AnalysisContext } from '../../analyzers/context.ts';

function finding(reply: string, phrase: string, category: Category): Finding {
  const start = reply.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in "${reply}"`);
  return { ruleId: `test/${category}`, category, severity: 'warning', start, end: start + phrase.length, message: '', rationale: '', suggestions: [{ label: 'rule', replacement: 'RULE' }] };
}

function context(customer = ''): AnalysisContext {
  return { channel: 'email', customer: readCustomer(customer), options: {} };
}

/** Applies a suggestion the way an editor would: its own range when given, else the finding's span. */
function apply(reply: string, f: Finding, s: Suggestion): string {
  return reply.slice(0, s.start ?? f.start) + s.replacement + reply.slice(s.end ?? f.end);
}

function rewrites(reply: string, phrase: string, category: Category, customer = ''): string[] {
  const f = finding(reply, phrase, category);
  return rewriteFinding(reply, f, context(customer)).map((s) => apply(reply, f, s));
}

describe('rewriteFinding: the bar from issue 4', () => {
  it('blame: the customer as subject of a failure becomes agentless', () => {
    expect(rewrites("You didn't attach the invoice.", "You didn't attach", 'blame')[0]).toBe("It looks like the invoice didn't come through.");
  });
  it('defensive: "as I already explained" goes, the fact stays, the sentence is re-capitalized', () => {
    expect(rewrites('As I already explained, the refund takes 5 days.', 'As I already explained', 'defensive')[0]).toBe('The refund takes 5 days.');
    expect(rewrites('The refund, as I said before, takes 5 days.', 'as I said before', 'defensive')[0]).toBe('The refund takes 5 days.');
  });
  it('policy shield: first person, singular object, a visible placeholder for the alternative', () => {
    expect(rewrites("Per our policy we can't refund shipped orders.", "Per our policy we can't refund shipped orders", 'policy_shield')[0]).toBe(
      "I can't refund a shipped order, but I can [alternative].",
    );
  });
  it('non-apology: "sorry you feel that way" becomes an apology for what happened', () => {
    expect(rewrites("I'm sorry you feel that way.", 'sorry you feel that way', 'non_apology')[0]).toBe("I'm sorry this happened.");
  });
  it('dismissive: "calm down" becomes an acknowledgement of the actual problem', () => {
    expect(rewrites("Calm down, it's only a small delay.", 'Calm down', 'dismissive')[0]).toBe('I understand the delay is frustrating.');
  });
});

describe('rewriteFinding: sentence-aware details', () => {
  it('drops "sorry, but" without a second apology when the reply already apologizes', () => {
    const reply = "I'm sorry about the double charge. We're sorry, but refunds take 5 days.";
    const out = rewrites(reply, "sorry, but", 'non_apology');
    expect(out[0]).toBe("I'm sorry about the double charge. Refunds take 5 days.");
    expect(out[0].match(/sorry/gi)).toHaveLength(1);
  });
  it('replaces boilerplate with an apology naming the customer problem', () => {
    const out = rewrites('We apologize for any inconvenience. It shipped Monday.', 'apologize for any inconvenience', 'non_apology', 'I was charged twice for my order!');
    expect(out[0]).toBe("I'm sorry about the double charge. It shipped Monday.");
  });
  it('turns "sorry if you were confused by X" into an apology about X', () => {
    expect(rewrites("I'm sorry if you were confused by our pricing.", 'sorry if you were confused', 'non_apology')[0]).toBe("I'm sorry our pricing wasn't clearer.");
  });
  it('keeps a sentence that continues a same-line greeting in lower case', () => {
    const out = rewrites("Hi Tamsin, the thermostat only does what it's programmed to do.", "only does what it's programmed to do", 'defensive');
    expect(out[0]).toBe('Hi Tamsin, let me check why the thermostat behaved that way.');
  });
  it('shouting: sentence case and one punctuation mark, ids kept', () => {
    expect(rewrites('PLEASE SEND THE KX-200 BACK!!!', 'PLEASE SEND THE KX-200 BACK!!!', 'shouting')[0]).toBe('Please send the KX-200 back!');
  });
  it('overpromise: no "never again", a placeholder for what was actually done', () => {
    const out = rewrites("Refund sent. I'll make sure this never happens again.", 'never happens again', 'overpromise');
    expect(out[0]).toBe("Refund sent. I've [action] to help prevent this from happening again.");
    for (const o of out) expect(o).not.toMatch(/never|guarantee/i);
  });
  it('a within-span rewrite carries no range; a wider one says which range it replaces', () => {
    const reply = "I'm sorry you feel that way.";
    const f = finding(reply, "I'm sorry you feel that way", 'non_apology');
    expect(rewriteFinding(reply, f, context())[0].start).toBeUndefined();
    const wide = finding('As I said, it takes 5 days.', 'As I said', 'defensive');
    const s = rewriteFinding('As I said, it takes 5 days.', wide, context())[0];
    // A rewrite reaching past the span offers the whole sentence, which reads on its own (not a fragment like "I").
    expect([s.start, s.end]).toEqual([0, 27]);
    expect(s.replacement).toBe('It takes 5 days.');
  });
  it('never drops a fact inside the flagged phrase', () => {
    const reply = 'Our support team has a 94% satisfaction score.';
    const out = rewrites(reply, 'has a 94% satisfaction', 'defensive');
    // The test rule suggestion ("RULE") would drop it, so it is filtered out too.
    expect(out.every((o) => o.includes('94%'))).toBe(true);
    expect(out).not.toContain('Our support team RULE score.');
  });
  it('falls back to the rule suggestion when nothing sentence-aware applies to a missing piece', () => {
    const f: Finding = { ...finding('Hi.', 'Hi', 'missing_empathy'), start: 0, end: 0 };
    expect(rewriteFinding('Hi.', f, context())).toBe(f.suggestions);
  });
});
