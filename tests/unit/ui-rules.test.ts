import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { ruleCatalog, rulesByCategory } from '../../lib/ui-rules.ts';

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
