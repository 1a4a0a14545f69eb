import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { ruleCatalog, ruleMatches, rulesByCategory } from '../../lib/ui-rules.ts';

describe('options rule list', () => {
  it('reads the engine rule list shape, skipping entries without id or known category', () => {
    const rules = ruleCatalog({
      rules: [
        { id: 'blame/check-your-spam', category: 'blame', message: 'Implies the customer missed it.' },
        { id: 'x/unknown', category: 'rudeness' },
        { category: 'blame' },
        { id: 'blame/check-your-spam', category: 'blame' },
      ],
    });
    expect(rules).toEqual([{ id: 'blame/check-your-spam', title: 'Check your spam', description: 'Implies the customer missed it.', category: 'blame' }]);
    expect(rulesByCategory(rules).get('blame')).toHaveLength(1);
    expect(rulesByCategory(rules).get('sarcasm')).toEqual([]);
    expect(ruleCatalog(undefined)).toEqual([]);
  });

  it('lists every rule of the compiled rule file when it exists', () => {
    if (!existsSync('rules/compiled.json')) return;
    const compiled = JSON.parse(readFileSync('rules/compiled.json', 'utf8'));
    expect(ruleCatalog(compiled).map((r) => r.id)).toEqual(compiled.rules.map((r: { id: string }) => r.id));
  });
});

describe('rule names, examples and search', () => {
  const compiled = existsSync('rules/compiled.json') ? JSON.parse(readFileSync('rules/compiled.json', 'utf8')) : null;

  it('names every shipped rule in words, without the "x" batch prefix, each name unique within its category, with an example', () => {
    if (!compiled) return;
    const rules = ruleCatalog(compiled);
    for (const r of rules) {
      expect(r.title, r.id).not.toMatch(/^X /);
      expect(r.description, r.id).toBeTruthy();
      expect(r.flagExample, r.id).toBeTruthy();
    }
    const keys = rules.map((r) => `${r.category}|${r.title.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rules.find((r) => r.id === 'dismissive/x-brush-off')!.title).toBe('Brush off (more wordings)');
  });

  it('finds rules by name, description or example', () => {
    const rules = ruleCatalog({
      rules: [
        { id: 'dismissive/calm-down', category: 'dismissive', message: 'Telling an upset customer how to feel.', examples: { flag: ['Please calm down.'], pass: ['I understand.'] } },
        { id: 'blame/check-your-spam', category: 'blame', message: 'Implies the customer missed it.' },
      ],
    });
    expect(rules[0]).toMatchObject({ title: 'Calm down', flagExample: 'Please calm down.', passExample: 'I understand.' });
    expect(rules.filter((r) => ruleMatches(r, 'HOW TO FEEL')).map((r) => r.id)).toEqual(['dismissive/calm-down']);
    expect(rules.filter((r) => ruleMatches(r, 'spam')).map((r) => r.id)).toEqual(['blame/check-your-spam']);
    expect(rules.filter((r) => ruleMatches(r, '  ')).length).toBe(2);
  });
});
