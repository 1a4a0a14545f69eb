import { describe, expect, it } from 'vitest';
import compiled from '../../rules/compiled.json';
import { CATEGORIES, type Finding } from '../../analyzers/types.ts';
import { cardButtonText, cardHeading, findingTitle, quotePhrase, suggestionButtonText, whyAdvice, withoutCodes } from '../../lib/ui-card-text.ts';

const reply = "Hi Dana,\nThat's not our fault. As I already explained, per our policy we cannot refund shipped orders.\nJo";
const at = (phrase: string) => ({ start: reply.indexOf(phrase), end: reply.indexOf(phrase) + phrase.length });
const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'blame/other-party',
  category: 'blame',
  severity: 'warning',
  ...at("That's not our fault"),
  message: 'Blaming a colleague, another team, a partner or "the system" leaves the customer with nobody who owns their problem.',
  rationale: 'Playbook B, blame-shifting (002 §6, 004): "don\'t throw staff under the bus" — take ownership even when other teams must help (Playbook A step 5, "I\'ll handle this personally")',
  suggestions: [],
  ...over,
});
const CODE = /Playbook|\(\d{3}|§/;

describe('card wording', () => {
  it('gives every built-in rule a plain title and a one-sentence "Why" with no internal codes', () => {
    const rules = (compiled as { rules: { id: string; category: Finding['category']; rationale: string }[] }).rules;
    expect(rules.length).toBeGreaterThan(50);
    for (const r of rules) {
      const why = whyAdvice({ ruleId: r.id, category: r.category, rationale: r.rationale, suggestions: [] });
      expect(why, r.id).not.toMatch(CODE);
      expect(why.split(/(?<=[.!?])\s+(?=[A-Z])/).length, r.id).toBe(1);
    }
    for (const c of CATEGORIES) expect(findingTitle({ category: c })).toMatch(/^[A-Z][a-z]/);
  });

  it('says what a team phrase prefers instead of citing the phrase list', () => {
    const why = whyAdvice({ ruleId: 'custom/soonish', category: 'dismissive', rationale: 'Team phrase list: "soonish" → "by Friday".', suggestions: [{ label: 'Use "by Friday"', replacement: 'by Friday' }] });
    expect(why).toBe('Your team prefers “by Friday” here.');
  });

  it('strips playbook references from engine text', () => {
    expect(withoutCodes('Playbook A.2 (003, 002): express empathy — "I understand how frustrating this must be".')).toBe(
      'express empathy — "I understand how frustrating this must be".',
    );
    expect(withoutCodes(finding({}).rationale)).not.toMatch(CODE);
  });

  it('shows the label and the whole new words on a button, not a cut-off copy of the sentence start', () => {
    const long = "That's on us, and I'll personally make sure the replacement leaves our warehouse today with express shipping at no cost to you";
    const b = suggestionButtonText(reply, finding({}), { label: 'Own it for the team', replacement: long });
    expect(b).toMatchObject({ label: 'Own it for the team', kind: 'replace', change: long });
  });

  it('leaves out the words options share with the flagged text, so similar options read differently', () => {
    const f = finding({ ruleId: 'policy_shield/per-policy', category: 'policy_shield', ...at('As I already explained, per our policy we cannot refund shipped orders') });
    const a = suggestionButtonText(reply, f, { label: 'Offer instead', replacement: 'As I already explained, per our policy we cannot refund shipped orders, but I can reship it today' });
    const b = suggestionButtonText(reply, f, { label: 'Offer instead', replacement: 'As I already explained, per our policy we cannot refund shipped orders, but I can give you store credit' });
    expect(a.change).toBe('…orders, but I can reship it today');
    expect(b.change).toBe('…orders, but I can give you store credit');
    expect(a.change).not.toBe(b.change);
  });

  it('says what a removal removes, and how a suggestion with its own range reads', () => {
    const f = finding({});
    expect(suggestionButtonText(reply, f, { label: 'Remove the sentence', replacement: '', ...at("That's not our fault.") })).toEqual({
      label: 'Remove the sentence',
      change: 'removes “That\'s not our fault.”',
      kind: 'remove',
    });
    const insert = suggestionButtonText(reply, { ...f, start: 9, end: 9 }, { label: 'Add an apology', replacement: "I'm sorry about the wait. " });
    expect(insert).toEqual({ label: 'Add an apology', change: "I'm sorry about the wait.", kind: 'insert' });
  });

  it('shortens long quotes at a word boundary', () => {
    expect(quotePhrase('one two three four five six seven eight nine ten eleven', 30)).toBe('one two three four five six…');
    expect(quotePhrase('short  text\n')).toBe('short text');
  });
});

describe('card text without the whole reply', () => {
  it('matches the panel for a suggestion over the flagged words, and shows the whole replacement for one that reaches further', () => {
    const f = { ...finding({}), text: "That's not our fault" };
    const own = { label: 'Own it for the team', replacement: "That's on us, and I'll fix it" };
    expect(cardButtonText(f, own)).toEqual(suggestionButtonText(reply, f, own));
    const sentence = { label: 'Say what you will do', replacement: 'I will fix this for you today.', ...at("That's not our fault.") };
    expect(cardButtonText(f, sentence)).toEqual({ label: 'Say what you will do', change: 'I will fix this for you today.', kind: 'replace' });
    expect(cardButtonText(f, { ...sentence, replacement: '' }).kind).toBe('remove');
  });

  it('heads the card with a plain title and the words it is about, never the rule id', () => {
    expect(cardHeading({ ...finding({}), text: "That's not our fault" })).toBe('Shifts the blame: “That\'s not our fault”');
    expect(cardHeading({ ...finding({ category: 'missing_apology', ruleId: 'missing.apology' }), text: '' })).toBe('No apology yet');
  });
});
