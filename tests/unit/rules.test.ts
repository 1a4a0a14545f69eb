// Every phrase rule is data (rules/<category>/<id>.yml). This runs each rule's
// own examples through the full engine, validates every rule's schema, and
// fails when rules/compiled.json no longer matches the YAML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';
import { validateRule } from '../../analyzers/phrases/rule.ts';
import { BUILT_IN_RULES } from '../../analyzers/phrases/index.ts';
import { PHRASE_CATEGORIES } from '../../analyzers/types.ts';
import { buildCompiled, COMPILED_PATH, loadRuleSources } from '../../scripts/build-rules.ts';

// The phrase rules' own specs: they run with engine 'rules'. The tone model beside them is judged
// on held-out writers and the blind set (npm run train, npm run eval:blind) and in tone-model.test.ts.
const RULES_ONLY = { engine: 'rules' } as const;

/** A plausible upset customer, so rules that only apply to complaints are in play. */
const UPSET_CUSTOMER = "This is the second time my order arrived broken and nobody answered my emails. I'm really disappointed.";

const sources = loadRuleSources();

function ruleIdsFor(sentence: string): string[] {
  return analyze({ reply: sentence, customer: UPSET_CUSTOMER }, RULES_ONLY).findings.map((f) => f.ruleId);
}

describe('phrase rules', () => {
  it('are all loaded and cover every phrase category', () => {
    expect(sources.length).toBeGreaterThanOrEqual(30);
    const categories = new Set(sources.map((s) => s.rule.category));
    for (const c of PHRASE_CATEGORIES) expect(categories, `no rule for ${c}`).toContain(c);
  });

  it('rules/compiled.json is up to date with the YAML (run `npm run rules`)', () => {
    expect(readFileSync(COMPILED_PATH, 'utf8')).toBe(buildCompiled());
    expect(BUILT_IN_RULES.map((r) => r.id).sort()).toEqual(sources.map((s) => s.rule.id).sort());
  });

  it('rejects a rule that breaks the schema', () => {
    const bad = { ...sources[0].rule, category: 'rude', rationale: 'because', patterns: ['(unclosed'] };
    const problems = validateRule(bad as never, 'bad.yml');
    expect(problems.some((p) => p.includes('category'))).toBe(true);
    expect(problems.some((p) => p.includes('rationale'))).toBe(true);
    expect(problems.some((p) => p.includes('pattern'))).toBe(true);
  });

  for (const { file, rule } of sources) {
    describe(rule.id, () => {
      it(`${file} follows the schema and cites the playbook`, () => {
        expect(validateRule(rule, file)).toEqual([]);
      });
      for (const sentence of rule.examples.flag) {
        it(`flags: ${sentence}`, () => {
          expect(ruleIdsFor(sentence)).toContain(rule.id);
        });
      }
      for (const sentence of rule.examples.pass) {
        it(`passes: ${sentence}`, () => {
          expect(ruleIdsFor(sentence)).not.toContain(rule.id);
        });
      }
    });
  }
});
