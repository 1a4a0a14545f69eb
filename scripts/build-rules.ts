// Compiles the phrase rules (rules/<category>/<id>.yml) into rules/compiled.json,
// which the engine imports (neither tsx nor the extension build read YAML).
//
//   npm run rules            rebuild rules/compiled.json
//   npx tsx scripts/build-rules.ts --check   exit 1 if compiled.json is stale
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { compileRule, validateRule, type RuleSource } from '../analyzers/phrases/rule.ts';

export const RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));
export const COMPILED_PATH = join(RULES_DIR, 'compiled.json');

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/** Every rule source with the file it came from. */
export function loadRuleSources(dir = RULES_DIR): { file: string; rule: RuleSource }[] {
  return yamlFiles(dir).map((file) => ({ file: relative(dir, file), rule: parse(readFileSync(file, 'utf8')) as RuleSource }));
}

/** Validates all rules and returns the compiled.json text; throws listing every problem. */
export function buildCompiled(dir = RULES_DIR): string {
  const sources = loadRuleSources(dir);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { file, rule } of sources) {
    problems.push(...validateRule(rule, file));
    if (rule && seen.has(rule.id)) problems.push(`${file}: duplicate id ${rule.id}`);
    seen.add(rule?.id);
    const expectedPath = `${rule?.category}/${String(rule?.id).split('/')[1]}.yml`;
    if (rule && file.replace(/\\/g, '/') !== expectedPath) problems.push(`${file}: should be at rules/${expectedPath}`);
  }
  if (problems.length) throw new Error(`Invalid rules:\n${problems.join('\n')}`);
  const rules = sources.map(({ rule }) => compileRule(rule));
  return `${JSON.stringify({ generatedFrom: 'rules/**/*.yml by scripts/build-rules.ts — do not edit by hand', rules }, null, 1)}\n`;
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  try {
    const text = buildCompiled();
    if (process.argv.includes('--check')) {
      const current = readFileSync(COMPILED_PATH, 'utf8');
      if (current !== text) {
        process.stderr.write('rules/compiled.json is stale: run `npm run rules`\n');
        process.exit(1);
      }
      process.stdout.write('rules/compiled.json is up to date\n');
    } else {
      writeFileSync(COMPILED_PATH, text);
      process.stdout.write(`wrote rules/compiled.json (${JSON.parse(text).rules.length} rules)\n`);
    }
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
