import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';
import { readCustomer } from '../../analyzers/customer.ts';
import { checkSuggestion, grammarProblems } from '../../analyzers/rewrite/gate.ts';
import type { AnalysisContext } from '../../analyzers/context.ts';
import type { Channel, Finding, Suggestion } from '../../analyzers/types.ts';
import { hasShared, sharedPath } from '../shared.ts';

interface Draft {
  id: string;
  reply: string;
  customer?: string;
  channel?: Channel;
}

function jsonl(path: string, prefix: string): Draft[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const row = JSON.parse(l) as Draft;
      return { ...row, id: `${prefix}:${row.id ?? i + 1}` };
    });
}

const DRAFTS: Draft[] = [
  // The shared dev corpus when this checkout sits beside it; the repo's own drafts always.
  ...(hasShared('corpus/dev.jsonl', 'its dev-corpus drafts') ? jsonl(sharedPath('corpus/dev.jsonl'), 'dev') : []),
  ...jsonl('tests/cases/drafts.jsonl', 'cases'),
  {
    id: 'sample:thread-reply',
    reply: readFileSync('scripts/samples/thread-reply.txt', 'utf8'),
    customer: readFileSync('scripts/samples/thread-customer.txt', 'utf8'),
  },
  { id: 'sample:good-reply', reply: readFileSync('scripts/samples/good-reply.txt', 'utf8') },
];

function contextFor(d: Draft): AnalysisContext {
  return { channel: d.channel ?? 'email', customer: readCustomer(d.customer ?? ''), options: {} };
}

function finding(reply: string, phrase: string, category: Finding['category'], ruleSuggestion = 'RULE'): Finding {
  const start = reply.indexOf(phrase);
  return { ruleId: `test/${category}`, category, severity: 'warning', start, end: start + phrase.length, message: '', rationale: '', suggestions: [{ label: 'rule', replacement: ruleSuggestion }] };
}

// The gate's own checks, judged with the phrase rules alone: the tone model's verdicts on rewrites are
// covered over whole corpora by rewrite-judge.test.ts.
const RULES = { engine: 'rules' } as const;
const EMPTY: AnalysisContext = { channel: 'email', customer: readCustomer(''), options: RULES };

function verdict(reply: string, f: Finding, sg: Suggestion) {
  return checkSuggestion(reply, f, sg, EMPTY);
}

describe('suggestion gate: what it rejects', () => {
  it('a fragment left over from a splice ("Y")', () => {
    const reply = 'As I already explained, you clicked twice.';
    const f = finding(reply, 'As I already explained', 'defensive');
    expect(verdict(reply, f, { label: 'x', replacement: 'Y', start: 0, end: 25 }).ok).toBe(false);
    expect(verdict(reply, f, { label: 'x', replacement: 'You clicked twice.', start: 0, end: reply.length }).ok).toBe(true);
  });
  it('"the" before a clause', () => {
    const reply = "Calm down, that's how billing works.";
    const f = finding(reply, reply, 'dismissive');
    expect(verdict(reply, f, { label: 'x', replacement: 'I understand the how billing works is frustrating.' }).problems.join()).toMatch(/the how/);
  });
  it('a dangling "but" and a doubled word', () => {
    const reply = 'Sorry you feel that way, but refunds take 5 days.';
    const f = finding(reply, 'Sorry you feel that way, but', 'non_apology');
    expect(verdict(reply, f, { label: 'x', replacement: "I'm sorry about the delay, but" }).problems.join()).toMatch(/dangling/);
    expect(verdict(reply, f, { label: 'x', replacement: "I'm sorry sorry about the delay." }).problems.join()).toMatch(/doubled/);
  });
  it('a suggestion that loses a fact of the replaced text', () => {
    const reply = 'As I said, order #4521 ships Friday.';
    const f = finding(reply, reply, 'defensive');
    expect(verdict(reply, f, { label: 'x', replacement: 'The order ships soon.' }).problems.join()).toMatch(/#4521/);
  });
  it('a suggestion that is flagged again when put back in the reply', () => {
    const reply = 'There is NOTHING I can do to speed that up.';
    const f = finding(reply, 'There is NOTHING I can do', 'policy_shield');
    const upset: AnalysisContext = { channel: 'email', customer: readCustomer('I was charged twice and I want my money back NOW. This is unacceptable.'), options: RULES };
    expect(checkSuggestion(reply, f, { label: 'x', replacement: 'There is nothing I can do' }, upset).problems.join()).toMatch(/re-flagged/);
    expect(checkSuggestion(reply, f, { label: 'x', replacement: 'There is NOTHING I can do' }, upset).problems).toEqual(['changes nothing']);
    expect(checkSuggestion(reply, f, { label: 'x', replacement: "I can't speed that up myself, but I can [alternative].", start: 0, end: reply.length }, upset).ok).toBe(true);
  });
  it('a suggestion that adds a promise', () => {
    const reply = "I'll make sure this never happens again.";
    const f = finding(reply, 'never happens again', 'overpromise');
    expect(verdict(reply, f, { label: 'x', replacement: "I guarantee I've [action] to help prevent this", start: 0, end: reply.length }).problems.join()).toMatch(/promise/);
  });
  it('dropping a whole sentence only when it holds no fact', () => {
    const reply = "You didn't give us the right address. Thanks.";
    const f = finding(reply, "You didn't give us the right address", 'blame');
    expect(verdict(reply, f, { label: 'x', replacement: '', start: 0, end: 38 }).ok).toBe(true);
    const withFact = 'You sent it to 12 Elm Road. Thanks.';
    const g = finding(withFact, 'You sent it to 12 Elm Road', 'blame');
    expect(verdict(withFact, g, { label: 'x', replacement: '', start: 0, end: 28 }).ok).toBe(false);
  });
});

describe('every suggestion users see passes the gate (dev corpus, test cases, samples)', () => {
  it('100% of phrase-finding suggestions pass', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const d of DRAFTS) {
      const ctx = contextFor(d);
      const result = analyze({ reply: d.reply, customer: d.customer, channel: d.channel });
      for (const f of result.findings) {
        if (f.start === f.end) continue;
        for (const sg of f.suggestions) {
          checked++;
          const v = checkSuggestion(d.reply, f, sg, ctx);
          if (!v.ok) failures.push(`${d.id} ${f.category} "${f.text}" → "${sg.replacement}": ${v.problems.join('; ')}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('suggestion gate: splices a support lead would reject', () => {
  it('a stock clause pasted over part of a clause leaves its tail hanging', () => {
    const reply = 'Hi, we cannot be held liable for parking fines.';
    const f = finding(reply, 'we cannot be held liable for parking fines', 'blame');
    expect(verdict(reply, f, { label: 'x', replacement: "I'm taking this on myself parking fines" }).problems.join()).toMatch(/dangling tail "parking fines"/);
    const late = "I'm not sure who told you 5 days, because that's not our process.";
    const g = finding(late, late.slice(0, -1), 'blame');
    expect(verdict(late, g, { label: 'x', replacement: "That's on us, and I'll fix it 5 days, because that's not our process" }).ok).toBe(false);
  });
  it('"I understand" followed by bare words from the old sentence', () => {
    const reply = "clearly you didn't read the SMS we sent.";
    const f = finding(reply, "clearly you didn't", 'sarcasm');
    expect(verdict(reply, f, { label: 'x', replacement: 'I understand' }).problems.join()).toMatch(/dangling tail/);
  });
  it('an action the agent never said they took', () => {
    const reply = 'Hi, the email was sent on 3 May at 10:14.';
    const f = finding(reply, 'the email was sent on', 'defensive');
    expect(verdict(reply, f, { label: 'x', replacement: "I've resent it, and the email was sent on" }).problems.join()).toMatch(/claims "resent"/);
  });
  it('a sentence left opening on a comma, or with a double space where words were cut', () => {
    const reply = 'As per my last email, SSO is only available on the Enterprise plan.';
    const f = finding(reply, 'As per my last email', 'defensive');
    expect(verdict(reply, f, { label: 'x', replacement: '' }).problems.join()).toMatch(/stray punctuation/);
    const label = "Frankly you've been the most difficult client I've had this year.";
    const g = finding(label, 'the most difficult client', 'insult');
    expect(verdict(label, g, { label: 'x', replacement: '' }).problems.join()).toMatch(/stray space/);
  });
  it('an inserted "I\'m sorry." followed by the old sentence in lower case', () => {
    const reply = 'Hi, sorry, but the driver says he knocked.';
    const f = finding(reply, 'sorry, but', 'non_apology');
    expect(verdict(reply, f, { label: 'x', replacement: "I'm sorry." }).problems.join()).toMatch(/lower case after a closing mark/);
  });
});

describe('suggestion gate: stock lines inside a subordinate clause', () => {
  it('"If I understand you should have said so" is not a sentence', () => {
    const reply = "If you wanted 'warm' you should have said so at the start.";
    const f = finding(reply, "you wanted 'warm'", 'sarcasm');
    expect(verdict(reply, f, { label: 'x', replacement: 'I understand' }).ok).toBe(false);
  });
});

describe('gate: rule templates spliced into a clause', () => {
  it('rejects a stock clause followed by the replaced clause\'s prepositional leftover', () => {
    const reply = 'Our records show the plan change was requested from your account, so the interruption was expected.';
    const { findings } = analyze({ reply });
    for (const f of findings) for (const s of f.suggestions) expect(reply.slice(0, s.start ?? f.start) + s.replacement + reply.slice(s.end ?? f.end)).not.toMatch(/further from your account|reach you from your account/);
  });
  it('keeps a time adverbial after a new clause ("I expect this to be resolved in a day or two")', () => {
    const reply = "It'll probably sort itself out in a day or two.";
    const f = analyze({ reply }, RULES).findings.find((x) => x.category === 'dismissive')!;
    expect(f.suggestions.map((s) => reply.slice(0, s.start ?? f.start) + s.replacement + reply.slice(s.end ?? f.end))).toContain('I expect this to be resolved in a day or two.');
  });
  it('rejects a cut that leaves a subject without its verb ("…, and the freeze.")', () => {
    expect(grammarProblems('Our bank does not steal from anyone, and the freeze.', '', false).some((p) => p.startsWith('subject without a verb'))).toBe(true);
  });
});
