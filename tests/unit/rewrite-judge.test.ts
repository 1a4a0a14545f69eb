// Every suggestion of every finding on every corpus the repo has, applied and
// judged as a reader would (scripts/suggestion-judge.ts): the flag is gone, no
// new flag appears, Harper (an independent grammar checker, test-time only)
// finds nothing new in the edited lines, and nothing mechanical (".,", a
// repeated 4-word run, a lower-case sentence start, a doubled word). Plus the
// outputs issue 8 reported, as regressions.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';
import { readCustomer } from '../../analyzers/customer.ts';
import { rewriteFinding } from '../../analyzers/rewrite/finding.ts';
import { checkSuggestion } from '../../analyzers/rewrite/gate.ts';
import { mechanicalProblems, newMechanicalProblems } from '../../analyzers/rewrite/mechanical.ts';
import type { AnalysisContext } from '../../analyzers/context.ts';
import type { Category, Finding, Suggestion } from '../../analyzers/types.ts';
import { checkOf, createSuggestionJudge, type SuggestionJudge } from '../../scripts/suggestion-judge.ts';
import { evaluateSuggestions, readRows } from '../../scripts/eval-rewrites.ts';
import { hasShared, sharedPath } from '../shared.ts';

const SHARED_DEV = 'corpus/dev.jsonl';
const CORPORA = ['tests/cases/drafts.jsonl', 'tests/holdout/drafts.jsonl', ...(hasShared(SHARED_DEV, 'its suggestions check') ? [sharedPath(SHARED_DEV)] : [])];
/** Harper has false positives of its own ("I expect zero data loss" reads to it as a misspelt "except"): it may cost up to 2%. */
const CLEAN_SHARE = 0.98;

let judge: SuggestionJudge;
beforeAll(async () => {
  judge = await createSuggestionJudge();
}, 60_000);

function applied(reply: string, f: Finding, sg: Suggestion): string {
  return reply.slice(0, sg.start ?? f.start) + sg.replacement + reply.slice(sg.end ?? f.end);
}

describe('every suggestion on every corpus reads clean once applied', () => {
  for (const path of CORPORA) {
    it.runIf(existsSync(path))(path, async () => {
      const result = await evaluateSuggestions(readRows(path), judge);
      const line = (f: (typeof result.failures)[number]) => `${f.id} ${f.category} "${f.flagged}" → "${f.replacement}": ${f.problems.join('; ')}`;
      const list = result.failures.map(line);
      expect(result.suggestions).toBeGreaterThan(50);
      // What the engine itself can prove (the gate and the whole-reply check) holds for every suggestion…
      expect(result.failures.filter((f) => f.problems.some((p) => checkOf(p) !== 'harper')).map(line)).toEqual([]);
      // …and Harper, judging independently, objects to at most 2%.
      expect(result.clean / result.suggestions, list.join('\n')).toBeGreaterThanOrEqual(CLEAN_SHARE);
    }, 300_000);
  }
});

const RULES_ONLY: AnalysisContext = { channel: 'email', customer: readCustomer('This is the third time I ask. Terrible service, I am furious.'), options: { engine: 'rules' } };

function synthetic(reply: string, phrase: string, category: Category): Finding {
  const start = reply.indexOf(phrase);
  return { ruleId: `test/${category}`, category, severity: 'warning', start, end: start + phrase.length, message: '', rationale: '', suggestions: [] };
}

describe('issue 8: the reported outputs stay gone', () => {
  it('"I\'m sorry you feel frustrated" becomes an apology, not "I\'m sorry this happened frustrated"', () => {
    const reply = "I'm sorry you feel frustrated. We'll fix it today.";
    const f = synthetic(reply, "I'm sorry you feel", 'non_apology');
    const out = rewriteFinding(reply, f, RULES_ONLY).map((sg) => applied(reply, f, sg));
    expect(out.length).toBeGreaterThan(0);
    for (const text of out) expect(text).not.toMatch(/(?:happened|wrong) frustrated/);
    expect(out).toContain("I'm sorry this happened. We'll fix it today.");
  });
  it('a cut "If you had read" takes its whole clause: no "The FAQ you would know." / "It you would know."', () => {
    const reply = 'If you had read the FAQ you would know.';
    const f = synthetic(reply, 'If you had read', 'blame');
    for (const sg of rewriteFinding(reply, f, RULES_ONLY)) expect(applied(reply, f, sg)).not.toMatch(/^(?:It|The FAQ) you would know/);
    const withComma = 'If you had read the FAQ, you would know that refunds take 5 days.';
    const g = synthetic(withComma, 'If you had read', 'blame');
    for (const sg of rewriteFinding(withComma, g, RULES_ONLY)) expect(applied(withComma, g, sg)).not.toMatch(/^The FAQ/);
  });
  it('the gate rejects a piece of a cut word ("it\'s the policy po.")', () => {
    // A range that ends inside a word keeps its first letters: "…the policy potentially." → "…the policy po."
    const reply = "Sorry, but it's the policy potentially.";
    const f = synthetic(reply, 'potentially', 'policy_shield');
    const cut = { label: 'x', replacement: '', start: f.start + 2, end: f.end };
    expect(checkSuggestion(reply, f, cut, RULES_ONLY).problems).toContain('cut word "po"');
    expect(checkSuggestion(reply, f, { label: 'x', replacement: '', start: f.start - 1, end: f.end }, RULES_ONLY).problems).not.toContain('cut word "po"');
  });
  it('a softened promise keeps its sentence whole: no "…by tonight and such issue."', () => {
    const reply = 'I guarantee everything will be restored 100% by tonight and no such issue will happen again.';
    for (const options of [{ engine: 'rules' as const }, {}]) {
      for (const f of analyze({ reply, customer: 'Our shop has been offline all day. This is a disaster!' }, options).findings) {
        for (const sg of f.suggestions) expect(applied(reply, f, sg)).not.toMatch(/\band such issue\b/);
      }
    }
  });
  it('no sentence is left starting in lower case when a missing piece goes in after "Hi Sam,"', async () => {
    const input = { reply: 'Hi Sam, sorry, but the driver says he knocked and nobody answered.', customer: 'My parcel never arrived and I waited in all day. Unacceptable.' };
    const findings = analyze(input).findings;
    const inserted = findings.filter((f) => f.category.startsWith('missing_')).flatMap((f) => f.suggestions.map((sg) => ({ f, sg })));
    expect(inserted.length).toBeGreaterThan(0);
    for (const { f, sg } of inserted) {
      const text = applied(input.reply, f, sg);
      expect(mechanicalProblems(text).filter((p) => p.startsWith('lower-case'))).toEqual([]);
      expect((await judge.judge(input, f, sg, findings)).problems).toEqual([]);
    }
  });
  it('a stranded preposition stays: "someone you shared your login with", not "…your login."', () => {
    const reply = 'Our systems are 100% secure, so it is likely someone you shared your login with.';
    const f = synthetic(reply, 'Our systems are 100% secure', 'defensive');
    for (const sg of rewriteFinding(reply, f, RULES_ONLY)) expect(applied(reply, f, sg)).not.toMatch(/your login\.$/);
  });
});

describe('the mechanical check', () => {
  it('names each fault an edit can leave, and only the new ones count', () => {
    expect(mechanicalProblems('I understand the delay is frustrating., it is fine.')).toContain('closing mark then ","');
    expect(mechanicalProblems('Please send the the file.')).toContain('doubled "the the"');
    expect(mechanicalProblems("I'm sorry. we will check.")).toContain('lower-case sentence start "we"');
    expect(mechanicalProblems('I understand the delay is hard. Sadly I understand the delay is long.')).toContain('repeated "i understand the delay"');
    expect(mechanicalProblems('e.g., the invoice. Hi Dana,\nthanks for writing. We had had enough. Visit example.com today.')).toEqual([]);
    expect(newMechanicalProblems('we will check.', 'we will check. I am sorry.')).toEqual([]);
  });
});

describe('the judge itself', () => {
  it('fails a suggestion that leaves its flag, adds a lint or garbles the text, and passes a clean one', async () => {
    const input = { reply: "Calm down, it's only a small delay.", customer: 'My order is late again!' };
    const f: Finding = { ...synthetic(input.reply, "Calm down, it's only a small delay", 'dismissive'), ruleId: 'dismissive/calm-down' };
    const before = analyze(input, { engine: 'rules' }).findings;
    const verdict = async (replacement: string) => (await judge.judge(input, f, { label: 'x', replacement }, before, { engine: 'rules' })).problems.map(checkOf);
    expect(await verdict("Calm down, it's only a small delay")).toContain('flag');
    expect(await verdict('I understand the delay is frustrating., it is only small')).toContain('mechanical');
    expect(await verdict('I understand the the delay is frustrating')).toContain('harper');
    expect(await verdict('I understand the delay is frustrating')).toEqual([]);
  });
});
