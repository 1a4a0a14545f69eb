// The shape of a phrase rule (rules/<category>/<id>.yml) and its compiled form
// (rules/compiled.json), plus the schema check shared by the build script and tests.
import { PHRASE_CATEGORIES, type Category, type Severity } from '../types.ts';
import { compilePattern, patternFlags, patternTriggers } from './pattern.ts';
import { PREDICATE_NAMES } from './predicates.ts';

export type SpanMode = 'match' | 'clause';

/** A rule as written in YAML. */
export interface RuleSource {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  rationale: string;
  patterns?: string[];
  /** A built-in detector instead of patterns (e.g. `caps` for shouting). */
  detector?: string;
  case?: 'sensitive' | 'insensitive';
  /** Underline the match (default) or stretch it to the clause it sits in. */
  span?: SpanMode;
  unless?: string[];
  requires?: string[];
  suggestions: { label: string; replacement: string }[];
  examples: { flag: string[]; pass: string[] };
}

/** A rule ready for the matcher: patterns are regex sources. */
export interface CompiledRule extends Omit<RuleSource, 'patterns' | 'case'> {
  regexes: string[];
  /** Per regex: lower-case words of which the sentence must contain one (see patternTriggers), or null. */
  triggers?: (string[] | null)[];
  flags: string;
}

export const DETECTORS = ['caps', 'stacked_punctuation'] as const;
const SEVERITIES: Severity[] = ['info', 'warning', 'error'];

/** Problems with one rule; empty when it is valid. */
export function validateRule(rule: RuleSource, file = rule?.id ?? '?'): string[] {
  const problems: string[] = [];
  const say = (m: string) => problems.push(`${file}: ${m}`);
  if (!rule || typeof rule !== 'object') return [`${file}: not a mapping`];
  if (typeof rule.id !== 'string' || !/^[a-z_]+\/[a-z0-9-]+$/.test(rule.id)) say('id must look like "category/rule-name"');
  if (!PHRASE_CATEGORIES.includes(rule.category)) say(`category must be one of ${PHRASE_CATEGORIES.join(', ')}`);
  else if (typeof rule.id === 'string' && !rule.id.startsWith(`${rule.category}/`)) say('id must start with its category');
  if (!SEVERITIES.includes(rule.severity)) say('severity must be info, warning or error');
  if (typeof rule.message !== 'string' || rule.message.length < 10) say('message is missing');
  if (typeof rule.rationale !== 'string' || !/Playbook [ABCD]\b/.test(rule.rationale) || !/\b00[0-4]\b/.test(rule.rationale))
    say('rationale must cite the playbook: "Playbook B, <flag> (<source>): \\"quote\\""');
  else if (!/["“][^"”]{8,}["”]/.test(rule.rationale)) say('rationale must quote the playbook line');
  const hasPatterns = Array.isArray(rule.patterns) && rule.patterns.length > 0;
  if (hasPatterns === Boolean(rule.detector)) say('give either patterns or a detector');
  if (rule.detector && !(DETECTORS as readonly string[]).includes(rule.detector)) say(`unknown detector ${rule.detector}`);
  for (const p of rule.patterns ?? []) {
    try {
      compilePattern(p);
    } catch (err) {
      say(`pattern "${p}": ${(err as Error).message}`);
    }
  }
  for (const name of [...(rule.unless ?? []), ...(rule.requires ?? [])]) {
    if (!PREDICATE_NAMES.includes(name)) say(`unknown condition "${name}" (known: ${PREDICATE_NAMES.join(', ')})`);
  }
  if (rule.span !== undefined && rule.span !== 'match' && rule.span !== 'clause') say('span must be match or clause');
  if (!Array.isArray(rule.suggestions) || rule.suggestions.length < 1 || rule.suggestions.length > 3) say('1–3 suggestions');
  else if (rule.suggestions.some((s) => typeof s?.label !== 'string' || typeof s?.replacement !== 'string'))
    say('each suggestion needs label and replacement');
  const ex = rule.examples;
  if (!ex || !Array.isArray(ex.flag) || !Array.isArray(ex.pass) || ex.flag.length < 1 || ex.pass.length < 1)
    say('examples need at least one flag and one pass sentence');
  return problems;
}

export function compileRule(rule: RuleSource): CompiledRule {
  const { patterns, case: caseMode, ...rest } = rule;
  return {
    ...rest,
    unless: rule.unless ?? [],
    requires: rule.requires ?? [],
    regexes: (patterns ?? []).map(compilePattern),
    triggers: (patterns ?? []).map((p) => patternTriggers(p) ?? null),
    flags: patternFlags(caseMode === 'sensitive'),
  };
}
